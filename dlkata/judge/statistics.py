"""Statistical tests for random functions, with fixed seeds so that every verdict is repeatable.

Any valid way of drawing from `rng` passes (the tests look at the distribution, not the numbers);
the thresholds are strict enough that a wrong scale or a wrong rate fails by a wide margin at the
sample sizes the hidden tests use.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import numpy as np

from dlkata.i18n import _
from dlkata.judge.failures import GradingFailure
from dlkata.judge.pictures import histogram


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


@dataclass(frozen=True)
class Fans:
    """The fans an initialiser's std came from (`mode`: `fan_in`, `fan_out` or `fan_avg`, the
    mean of both), so that a failure can say which other fan the learner's std fits."""

    fan_in: float
    fan_out: float
    mode: str = "fan_in"

    def size(self, mode: str) -> float:
        if mode == "fan_avg":
            return (self.fan_in + self.fan_out) / 2
        return self.fan_in if mode == "fan_in" else self.fan_out


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
    fans: Fans | None = None,
) -> None:
    """One-sample Kolmogorov-Smirnov test: fail when the samples do not look drawn from `cdf`.
    The failure says when the sample's std fits another scale (see `scale_diagnosis`)."""
    values = np.sort(np.asarray(samples, dtype=np.float64).ravel())
    n = values.size
    if n == 0 or not np.all(np.isfinite(values)):
        raise GradingFailure(
            _("{what}: the samples are empty or not finite").format(what=what),
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
        _(
            "{what}: the values do not follow {distribution} (Kolmogorov-Smirnov D = {statistic}, "
            "p = {p_value} < {alpha}); sample mean {mean}, sample std {std}"
        ).format(
            what=what,
            distribution=cdf,
            statistic=f"{statistic:.4g}",
            p_value=f"{p_value:.2g}",
            alpha=f"{alpha:g}",
            mean=f"{values.mean():.4g}",
            std=f"{values.std():.4g}",
        ),
        kind="statistic",
        function=function,
        hint=hint,
        statistic=_("Kolmogorov-Smirnov D"),
        value=statistic,
        p_value=p_value,
        threshold=alpha,
        n=n,
        expected_distribution=str(cdf),
        sample_mean=float(values.mean()),
        sample_std=float(values.std()),
        sample_min=float(values[0]),
        sample_max=float(values[-1]),
        histogram=histogram(values, cdf),
        diagnosis=scale_diagnosis(values - cdf.mean, cdf.name, cdf.std, fans),
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
        _(
            "{what}: {successes} of {trials} ({rate}), expected about {expected} "
            "(z = {z}, threshold {threshold})"
        ).format(
            what=what,
            successes=successes,
            trials=trials,
            rate=f"{successes / trials:.4f}",
            expected=f"{p:.4f}",
            z=f"{z:.1f}",
            threshold=f"{z_max:g}",
        ),
        kind="statistic",
        function=function,
        hint=hint,
        statistic=_("binomial z-score"),
        value=float(z),
        threshold=z_max,
        observed_rate=successes / trials,
        expected_rate=p,
        n=trials,
    )


def _upper_regularized_gamma(a: float, x: float) -> float:
    """Q(a, x) = Gamma(a, x) / Gamma(a), the regularized upper incomplete gamma function: the
    series of P(a, x) below x = a + 1, the continued fraction of Q (modified Lentz) above it,
    each to double precision (Numerical Recipes, 6.2)."""
    if x <= 0.0:
        return 1.0
    log_prefactor = a * math.log(x) - x - math.lgamma(a)
    if x < a + 1.0:
        term = total = 1.0 / a
        denominator = a
        for _step in range(10_000):
            denominator += 1.0
            term *= x / denominator
            total += term
            if abs(term) < abs(total) * 1e-16:
                break
        return min(max(1.0 - total * math.exp(log_prefactor), 0.0), 1.0)
    tiny = 1e-300
    b = x + 1.0 - a
    c = 1.0 / tiny
    d = 1.0 / b
    h = d
    for i in range(1, 10_000):
        an = -i * (i - a)
        b += 2.0
        d = an * d + b
        d = tiny if abs(d) < tiny else d
        c = b + an / c
        c = tiny if abs(c) < tiny else c
        d = 1.0 / d
        delta = d * c
        h *= delta
        if abs(delta - 1.0) < 1e-16:
            break
    return min(max(math.exp(log_prefactor) * h, 0.0), 1.0)


def chi_square_sf(statistic: float, df: int) -> float:
    """P(X >= statistic) for X chi-square distributed with `df` degrees of freedom."""
    return _upper_regularized_gamma(df / 2.0, statistic / 2.0)


def chi_square_test(
    counts: np.ndarray,
    probabilities: np.ndarray,
    *,
    what: str,
    function: str,
    labels: list[str] | None = None,
    alpha: float = 1e-6,
    hint: str | None = None,
) -> None:
    """Pearson's chi-square goodness-of-fit test: `counts[k]` observations fell into category
    `k`, which has probability `probabilities[k]`; fail when p < `alpha` (1e-6 by default: a
    false alarm about once in a million), or when a category of probability 0 has a count.
    The report names the category furthest from its expectation (`labels[k]` when given).
    Choose the number of observations so that every expected count is at least about 5."""
    observed = np.asarray(counts, dtype=np.float64).ravel()
    probs = np.asarray(probabilities, dtype=np.float64).ravel()
    if observed.shape != probs.shape or observed.size < 2:
        raise ValueError(
            f"chi_square_test needs one probability per category and at least 2 categories, "
            f"got {observed.size} counts and {probs.size} probabilities"
        )
    if not np.all(probs >= 0) or not math.isclose(float(probs.sum()), 1.0, rel_tol=1e-9):
        raise ValueError("chi_square_test: the probabilities must be >= 0 and sum to 1")
    n = float(observed.sum())
    if not np.all(np.isfinite(observed)) or np.any(observed < 0) or n <= 0:
        raise GradingFailure(
            _("{what}: the counts are empty, negative or not finite").format(what=what),
            kind="statistic",
            function=function,
            hint=hint,
        )
    expected = n * probs
    possible = probs > 0
    impossible = ~possible & (observed > 0)
    deviations = np.where(possible, observed - expected, 0.0) / np.sqrt(
        np.where(possible, expected, 1.0)
    )
    df = int(np.count_nonzero(possible)) - 1
    if impossible.any():
        statistic, p_value, worst = math.inf, 0.0, int(np.argmax(impossible))
    else:
        statistic = float(np.sum(deviations * deviations))
        p_value = chi_square_sf(statistic, df) if df > 0 else 1.0
        worst = int(np.argmax(np.abs(deviations)))
    if p_value >= alpha:
        return
    category = labels[worst] if labels is not None else str(worst)
    raise GradingFailure(
        _(
            "{what}: the counts do not follow the expected frequencies (chi-square = "
            "{statistic} with {df} degrees of freedom, p = {p_value} < {alpha}); the furthest "
            "from its expectation is {category}: {observed} observed, {expected} expected"
        ).format(
            what=what,
            statistic=f"{statistic:.4g}",
            df=df,
            p_value=f"{p_value:.2g}",
            alpha=f"{alpha:g}",
            category=category,
            observed=f"{observed[worst]:g}",
            expected=f"{expected[worst]:.4g}",
        ),
        kind="statistic",
        function=function,
        hint=hint,
        statistic=_("chi-square"),
        value=statistic,
        p_value=p_value,
        threshold=alpha,
        n=int(n) if n.is_integer() else n,
        degrees_of_freedom=df,
        worst_category=category,
        observed_count=float(observed[worst]),
        expected_count=float(expected[worst]),
    )


def check_symmetric_uniform(
    samples: np.ndarray,
    bound: float,
    *,
    what: str,
    function: str,
    hint: str | None = None,
    fans: Fans | None = None,
) -> None:
    """Samples of U(-bound, bound), drawn independently: none outside the bound, the largest
    within a hair of it (a bound 0.5 % short fails), the variance and the shape of U, and no
    correlation between neighbours. Sized for about a million values. `fans`: where the bound
    came from, for the diagnosis of a failure."""
    values = _finite(samples, what, function, hint)
    try:
        with _pictured(values, uniform_cdf(-bound, bound)):
            _check_uniform(samples, values, bound, what, function, hint, fans)
    except GradingFailure as failure:
        _diagnose_scale(failure, values, "uniform", bound / math.sqrt(3.0), fans)
        raise


def _check_uniform(
    samples: np.ndarray,
    values: np.ndarray,
    bound: float,
    what: str,
    function: str,
    hint: str | None,
    fans: Fans | None,
) -> None:
    largest = float(np.max(np.abs(values)))
    if largest > bound:
        raise GradingFailure(
            _("{what}: a value of magnitude {largest} lies outside the bound {bound}").format(
                what=what, largest=f"{largest:.6g}", bound=f"{bound:.6g}"
            ),
            kind="statistic",
            function=function,
            hint=hint,
            expected_bound=bound,
            largest_magnitude=largest,
        )
    # for a correct sampler P(max |x| < (1 - t) * bound) = (1 - t) ** n; t = 20 / n makes it e^-20
    if largest < (1.0 - 20.0 / values.size) * bound:
        raise GradingFailure(
            _(
                "{what}: no value comes near the bound {bound} (largest magnitude {largest} "
                "among {count} values)"
            ).format(
                what=what, bound=f"{bound:.6g}", largest=f"{largest:.6g}", count=np.size(samples)
            ),
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
    law = uniform_cdf(-bound, bound)
    ks_test(values, law, what=what, function=function, hint=hint, fans=fans)
    check_independent(samples, what=what, function=function, hint=hint)


# Each statistic below is a z-score, N(0, 1) for a correct sampler; |z| > Z_MAX has a chance of
# about 1e-7, so a hidden test that makes a dozen of them still has a false alarm under 1e-6.
Z_MAX = 5.3
# |z| < TOO_GOOD for both the mean and the variance has a chance under 1e-8: a sample rescaled to
# the exact target moments, not drawn.
TOO_GOOD = 1e-4
_NORMAL_TAIL = math.erfc(3.0 / math.sqrt(2.0))  # P(|z| > 3)


def check_normal(
    samples: np.ndarray,
    std: float,
    *,
    what: str,
    function: str,
    hint: str | None = None,
    fans: Fans | None = None,
) -> None:
    """Samples of N(0, std), drawn independently. Sized for about a million values, it fails a
    std off by 2.5 %, a normal truncated at 3 std, a sum of twelve uniforms, a sample rescaled
    to the exact moments, and sorted or mirrored samples. `fans`: where the std came from, for
    the diagnosis of a failure."""
    values = _finite(samples, what, function, hint)
    try:
        with _pictured(values, normal_cdf(0.0, std)):
            _check_normal(samples, values, std, what, function, hint, fans)
    except GradingFailure as failure:
        _diagnose_scale(failure, values, "normal", std, fans)
        raise


def _check_normal(
    samples: np.ndarray,
    values: np.ndarray,
    std: float,
    what: str,
    function: str,
    hint: str | None,
    fans: Fans | None,
) -> None:
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
        what=_("{what}: values beyond 3 standard deviations").format(what=what),
        function=function,
        hint=hint or _("A normal has about 0.27 % of its values beyond 3 std: do not truncate it."),
    )
    ks_test(values, normal_cdf(0.0, std), what=what, function=function, hint=hint, fans=fans)
    check_independent(samples, what=what, function=function, hint=hint)


def _diagnose_scale(
    failure: GradingFailure, values: np.ndarray, family: str, std: float, fans: Fans | None
) -> None:
    if "diagnosis" not in failure.facts:
        words = scale_diagnosis(values, family, std, fans)
        if words:
            failure.facts["diagnosis"] = words


def scale_diagnosis(values: np.ndarray, family: str, std: float, fans: Fans | None) -> str | None:
    """The scale the sample's std fits, when it is not `std` but a known mistake's: `std`
    divided or multiplied by √2 (He init without its gain, or with one too many), a uniform's
    bound set to the std, or the std another fan would give. A scale fits when the variance
    z-score against it is within the test's own threshold Z_MAX, and the first one that fits is
    named; none is named when the expected std itself fits."""
    if family not in ("normal", "uniform") or std <= 0 or values.size < 2:
        return None
    mean_square = float(np.mean(np.square(values)))
    candidates = _scale_candidates(family, fans)
    fits = [
        words
        for factor, words in candidates
        if _fits(mean_square, values.size, family, std * factor)
    ]
    if not fits or _fits(mean_square, values.size, family, std):
        return None
    return fits[0]()


def _fits(mean_square: float, n: int, family: str, std: float) -> bool:
    if family == "normal":
        z = (mean_square / std**2 - 1.0) / math.sqrt(2.0 / n)
    else:
        z = (mean_square / (3.0 * std**2) - 1.0 / 3.0) / math.sqrt(4.0 / (45.0 * n))
    return abs(z) <= Z_MAX


def _scale_candidates(family: str, fans: Fans | None) -> list[tuple[float, Callable[[], str]]]:
    """(factor on the expected std, words) for each known mistake, the most common first."""
    root2 = math.sqrt(2.0)
    if fans is not None and fans.mode != "fan_avg":  # He init: the gain √2 belongs to it
        candidates = [
            (
                1 / root2,
                lambda: _(
                    "your std is the expected one divided by √2: He init without the gain √2"
                ),
            ),
            (
                root2,
                lambda: _("your std is √2 times the expected one: a gain √2 where none belongs"),
            ),
        ]
    else:
        candidates = [
            (1 / root2, lambda: _("your std is the expected one divided by √2")),
            (root2, lambda: _("your std is √2 times the expected one")),
        ]
    if family == "uniform":
        candidates.append(
            (
                1 / math.sqrt(3.0),
                lambda: _(
                    "your bound is the std itself: the bound of U(-a, a) is √3 times its std"
                ),
            )
        )
    if fans is not None:
        used = fans.size(fans.mode)
        for mode in ("fan_out", "fan_in", "fan_avg"):
            other = fans.size(mode)
            if mode != fans.mode and other != used:
                candidates.append(
                    (math.sqrt(used / other), functools.partial(_fan_words, fans, mode))
                )
    return candidates


def _fan_words(fans: Fans, mode: str) -> str:
    names = {"fan_in": "fan_in", "fan_out": "fan_out", "fan_avg": "(fan_in + fan_out) / 2"}
    return _(
        "your std is the one {fan} = {size} would give, not {expected} = {expected_size}: the "
        "wrong fan"
    ).format(
        fan=names[mode],
        size=f"{fans.size(mode):g}",
        expected=names[fans.mode],
        expected_size=f"{fans.size(fans.mode):g}",
    )


def _check_moments(
    moments: dict[str, float], target: str, what: str, function: str, hint: str | None
) -> None:
    for name, z in moments.items():
        if not abs(z) <= Z_MAX:
            message, statistic = _moment_words(name)
            raise GradingFailure(
                message.format(what=what, z=f"{z:+.1f}", target=target, threshold=f"{Z_MAX:g}"),
                kind="statistic",
                function=function,
                hint=hint,
                statistic=statistic,
                value=z,
                threshold=Z_MAX,
                expected_distribution=target,
            )
    if abs(moments["mean"]) < TOO_GOOD and abs(moments["variance"]) < TOO_GOOD:
        raise GradingFailure(
            _(
                "{what}: the sample mean and variance equal those of {target} almost exactly, "
                "closer than a random sample ever comes: were the values rescaled after drawing?"
            ).format(what=what, target=target),
            kind="statistic",
            function=function,
            hint=_(
                "Draw the values from the distribution itself; do not standardise the sample "
                "afterwards, which makes its values depend on each other."
            ),
            expected_distribution=target,
        )


def _moment_words(name: str) -> tuple[str, str]:
    """The failure message of a moment's z-score (fields `what`, `z`, `target`, `threshold`)
    and the statistic's name, for `mean`, `variance` or `kurtosis`."""
    if name == "mean":
        return (
            _(
                "{what}: the sample mean is {z} standard errors away from that of {target} "
                "(threshold {threshold})"
            ),
            _("mean z-score"),
        )
    if name == "variance":
        return (
            _(
                "{what}: the sample variance is {z} standard errors away from that of {target} "
                "(threshold {threshold})"
            ),
            _("variance z-score"),
        )
    return (
        _(
            "{what}: the sample kurtosis is {z} standard errors away from that of {target} "
            "(threshold {threshold})"
        ),
        _("kurtosis z-score"),
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
                _(
                    "{what}: values {lag} apart are correlated (r = {r}, z = {z}, "
                    "threshold {threshold}); independent draws are not"
                ).format(
                    what=what, lag=lag, r=f"{correlation:.3g}", z=f"{z:.1f}", threshold=f"{Z_MAX:g}"
                ),
                kind="statistic",
                function=function,
                hint=hint
                or _(
                    "Draw every value independently from `rng`: do not sort, tile, "
                    "mirror or reuse draws."
                ),
                statistic=_("correlation at lag {lag}").format(lag=lag),
                value=z,
                threshold=Z_MAX,
            )


@contextmanager
def _pictured(values: np.ndarray, distribution: Distribution) -> Iterator[None]:
    """A failure of the checks inside carries the sample's histogram against `distribution`."""
    try:
        yield
    except GradingFailure as failure:
        failure.facts.setdefault("histogram", histogram(values, distribution))
        raise


def _finite(samples: np.ndarray, what: str, function: str, hint: str | None) -> np.ndarray:
    values = np.asarray(samples, dtype=np.float64).ravel()
    if values.size == 0 or not np.all(np.isfinite(values)):
        raise GradingFailure(
            _("{what}: the samples are empty or not finite").format(what=what),
            kind="statistic",
            function=function,
            hint=hint,
        )
    return values
