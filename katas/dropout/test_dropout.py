"""Hidden tests for `dropout`: values, keep rate, independence, backward, edge cases, errors.

The mask is random and any valid way of drawing it from `rng` passes, so the learner's output is
never compared with the reference's mask; the tests check what holds for every valid mask.
"""

from __future__ import annotations

import numpy as np
import pytest

from dlkata.judge import (
    GradingFailure,
    assert_close,
    binomial_test,
    check_backward,
    check_independent,
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


def with_zeros(shape, seed):
    """Values in [0.5, 2] of both signs, about a third of them replaced by exact zeros: a kept
    element whose input is 0 gives out = 0 too, so the mask cannot be read off the output."""
    x = nonzero_input(shape, seed)
    x[np.random.default_rng(seed + 1000).random(shape) < 1 / 3] = 0.0
    x.flat[0] = 0.0
    return x


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


BIG_SHAPE = (64, 8, 28, 28)  # 401408 elements: a one-point bias in the keep rate is z > 10


@pytest.mark.parametrize("p", [0.37, 0.83])
def test_keep_rate_large_sample(solution, p):
    """About a fraction 1 - p of 401408 elements survive, each independently (p = 0.37, 0.83)."""
    x = nonzero_input(BIG_SHAPE, 40)
    out, _ = forward(solution, x, p, rng=np.random.default_rng(41))
    out = np.asarray(out)
    if out.shape != x.shape:
        fail(
            f"dropout_forward returned shape {out.shape} for x of shape {x.shape}",
            function=FWD,
            hint="out has exactly x's shape.",
        )
    kept = out != 0
    call = f"dropout_forward(x of shape {BIG_SHAPE}, p={p})"
    assert_close(
        out,
        np.where(kept, x / (1 - p), 0.0),
        what=f"{call} output",
        function=FWD,
        hint=SCALE_HINT,
    )
    binomial_test(
        int(kept.sum()),
        x.size,
        1 - p,
        what=f"{call}: surviving elements",
        function=FWD,
        hint="Keep each element with probability exactly 1 - p (rng.random(shape) < 1 - p): "
        "not a rounded p, and no offset.",
    )
    check_independent(
        kept.astype(np.float64),
        what=f"{call}: the keep mask",
        function=FWD,
        hint="Draw one independent Bernoulli(1 - p) per element of x's full shape: do not "
        "reuse, tile or mirror draws across the batch.",
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


def scaled_mask(solution, shape, p, *, training=True, seed=None):
    """The learner's own mask times 1 / (1 - p), read from a forward pass on ones drawn with the
    same seed: the mask depends only on rng and the shape, never on the values of x."""
    rng = None if seed is None else np.random.default_rng(seed)
    return np.asarray(forward(solution, np.ones(shape), p, training=training, rng=rng)[0])


def expected_gradient(solution, x, out, dout, p, *, training=True, seed=None):
    """dout times the forward pass's own scaled mask, after checking that the forward pass on x
    used that mask."""
    mask = scaled_mask(solution, x.shape, p, training=training, seed=seed)
    assert_close(
        out,
        x * mask,
        what=f"dropout_forward(x, p={p}, training={training}) against the same call on "
        "ones(x.shape) with the same seed",
        function=FWD,
        hint="The mask must depend only on rng and x's shape (one draw per element, in a fixed "
        "order), never on the values of x.",
    )
    return dout * mask


MASK_HINT = (
    "Multiply dout by the SAME mask and the same 1 / (1 - p) as the forward pass: store the mask "
    "in the cache. Never draw a new one, and never rebuild it from out != 0: an input that is "
    "exactly 0 gives out = 0 whether it was kept or dropped, and a kept one passes its gradient."
)


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("p", [0.25, 0.6, 0.37])
def test_backward_uses_forward_mask(solution, shape, p):
    """dx = dout / (1 - p) where the forward kept the element, 0 where it dropped it (x has 0s)."""
    x = with_zeros(shape, 5)
    dout = np.random.default_rng(6).standard_normal(shape)
    out, cache = forward(solution, x, p, rng=np.random.default_rng(7))
    dx = solution.dropout_backward(dout, cache)
    expected = expected_gradient(solution, x, out, dout, p, seed=7)
    assert_close(
        dx,
        expected,
        what=f"dropout_backward after dropout_forward(x, p={p}), x with exact zeros",
        function=BWD,
        inputs={"dout": dout},
        hint=MASK_HINT,
    )


def test_kept_zeros_pass_the_gradient(solution):
    """Where x == 0 and the element was kept, dx = dout / (1 - p): the mask is not out != 0."""
    p, shape = 0.37, (50, 40)
    x = with_zeros(shape, 21)
    x[::2] = 0.0
    dout = np.random.default_rng(22).standard_normal(shape)
    out, cache = forward(solution, x, p, rng=np.random.default_rng(23))
    dx = solution.dropout_backward(dout, cache)
    expected = expected_gradient(solution, x, out, dout, p, seed=23)
    zeros = x == 0
    assert_close(
        np.asarray(dx)[zeros],
        expected[zeros],
        what=f"dropout_backward at the {int(zeros.sum())} elements where x == 0 (p={p})",
        function=BWD,
        hint=MASK_HINT,
    )


OTHER_MODES = [
    {"training": False},
    {"p": 0.83},
    {"p": 0.0},
    {"p": 1.0},
    {"p": 0.37},
]


@pytest.mark.parametrize("other", OTHER_MODES, ids=lambda o: repr(o))
def test_backward_uses_its_own_cache(solution, other):
    """Two forward passes (the second in another mode), then the backward passes in reverse."""
    p = 0.37
    first = {"x": with_zeros((30, 20), 24), "p": p, "training": True, "seed": 25}
    second = {"x": with_zeros((30, 20), 26), "p": p, "training": True, "seed": 27, **other}
    passes = []
    for call in (first, second):
        rng = np.random.default_rng(call["seed"])
        out, cache = forward(solution, call["x"], call["p"], training=call["training"], rng=rng)
        passes.append((out, cache))
    douts = [np.random.default_rng(28 + k).standard_normal((30, 20)) for k in range(2)]
    masks = [
        scaled_mask(solution, (30, 20), c["p"], training=c["training"], seed=c["seed"])
        for c in (first, second)
    ]
    described = f"after dropout_forward(x1, p={p}) and then dropout_forward(x2, {other})"
    dx_second = solution.dropout_backward(douts[1], passes[1][1])
    dx_first = np.asarray(solution.dropout_backward(douts[0], passes[0][1]))
    expected = douts[0] * masks[0]
    if not np.allclose(dx_first, expected) and np.allclose(dx_first, douts[0] * masks[1]):
        raise GradingFailure(
            f"dropout_backward used the state of the latest forward pass, not its own cache: "
            f"{described}, the first pass's gradient came out with the second pass's mask",
            kind="cache",
            function=BWD,
            hint="Put everything the backward pass needs into the cache that the forward pass "
            "returns; never keep it in a global variable, a closure or a function attribute.",
        )
    assert_close(
        dx_first,
        expected,
        what=f"dropout_backward for the first of two forward passes, {described}",
        function=BWD,
        hint=MASK_HINT,
    )
    assert_close(
        dx_second,
        douts[1] * masks[1],
        what=f"dropout_backward for the second of two forward passes, {described}",
        function=BWD,
        hint=MASK_HINT,
    )
    again = solution.dropout_backward(douts[0], passes[0][1])
    assert_close(
        again,
        expected,
        what="dropout_backward called a second time with the same cache",
        function=BWD,
        hint="A second backward call with the same cache must give the same gradient: do not "
        "accumulate into arrays kept in the cache, or change the cache in place.",
    )


@pytest.mark.parametrize(
    ("kwargs", "other"),
    [
        ({"p": 0.37, "training": False}, {"training": True, "p": 1.0}),
        ({"p": 1.0, "training": True}, {"p": 0.0}),
    ],
)
def test_deterministic_modes_use_their_own_cache(solution, reference, kwargs, other):
    """Identity and drop-all forward passes in turn: each backward uses its own cache."""
    check_backward(
        solution,
        reference,
        FWD,
        BWD,
        {"x": with_zeros((6, 7), 29)},
        kwargs=kwargs,
        other_kwargs=other,
        seed=30,
        hint="Evaluation mode and p == 0 pass dout unchanged; p == 1 gives a zero gradient. Keep "
        "which case applied in the cache, not in a global variable.",
    )


def test_backward_matches_own_forward_numerically(solution):
    """Your backward agrees with central differences of your own forward (same seed, same mask)."""
    p, seed, eps = 0.3, 9, 1e-6
    x = with_zeros((3, 5), 8)
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
    x = with_zeros(shape, 10)
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
    x = with_zeros(shape, 13)
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
