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
    alpha: float = 1e-4,
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
    z_max: float = 5.0,
    hint: str | None = None,
) -> None:
    """A count against Binomial(trials, p): fail when it is more than `z_max` deviations away."""
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
    """Samples of U(-bound, bound): none outside, some close to the edges, and the right shape
    of distribution (a bound mistaken for a std, or a std for a bound, fails one of the three)."""
    largest = float(np.max(np.abs(samples)))
    if largest > bound:
        raise GradingFailure(
            f"{what}: a value of magnitude {largest:.6g} lies outside the bound {bound:.6g}",
            kind="statistic",
            function=function,
            hint=hint,
            expected_bound=bound,
            largest_magnitude=largest,
        )
    if largest < 0.99 * bound:
        raise GradingFailure(
            f"{what}: no value comes near the bound {bound:.6g} (largest magnitude "
            f"{largest:.6g} among {np.size(samples)} values)",
            kind="statistic",
            function=function,
            hint=hint,
            expected_bound=bound,
            largest_magnitude=largest,
        )
    ks_test(samples, uniform_cdf(-bound, bound), what=what, function=function, hint=hint)
