"""The distribution checks have power: each sampler mistake the issue names fails at about a
million samples, and correct samplers pass on every seed tried (a false alarm is rarer than 1e-6
per hidden test by design)."""

from __future__ import annotations

import numpy as np
import pytest

from dlkata.judge import (
    GradingFailure,
    assert_close,
    check_normal,
    check_symmetric_uniform,
    chi_square_test,
)
from dlkata.judge.statistics import chi_square_sf

SHAPE = (1024, 1024)
STD = 0.05


def _normal(rng: np.random.Generator) -> np.ndarray:
    return rng.normal(0.0, STD, SHAPE)


def _truncated(rng: np.random.Generator) -> np.ndarray:
    z = rng.standard_normal(3 * SHAPE[0] * SHAPE[1])
    return z[np.abs(z) < 3.0][: SHAPE[0] * SHAPE[1]].reshape(SHAPE) * STD


def _mirrored(rng: np.random.Generator) -> np.ndarray:
    half = rng.normal(0.0, STD, SHAPE[0] * SHAPE[1] // 2)
    return np.concatenate([half, -half]).reshape(SHAPE)


def _rescaled(rng: np.random.Generator) -> np.ndarray:
    x = _normal(rng)
    return (x - x.mean()) / x.std() * STD


WRONG_NORMALS = {
    "std 2.5 % too large": lambda rng: rng.normal(0.0, 1.025 * STD, SHAPE),
    "std 2.5 % too small": lambda rng: rng.normal(0.0, 0.975 * STD, SHAPE),
    "truncated at 3 std": _truncated,
    "sum of twelve uniforms": lambda rng: (rng.random((12, *SHAPE)).sum(axis=0) - 6.0) * STD,
    "sorted": lambda rng: np.sort(_normal(rng), axis=None).reshape(SHAPE),
    "second half mirrored": _mirrored,
    "rescaled to the exact moments": _rescaled,
    "one row tiled": lambda rng: np.tile(rng.normal(0.0, STD, SHAPE[1]), (SHAPE[0], 1)),
}

WRONG_UNIFORMS = {
    "bound 0.5 % short": lambda rng: rng.uniform(-0.995 * STD, 0.995 * STD, SHAPE),
    "a normal with the bound as std": lambda rng: rng.normal(0.0, STD, SHAPE),
    "sorted": lambda rng: np.sort(rng.uniform(-STD, STD, SHAPE), axis=None).reshape(SHAPE),
    "only positive": lambda rng: rng.uniform(0.0, STD, SHAPE),
}


@pytest.mark.parametrize("mistake", sorted(WRONG_NORMALS))
def test_wrong_normal_samplers_fail(mistake: str) -> None:
    samples = WRONG_NORMALS[mistake](np.random.default_rng(1))
    with pytest.raises(GradingFailure):
        check_normal(samples, STD, what=mistake, function="f")


@pytest.mark.parametrize("mistake", sorted(WRONG_UNIFORMS))
def test_wrong_uniform_samplers_fail(mistake: str) -> None:
    samples = WRONG_UNIFORMS[mistake](np.random.default_rng(2))
    with pytest.raises(GradingFailure):
        check_symmetric_uniform(samples, STD, what=mistake, function="f")


def test_correct_samplers_pass_on_many_seeds() -> None:
    for seed in range(3):
        rng = np.random.default_rng(100 + seed)
        check_normal(_normal(rng), STD, what="normal", function="f")
        check_symmetric_uniform(rng.uniform(-STD, STD, SHAPE), STD, what="uniform", function="f")
        # drawn in another way from the same generator: standard normals scaled, a 4-D shape
        check_normal(rng.standard_normal((16, 16, 64, 64)) * STD, STD, what="4-D", function="f")


def test_floor_zero_holds_tiny_values_to_their_own_size() -> None:
    x = np.array([-30.0, -40.0, 0.5])
    exact = np.exp(x) / (1.0 + np.exp(x))
    cancelled = 1.0 - 1.0 / (1.0 + np.exp(x))  # 1 - sigmoid(-x): loses the tail's digits
    assert_close(cancelled, exact, what="sigmoid", function="f")  # the default floor hides it
    with pytest.raises(GradingFailure, match="max relative error"):
        assert_close(cancelled, exact, what="sigmoid", function="f", floor=0.0)
    assert_close(exact.copy(), exact, what="sigmoid", function="f", floor=0.0)


@pytest.mark.parametrize("df", [1, 2, 3, 7, 24, 99, 440])
def test_chi_square_p_values_agree_with_scipy(df: int) -> None:
    stats = pytest.importorskip("scipy.stats")
    # both branches (series below x = a + 1, continued fraction above) and p-values down to 1e-300
    points = [0.0, 1e-6, 0.3, df / 2, df - 1.0, df, df + 1.0, 1.5 * df, 3 * df + 40, 8 * df + 400]
    for x in points:
        expected = float(stats.chi2.sf(x, df))
        assert chi_square_sf(x, df) == pytest.approx(expected, rel=1e-10, abs=1e-300)


def test_chi_square_test_passes_fair_counts_and_fails_biased_ones() -> None:
    probabilities = np.full(25, 1 / 25)
    for seed in range(5):
        counts = np.random.default_rng(seed).multinomial(20_000, probabilities)
        chi_square_test(counts, probabilities, what="fair", function="f")
    # the last category never drawn (an end excluded): p is far below 1e-6
    short = np.random.default_rng(9).multinomial(20_000, np.r_[np.full(24, 1 / 24), 0.0])
    with pytest.raises(GradingFailure, match="24") as failure:
        chi_square_test(short, probabilities, what="short", function="f", labels=None)
    assert failure.value.facts["worst_category"] == "24"
    assert failure.value.facts["degrees_of_freedom"] == 24
    # a count in a category of probability 0 fails whatever the rest
    with pytest.raises(GradingFailure):
        chi_square_test([10, 10, 1], [0.5, 0.5, 0.0], what="impossible", function="f")
