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
    binomial_histogram,
    binomial_test,
    check_backward,
    check_independent,
    check_reproducible,
    expect_value_error,
    fail,
    note,
)

FWD = "dropout_forward"
BWD = "dropout_backward"

SHAPES = [(1, 7), (4, 9), (2, 3, 5, 4), (13,)]


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
            note("must_return_tuple"),
            function=FWD,
            hint=note("forward"),
        )
    return result


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("p", [0.1, 0.5, 0.8])
def test_kept_values_are_scaled(solution, shape, p):
    x = nonzero_input(shape, 1)
    out, _ = forward(solution, x, p, rng=np.random.default_rng(2))
    if not isinstance(out, np.ndarray) or out.shape != x.shape:
        fail(
            note("returned_type", type=type(out).__name__, shape=np.shape(out), x=x.shape),
            function=FWD,
            hint=note("kept_values_are_scaled"),
        )
    expected = np.where(out != 0, x / (1 - p), 0.0)
    assert_close(
        out,
        expected,
        what=note("output", call=f"dropout_forward(x, p={p})"),
        function=FWD,
        inputs={"x": x, "p": p},
        hint=note("scale"),
    )


@pytest.mark.parametrize("p", [0.2, 0.7])
def test_keep_rate(solution, p):
    x = np.ones((100, 200))
    out, _ = forward(solution, x, p, rng=np.random.default_rng(3))
    binomial_test(
        int(np.count_nonzero(out)),
        x.size,
        1 - p,
        what=note("surviving_elements", call=f"dropout_forward(ones(100, 200), p={p})"),
        function=FWD,
        hint=note("keep_rate"),
    )


BIG_SHAPE = (64, 8, 28, 28)  # 401408 elements: a one-point bias in the keep rate is z > 10


@pytest.mark.parametrize("p", [0.37, 0.83])
def test_keep_rate_large_sample(solution, p):
    x = nonzero_input(BIG_SHAPE, 40)
    out, _ = forward(solution, x, p, rng=np.random.default_rng(41))
    out = np.asarray(out)
    if out.shape != x.shape:
        fail(
            note("returned_shape", shape=out.shape, x=x.shape),
            function=FWD,
            hint=note("kept_values_are_scaled"),
        )
    kept = out != 0
    call = note("big_call", shape=BIG_SHAPE, p=p)
    assert_close(
        out,
        np.where(kept, x / (1 - p), 0.0),
        what=note("output", call=call),
        function=FWD,
        hint=note("scale"),
    )
    binomial_test(
        int(kept.sum()),
        x.size,
        1 - p,
        what=note("surviving_elements", call=call),
        function=FWD,
        hint=note("keep_rate_large_sample"),
    )
    check_independent(
        kept.astype(np.float64),
        what=note("keep_mask", call=call),
        function=FWD,
        hint=note("keep_rate_large_sample_2"),
    )


def test_positions_independent(solution):
    p = 0.4
    x = np.ones((200, 40))
    out, _ = forward(solution, x, p, rng=np.random.default_rng(4))
    kept = np.asarray(out) != 0
    hint = note("positions_independent")
    for axis, name, n in ((0, "survivors_in_column", 200), (1, "survivors_in_row", 40)):
        counts = kept.sum(axis=axis)
        worst = int(np.argmax(np.abs(counts - n * (1 - p))))
        binomial_test(
            int(counts[worst]),
            n,
            1 - p,
            what=note(name, call=f"dropout_forward(ones(200, 40), p={p})", index=worst),
            function=FWD,
            hint=hint,
        )


def test_survivor_count_varies(solution):
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
            note(
                "survivor_variance",
                n=n,
                p=p,
                variance=f"{counts.var(ddof=1):.4g}",
                expected=f"{n * p * (1 - p):.4g}",
            ),
            function=FWD,
            hint=note("survivor_count_varies"),
            counts=counts.tolist()[:10],
            histogram=binomial_histogram(counts, n, 1 - p),
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
        what=note("against_ones", call=f"dropout_forward(x, p={p}, training={training})"),
        function=FWD,
        hint=note("expected_gradient"),
    )
    return dout * mask


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("p", [0.25, 0.6, 0.37])
def test_backward_uses_forward_mask(solution, shape, p):
    x = with_zeros(shape, 5)
    dout = np.random.default_rng(6).standard_normal(shape)
    out, cache = forward(solution, x, p, rng=np.random.default_rng(7))
    dx = solution.dropout_backward(dout, cache)
    expected = expected_gradient(solution, x, out, dout, p, seed=7)
    assert_close(
        dx,
        expected,
        what=note("backward_with_zeros", p=p),
        function=BWD,
        inputs={"dout": dout},
        hint=note("mask"),
    )


def test_kept_zeros_pass_the_gradient(solution):
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
        what=note("backward_at_zeros", count=int(zeros.sum()), p=p),
        function=BWD,
        hint=note("mask"),
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
    described = note("two_passes", p=p, other=other)
    dx_second = solution.dropout_backward(douts[1], passes[1][1])
    dx_first = np.asarray(solution.dropout_backward(douts[0], passes[0][1]))
    expected = douts[0] * masks[0]
    if not np.allclose(dx_first, expected) and np.allclose(dx_first, douts[0] * masks[1]):
        raise GradingFailure(
            note("stale_cache", described=described),
            kind="cache",
            function=BWD,
            hint=note("backward_uses_its_own_cache"),
        )
    assert_close(
        dx_first,
        expected,
        what=note("first_pass", described=described),
        function=BWD,
        hint=note("mask"),
    )
    assert_close(
        dx_second,
        douts[1] * masks[1],
        what=note("second_pass", described=described),
        function=BWD,
        hint=note("mask"),
    )
    again = solution.dropout_backward(douts[0], passes[0][1])
    assert_close(
        again,
        expected,
        what=note("same_cache_again"),
        function=BWD,
        hint=note("backward_uses_its_own_cache_2"),
    )


@pytest.mark.parametrize(
    ("kwargs", "other"),
    [
        ({"p": 0.37, "training": False}, {"training": True, "p": 1.0}),
        ({"p": 1.0, "training": True}, {"p": 0.0}),
    ],
)
def test_deterministic_modes_use_their_own_cache(solution, reference, kwargs, other):
    check_backward(
        solution,
        reference,
        FWD,
        BWD,
        {"x": with_zeros((6, 7), 29)},
        kwargs=kwargs,
        other_kwargs=other,
        seed=30,
        hint=note("deterministic_modes_use_their_own_cache"),
    )


def test_backward_matches_own_forward_numerically(solution):
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
                note(
                    "numeric_mismatch",
                    index=tuple(int(i) for i in index),
                    got=f"{dx[index]:.6g}",
                    numeric=f"{numeric:.6g}",
                ),
                function=BWD,
                hint=note("backward_matches_own_forward_numerically"),
            )


@pytest.mark.parametrize("shape", SHAPES)
def test_p_one_gives_zeros_without_nan(solution, shape):
    x = with_zeros(shape, 10)
    dout = np.random.default_rng(11).standard_normal(shape)
    out, cache = solution.stable.dropout_forward(x, 1.0, rng=np.random.default_rng(12))
    hint = note("p_one")
    assert_close(out, np.zeros(shape), what="dropout_forward(x, p=1.0)", function=FWD, hint=hint)
    dx = solution.stable.dropout_backward(dout, cache)
    what = note("backward_after", call="p=1.0")
    assert_close(dx, np.zeros(shape), what=what, function=BWD, hint=hint)


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize(("p", "training"), [(0.5, False), (0.9, False), (0.0, True)])
def test_identity_cases(solution, shape, p, training):
    x = with_zeros(shape, 13)
    dout = np.random.default_rng(14).standard_normal(shape)
    hint = note("identity")
    out, cache = forward(solution, x, p, training=training)
    call = f"dropout_forward(x, p={p}, training={training}, rng=None)"
    assert_close(out, x, what=call, function=FWD, hint=hint)
    dx = solution.dropout_backward(dout, cache)
    what = note("backward_after", call=call)
    assert_close(dx, dout, what=what, function=BWD, hint=hint)


@pytest.mark.parametrize("p", [0.3, 0.5])
def test_reproducible_from_rng(solution, p):
    check_reproducible(solution, FWD, nonzero_input((6, 8), 15), p, seed=16)


@pytest.mark.parametrize("p", [-0.1, 1.5, 2.0])
@pytest.mark.parametrize("training", [True, False])
def test_p_outside_unit_interval(solution, p, training):
    expect_value_error(
        solution,
        FWD,
        np.ones((2, 3)),
        p,
        training=training,
        rng=np.random.default_rng(0),
        because=note("not_probability", p=p),
    )


def test_missing_rng_when_drawing(solution):
    expect_value_error(
        solution,
        FWD,
        np.ones((2, 3)),
        0.5,
        because=note("rng_none"),
    )
