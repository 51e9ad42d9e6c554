"""Hidden tests for the `regularization` kata: L1, L2 and elastic-net penalties and gradients."""

from __future__ import annotations

import numpy as np
import pytest

from dlkata.judge import check_call, check_scalar_gradient, expect_value_error, fail, note

PENALTIES = ["l1_penalty", "l2_penalty", "elastic_net_penalty"]

# shapes of w: a vector, a matrix, a conv weight, a single weight, a 0-d array
SHAPES = [(5,), (3, 4), (2, 3, 2, 2), (1,), (1, 1), ()]
RATIOS = [0.5, 0.25, 0.8]


def _weights(shape: tuple[int, ...], seed: int, zeros: bool = True) -> np.ndarray:
    """Normal weights on very different scales, with exact zeros where there is room for them."""
    rng = np.random.default_rng(seed)
    w = rng.standard_normal(shape) * rng.choice([0.01, 1.0, 30.0], size=shape)
    if zeros and w.size >= 4:
        w.flat[:: max(2, w.size // 3)] = 0.0
    return np.asarray(w, dtype=np.float64)


def _extra(name: str, ratio: float = 0.5) -> tuple:
    return (ratio,) if name == "elastic_net_penalty" else ()


def _check(solution, reference, name, w, lam, *extra, key=None):
    check_call(
        solution,
        reference,
        name,
        w,
        lam,
        *extra,
        outputs=("penalty", "grad"),
        hint=note(key or name),
    )


@pytest.mark.parametrize("shape", SHAPES, ids=str)
@pytest.mark.parametrize("lam", [0.1, 2.5])
def test_l1_penalty(solution, reference, shape, lam):
    _check(solution, reference, "l1_penalty", _weights(shape, sum(shape) + 1), lam)


@pytest.mark.parametrize("shape", SHAPES, ids=str)
@pytest.mark.parametrize("lam", [0.1, 2.5])
def test_l2_penalty(solution, reference, shape, lam):
    _check(solution, reference, "l2_penalty", _weights(shape, sum(shape) + 2), lam)


@pytest.mark.parametrize("shape", SHAPES, ids=str)
@pytest.mark.parametrize("ratio", RATIOS)
def test_elastic_net_penalty(solution, reference, shape, ratio):
    w = _weights(shape, sum(shape) + 3)
    _check(solution, reference, "elastic_net_penalty", w, 0.7, ratio)


@pytest.mark.parametrize("ratio", [0.0, 1.0, 0, 1], ids=["0.0", "1.0", "int0", "int1"])
def test_elastic_net_limits(solution, reference, ratio):
    w = _weights((4, 3), 11)
    _check(solution, reference, "elastic_net_penalty", w, 1.3, ratio, key="elastic_net_limits")


def test_exact_zeros_in_l1_gradient(solution, reference):
    w = np.array([[0.0, -0.0, 1.5], [-2.0, 0.0, 1e-300]])
    for name in PENALTIES:
        for lam in (1.0, 0.3):
            extra = _extra(name, 0.6)
            check_call(
                solution.stable,
                reference.stable,
                name,
                w,
                lam,
                *extra,
                outputs=("penalty", "grad"),
                floor=0.0,
                hint=note("zero_entries"),
            )


@pytest.mark.parametrize("name", PENALTIES)
@pytest.mark.parametrize("lam", [0, 0.0], ids=["int", "float"])
def test_lam_zero(solution, reference, name, lam):
    _check(solution, reference, name, _weights((3, 2), 5), lam, *_extra(name), key="lam_zero")


@pytest.mark.parametrize("name", PENALTIES)
@pytest.mark.parametrize("shape", [(0,), (2, 0)], ids=str)
def test_empty_weights(solution, reference, name, shape):
    _check(solution, reference, name, np.zeros(shape), 0.5, *_extra(name), key="empty")


def test_integer_valued(solution, reference):
    w = np.array([[1.0, -2.0], [0.0, 3.0]])
    for name in PENALTIES:
        _check(solution, reference, name, w, 2.0, *_extra(name), key="integer_valued")


def _expect_types(result, name, shape):
    """`(penalty, grad)`: a Python float and a float64 array of w's shape."""
    if not isinstance(result, (tuple, list)) or len(result) != 2:
        fail(note("not_a_pair", type=type(result).__name__), function=name, hint=note(name))
    penalty, grad = result
    if not isinstance(penalty, float):
        fail(
            note("not_a_float", type=type(penalty).__name__, value=repr(penalty)[:60]),
            function=name,
            hint=note("returns_a_float"),
        )
    if not isinstance(grad, np.ndarray) or grad.shape != shape or grad.dtype != np.float64:
        got = f"{type(grad).__name__} {getattr(grad, 'shape', '')} {getattr(grad, 'dtype', '')}"
        fail(note("grad_not_array", got=got, shape=shape), function=name, hint=note(name))


@pytest.mark.parametrize("name", PENALTIES)
def test_gradient_matches_own_penalty(solution, name):
    # away from 0, where |w| is differentiable
    rng = np.random.default_rng(41)
    w = rng.uniform(0.5, 2.0, size=(3, 4)) * rng.choice([-1.0, 1.0], size=(3, 4))
    inputs = {"w": w, "lam": 0.9, **({"l1_ratio": 0.35} if name == "elastic_net_penalty" else {})}
    _expect_types(solution.call(name, *inputs.values()), name, w.shape)
    check_scalar_gradient(
        solution,
        name,
        inputs,
        wrt="w",
        value=lambda r: r[0],
        gradient=lambda r: r[1],
        seed=3,
        hint=note("own_penalty"),
    )


@pytest.mark.parametrize("name", PENALTIES)
@pytest.mark.parametrize("shape", [(2, 3), (4,), (1, 1)], ids=str)
def test_returns_float_and_array(solution, name, shape):
    w = _weights(shape, 8)
    _expect_types(solution.call(name, w, 0.5, *_extra(name)), name, w.shape)


@pytest.mark.parametrize("name", PENALTIES)
@pytest.mark.parametrize("lam", [-0.5, -1e-12])
def test_error_negative_lam(solution, name, lam):
    expect_value_error(
        solution,
        name,
        _weights((3,), 1),
        lam,
        *_extra(name),
        because=note("negative_lam", lam=lam),
    )


@pytest.mark.parametrize("ratio", [-0.1, 1.5, 1.0000001])
def test_error_l1_ratio(solution, ratio):
    expect_value_error(
        solution,
        "elastic_net_penalty",
        _weights((3,), 1),
        0.5,
        ratio,
        because=note("l1_ratio_range", ratio=ratio),
    )
