"""The distribution checks have power: each sampler mistake the issue names fails at about a
million samples, and correct samplers pass on every seed tried (a false alarm is rarer than 1e-6
per hidden test by design)."""

from __future__ import annotations

import numpy as np
import pytest

from dlkata.judge import GradingFailure, assert_close, check_normal, check_symmetric_uniform

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
