"""Statistical tests for random functions, with fixed seeds so that every verdict is repeatable.

Any valid way of drawing from `rng` passes (the tests look at the distribution, not the numbers);
the thresholds are strict enough that a wrong scale or a wrong rate fails by a wide margin at the
sample sizes the hidden tests use.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from dlkata.judge.failures import GradingFailure


@dataclass(frozen=True)
class Distribution:
    """A continuous distribution with its CDF, and the moments the report shows."""

    name: str
    mean: float
    std: float
    low: float = -math.inf
    high: float = math.inf

    def cdf(self, x: np.ndarray) -> np.ndarray:
        if self.name == "uniform":
            return np.clip((x - self.low) / (self.high - self.low), 0.0, 1.0)
        z = (x - self.mean) / (self.std * math.sqrt(2.0))
        return 0.5 * (1.0 + np.vectorize(math.erf)(z))

    def __str__(self) -> str:
        if self.name == "uniform":
            return f"U({self.low:.6g}, {self.high:.6g})"
        return f"N(mean={self.mean:.6g}, std={self.std:.6g})"


def normal_cdf(mean: float, std: float) -> Distribution:
    return Distribution("normal", mean, std)


def uniform_cdf(low: float, high: float) -> Distribution:
    return Distribution("uniform", (low + high) / 2, (high - low) / math.sqrt(12.0), low, high)


def _kolmogorov_p_value(statistic: float, n: int) -> float:
    """Asymptotic p-value of the one-sample KS statistic, with Stephens' small-sample correction."""
    root = math.sqrt(n)
    lam = (root + 0.12 + 0.11 / root) * statistic
    if lam < 0.2:
        return 1.0
    total = sum((-1) ** (k - 1) * math.exp(-2.0 * k * k * lam * lam) for k in range(1, 101))
    return min(max(2.0 * total, 0.0), 1.0)


def ks_test(
    samples: np.ndarray,
    cdf: Distribution,
    *,
    what: str,
    function: str,
    alpha: float = 1e-6,
    hint: str | None = None,
) -> None:
    """One-sample Kolmogorov-Smirnov test: fail when the samples do not look drawn from `cdf`."""
    values = np.sort(np.asarray(samples, dtype=np.float64).ravel())
    n = values.size
    if n == 0 or not np.all(np.isfinite(values)):
        raise GradingFailure(
            f"{what}: the samples are empty or not finite",
            kind="statistic",
            function=function,
            hint=hint,
        )
    expected = cdf.cdf(values)
    steps = np.arange(1, n + 1) / n
    statistic = float(max(np.max(steps - expected), np.max(expected - (steps - 1.0 / n))))
    p_value = _kolmogorov_p_value(statistic, n)
    if p_value >= alpha:
        return
    raise GradingFailure(
        f"{what}: the values do not follow {cdf} (Kolmogorov-Smirnov D = {statistic:.4g}, "
        f"p = {p_value:.2g} < {alpha:g}); sample mean {values.mean():.4g}, "
        f"sample std {values.std():.4g}",
        kind="statistic",
        function=function,
        hint=hint,
        statistic="Kolmogorov-Smirnov D",
        value=statistic,
        p_value=p_value,
        threshold=alpha,
        n=n,
        expected_distribution=str(cdf),
        sample_mean=float(values.mean()),
        sample_std=float(values.std()),
        sample_min=float(values[0]),
        sample_max=float(values[-1]),
    )


def binomial_test(
    successes: int,
    trials: int,
    p: float,
    *,
    what: str,
    function: str,
    z_max: float = 5.3,
    hint: str | None = None,
) -> None:
    """A count against Binomial(trials, p): fail when it is more than `z_max` deviations away
    (5.3 by default: a false alarm about once in ten million)."""
    mean = trials * p
    spread = math.sqrt(trials * p * (1.0 - p))
    z = (successes - mean) / spread if spread > 0 else (0.0 if successes == mean else math.inf)
    if abs(z) <= z_max:
        return
    raise GradingFailure(
        f"{what}: {successes} of {trials} ({successes / trials:.4f}), expected about "
        f"{p:.4f} (z = {z:.1f}, threshold {z_max:g})",
        kind="statistic",
        function=function,
        hint=hint,
        statistic="binomial z-score",
        value=float(z),
        threshold=z_max,
        observed_rate=successes / trials,
        expected_rate=p,
        n=trials,
    )


def check_symmetric_uniform(
    samples: np.ndarray, bound: float, *, what: str, function: str, hint: str | None = None
) -> None:
    """Samples of U(-bound, bound), drawn independently: none outside the bound, the largest
    within a hair of it (a bound 0.5 % short fails), the variance and the shape of U, and no
    correlation between neighbours. Sized for about a million values."""
    values = _finite(samples, what, function, hint)
    largest = float(np.max(np.abs(values)))
    if largest > bound:
        raise GradingFailure(
            f"{what}: a value of magnitude {largest:.6g} lies outside the bound {bound:.6g}",
            kind="statistic",
            function=function,
            hint=hint,
            expected_bound=bound,
            largest_magnitude=largest,
        )
    # for a correct sampler P(max |x| < (1 - t) * bound) = (1 - t) ** n; t = 20 / n makes it e^-20
    if largest < (1.0 - 20.0 / values.size) * bound:
        raise GradingFailure(
            f"{what}: no value comes near the bound {bound:.6g} (largest magnitude "
            f"{largest:.6g} among {np.size(samples)} values)",
            kind="statistic",
            function=function,
            hint=hint,
            expected_bound=bound,
            largest_magnitude=largest,
        )
    z = values / bound
    moments = {
        "mean": float(z.mean()) / math.sqrt(1.0 / (3.0 * z.size)),
        "variance": (float(np.mean(z * z)) - 1.0 / 3.0) / math.sqrt(4.0 / (45.0 * z.size)),
    }
    _check_moments(moments, f"U({-bound:.6g}, {bound:.6g})", what, function, hint)
    ks_test(values, uniform_cdf(-bound, bound), what=what, function=function, hint=hint)
    check_independent(samples, what=what, function=function, hint=hint)


# Each statistic below is a z-score, N(0, 1) for a correct sampler; |z| > Z_MAX has a chance of
# about 1e-7, so a hidden test that makes a dozen of them still has a false alarm under 1e-6.
Z_MAX = 5.3
# |z| < TOO_GOOD for both the mean and the variance has a chance under 1e-8: a sample rescaled to
# the exact target moments, not drawn.
TOO_GOOD = 1e-4
_NORMAL_TAIL = math.erfc(3.0 / math.sqrt(2.0))  # P(|z| > 3)


def check_normal(
    samples: np.ndarray, std: float, *, what: str, function: str, hint: str | None = None
) -> None:
    """Samples of N(0, std), drawn independently. Sized for about a million values, it fails a
    std off by 2.5 %, a normal truncated at 3 std, a sum of twelve uniforms, a sample rescaled
    to the exact moments, and sorted or mirrored samples."""
    values = _finite(samples, what, function, hint)
    z = values / std
    n = z.size
    squares = z * z
    moments = {
        "mean": float(z.mean()) * math.sqrt(n),
        "variance": (float(squares.mean()) - 1.0) / math.sqrt(2.0 / n),
        "kurtosis": (float(np.mean(squares * squares)) - 3.0) / math.sqrt(96.0 / n),
    }
    _check_moments(moments, f"N(0, {std:.6g})", what, function, hint)
    binomial_test(
        int(np.count_nonzero(np.abs(z) > 3.0)),
        n,
        _NORMAL_TAIL,
        what=f"{what}: values beyond 3 standard deviations",
        function=function,
        hint=hint or "A normal has about 0.27 % of its values beyond 3 std: do not truncate it.",
    )
    ks_test(values, normal_cdf(0.0, std), what=what, function=function, hint=hint)
    check_independent(samples, what=what, function=function, hint=hint)


def _check_moments(
    moments: dict[str, float], target: str, what: str, function: str, hint: str | None
) -> None:
    for name, z in moments.items():
        if not abs(z) <= Z_MAX:
            raise GradingFailure(
                f"{what}: the sample {name} is {z:+.1f} standard errors away from that of "
                f"{target} (threshold {Z_MAX:g})",
                kind="statistic",
                function=function,
                hint=hint,
                statistic=f"{name} z-score",
                value=z,
                threshold=Z_MAX,
                expected_distribution=target,
            )
    if abs(moments["mean"]) < TOO_GOOD and abs(moments["variance"]) < TOO_GOOD:
        raise GradingFailure(
            f"{what}: the sample mean and variance equal those of {target} almost exactly, "
            "closer than a random sample ever comes: were the values rescaled after drawing?",
            kind="statistic",
            function=function,
            hint="Draw the values from the distribution itself; do not standardise the sample "
            "afterwards, which makes its values depend on each other.",
            expected_distribution=target,
        )


def check_independent(
    samples: np.ndarray, *, what: str, function: str, hint: str | None = None
) -> None:
    """No correlation between a value and its neighbour, the next row, or the value half the
    array away (sorted, tiled or mirrored samples fail), each a z-score under Z_MAX."""
    array = np.asarray(samples, dtype=np.float64)
    flat = array.ravel()
    n = flat.size
    lags = {1, n // 2, array.shape[-1] if array.ndim else 1}
    if array.ndim >= 2:
        lags.add(int(np.prod(array.shape[1:])))
    centred = flat - flat.mean()
    variance = float(np.dot(centred, centred))
    for lag in sorted(k for k in lags if 0 < k < n - 2):
        if variance == 0.0:
            correlation = 1.0
        else:
            correlation = float(np.dot(centred[:-lag], centred[lag:])) / variance
        z = correlation * math.sqrt(n - lag)
        if abs(z) > Z_MAX:
            raise GradingFailure(
                f"{what}: values {lag} apart are correlated (r = {correlation:.3g}, z = {z:.1f}, "
                f"threshold {Z_MAX:g}); independent draws are not",
                kind="statistic",
                function=function,
                hint=hint
                or "Draw every value independently from `rng`: do not sort, tile, "
                "mirror or reuse draws.",
                statistic=f"correlation at lag {lag}",
                value=z,
                threshold=Z_MAX,
            )


def _finite(samples: np.ndarray, what: str, function: str, hint: str | None) -> np.ndarray:
    values = np.asarray(samples, dtype=np.float64).ravel()
    if values.size == 0 or not np.all(np.isfinite(values)):
        raise GradingFailure(
            f"{what}: the samples are empty or not finite",
            kind="statistic",
            function=function,
            hint=hint,
        )
    return values
