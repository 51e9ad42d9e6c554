"""Hidden tests for `dropout`: values, keep rate, independence, backward, edge cases, errors.

The mask is random and any valid way of drawing it from `rng` passes, so the learner's output is
never compared with the reference's mask; the tests check what holds for every valid mask.
"""

from __future__ import annotations

import numpy as np
import pytest

from dlkata.judge import (
    assert_close,
    binomial_test,
    check_reproducible,
    expect_value_error,
    fail,
)

FWD = "dropout_forward"
BWD = "dropout_backward"

SHAPES = [(1, 7), (4, 9), (2, 3, 5, 4), (13,)]
SCALE_HINT = (
    "Inverted dropout: a kept element is x / (1 - p), a dropped one is 0; "
    "evaluation mode and p == 0 return x unchanged."
)


def nonzero_input(shape, seed):
    """Values with magnitude in [0.5, 2] and both signs, so a dropped element is always visible."""
    rng = np.random.default_rng(seed)
    return rng.uniform(0.5, 2.0, size=shape) * rng.choice([-1.0, 1.0], size=shape)


def forward(solution, *args, **kwargs):
    result = solution.dropout_forward(*args, **kwargs)
    if not isinstance(result, tuple) or len(result) != 2:
        fail(
            "dropout_forward must return a tuple (out, cache)",
            function=FWD,
            hint="Return (out, cache), as every forward pass with a backward (contract rule 5).",
        )
    return result


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("p", [0.1, 0.5, 0.8])
def test_kept_values_are_scaled(solution, shape, p):
    """Each output element is either 0 or x / (1 - p), and out has x's shape and dtype."""
    x = nonzero_input(shape, 1)
    out, _ = forward(solution, x, p, rng=np.random.default_rng(2))
    if not isinstance(out, np.ndarray) or out.shape != x.shape:
        fail(
            f"dropout_forward returned {type(out).__name__} of shape {np.shape(out)} for x of "
            f"shape {x.shape}",
            function=FWD,
            hint="out has exactly x's shape.",
        )
    expected = np.where(out != 0, x / (1 - p), 0.0)
    assert_close(
        out,
        expected,
        what=f"dropout_forward(x, p={p}) output",
        function=FWD,
        inputs={"x": x, "p": p},
        hint=SCALE_HINT,
    )


@pytest.mark.parametrize("p", [0.2, 0.7])
def test_keep_rate(solution, p):
    """About a fraction 1 - p of 20000 elements survive (binomial test)."""
    x = np.ones((100, 200))
    out, _ = forward(solution, x, p, rng=np.random.default_rng(3))
    binomial_test(
        int(np.count_nonzero(out)),
        x.size,
        1 - p,
        what=f"dropout_forward(ones(100, 200), p={p}): surviving elements",
        function=FWD,
        hint="p is the probability of DROPPING an element: keep it with probability 1 - p.",
    )


def test_positions_independent(solution):
    """Each element is dropped independently: each row's and column's survivor count is binomial."""
    p = 0.4
    x = np.ones((200, 40))
    out, _ = forward(solution, x, p, rng=np.random.default_rng(4))
    kept = np.asarray(out) != 0
    hint = (
        "Draw one independent Bernoulli(1 - p) per element, with a mask of x's full shape: "
        "not one mask shared by the whole batch, nor one decision per row."
    )
    for axis, name, n in ((0, "column", 200), (1, "row", 40)):
        counts = kept.sum(axis=axis)
        worst = int(np.argmax(np.abs(counts - n * (1 - p))))
        binomial_test(
            int(counts[worst]),
            n,
            1 - p,
            what=f"dropout_forward(ones(200, 40), p={p}): survivors in {name} {worst}",
            function=FWD,
            hint=hint,
        )


def test_survivor_count_varies(solution):
    """The number of survivors is random (binomial variance), not fixed at round((1 - p) n)."""
    p, n = 0.3, 1000
    x = np.ones(n)
    counts = np.array(
        [
            np.count_nonzero(forward(solution, x, p, rng=np.random.default_rng(100 + k))[0])
            for k in range(30)
        ]
    )
    ratio = float(counts.var(ddof=1)) / (n * p * (1 - p))
    if not 0.2 <= ratio <= 3.0:
        fail(
            f"over 30 calls on {n} elements with p={p} the number of survivors has variance "
            f"{counts.var(ddof=1):.4g}; independent draws give about {n * p * (1 - p):.4g}",
            function=FWD,
            hint="Decide each element independently (rng.random(x.shape) < 1 - p); do not drop "
            "exactly round(p * n) elements with a permutation.",
            counts=counts.tolist()[:10],
        )


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("p", [0.25, 0.6])
def test_backward_uses_forward_mask(solution, shape, p):
    """dx = dout / (1 - p) where the forward kept the element, 0 where it dropped it."""
    x = nonzero_input(shape, 5)
    dout = np.random.default_rng(6).standard_normal(shape)
    out, cache = forward(solution, x, p, rng=np.random.default_rng(7))
    dx = solution.dropout_backward(dout, cache)
    expected = np.where(np.asarray(out) != 0, dout / (1 - p), 0.0)
    assert_close(
        dx,
        expected,
        what=f"dropout_backward after dropout_forward(x, p={p})",
        function=BWD,
        inputs={"dout": dout},
        hint="Multiply dout by the SAME mask and the same 1 / (1 - p) as the forward pass: store "
        "the mask in the cache, never draw a new one.",
    )


def test_backward_matches_own_forward_numerically(solution):
    """Your backward agrees with central differences of your own forward (same seed, same mask)."""
    p, seed, eps = 0.3, 9, 1e-6
    x = nonzero_input((3, 5), 8)
    dout = np.random.default_rng(17).standard_normal(x.shape)
    _, cache = forward(solution, x, p, rng=np.random.default_rng(seed))
    dx = np.asarray(solution.dropout_backward(dout, cache))
    for flat in np.random.default_rng(18).choice(x.size, size=8, replace=False):
        index = np.unravel_index(flat, x.shape)
        values = []
        for step in (eps, -eps):
            moved = x.copy()
            moved[index] += step
            out = forward(solution, moved, p, rng=np.random.default_rng(seed))[0]
            values.append(float(np.sum(np.asarray(out) * dout)))
        numeric = (values[0] - values[1]) / (2 * eps)
        if abs(numeric - dx[index]) > 1e-5 * max(1.0, abs(numeric)):
            fail(
                f"dropout_backward: dx{tuple(int(i) for i in index)} = {dx[index]:.6g}, but "
                f"central differences of your dropout_forward (same seed) give {numeric:.6g}",
                function=BWD,
                hint="The backward pass multiplies dout by the forward pass's own mask / (1 - p).",
            )


@pytest.mark.parametrize("shape", SHAPES)
def test_p_one_gives_zeros_without_nan(solution, shape):
    """p = 1 gives all zeros and a zero gradient, with no NaN and no division by zero."""
    x = nonzero_input(shape, 10)
    dout = np.random.default_rng(11).standard_normal(shape)
    out, cache = solution.stable.dropout_forward(x, 1.0, rng=np.random.default_rng(12))
    hint = "Return zeros for p == 1 before dividing by 1 - p (x * 0 / 0 is NaN)."
    assert_close(out, np.zeros(shape), what="dropout_forward(x, p=1.0)", function=FWD, hint=hint)
    dx = solution.stable.dropout_backward(dout, cache)
    assert_close(dx, np.zeros(shape), what="dropout_backward after p=1.0", function=BWD, hint=hint)


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize(("p", "training"), [(0.5, False), (0.9, False), (0.0, True)])
def test_identity_cases(solution, shape, p, training):
    """Evaluation mode and p = 0 return x unchanged (dx = dout) and need no rng."""
    x = nonzero_input(shape, 13)
    dout = np.random.default_rng(14).standard_normal(shape)
    hint = (
        "With training=False or p == 0 nothing is dropped and nothing is rescaled (inverted "
        "dropout does all its scaling in training), and no random numbers are drawn, so rng "
        "may be None."
    )
    out, cache = forward(solution, x, p, training=training)
    call = f"dropout_forward(x, p={p}, training={training}, rng=None)"
    assert_close(out, x, what=call, function=FWD, hint=hint)
    dx = solution.dropout_backward(dout, cache)
    assert_close(dx, dout, what=f"dropout_backward after {call}", function=BWD, hint=hint)


@pytest.mark.parametrize("p", [0.3, 0.5])
def test_reproducible_from_rng(solution, p):
    """The same seed gives the same output, another seed another; the mask comes from rng."""
    check_reproducible(solution, FWD, nonzero_input((6, 8), 15), p, seed=16)


@pytest.mark.parametrize("p", [-0.1, 1.5, 2.0])
@pytest.mark.parametrize("training", [True, False])
def test_p_outside_unit_interval(solution, p, training):
    """p outside [0, 1] is a ValueError, in training and in evaluation mode."""
    expect_value_error(
        solution,
        FWD,
        np.ones((2, 3)),
        p,
        training=training,
        rng=np.random.default_rng(0),
        because=f"p={p} is not a probability (0 <= p <= 1), whatever `training` is",
    )


def test_missing_rng_when_drawing(solution):
    """Training with 0 < p < 1 and rng=None is a ValueError (never a hidden unseeded generator)."""
    expect_value_error(
        solution,
        FWD,
        np.ones((2, 3)),
        0.5,
        because="a mask must be drawn (training, 0 < p < 1) but rng is None",
    )
