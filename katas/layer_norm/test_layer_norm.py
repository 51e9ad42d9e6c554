"""Hidden tests for the layer_norm kata."""

from __future__ import annotations

import numpy as np

from dlkata.judge import (
    assert_close,
    check_backward,
    check_call,
    check_gradient_numerically,
    expect_value_error,
    note,
)

FWD = "layer_norm_forward"
BWD = "layer_norm_backward"
GRADS = ("dx", "dgamma", "dbeta")


def _inputs(shape, k, seed, *, loc=0.5, scale=2.0):
    """x of `shape`, gamma and beta over its last `k` axes. Each group gets its own offset and
    spread, so that statistics over any other axes differ from the right ones."""
    rng = np.random.default_rng(seed)
    lead = shape[: len(shape) - k]
    norm = shape[len(shape) - k :]
    offsets = rng.normal(loc, 2.0, size=lead + (1,) * k)
    spreads = scale * rng.uniform(0.5, 2.0, size=lead + (1,) * k)
    return {
        "x": offsets + spreads * rng.normal(size=shape),
        "gamma": rng.normal(1.0, 0.5, size=norm),
        "beta": rng.normal(0.0, 0.5, size=norm),
    }


def _forward(impl, reference, inp, hint, **kwargs):
    return check_call(impl, reference, FWD, *inp.values(), outputs=("out",), hint=hint, **kwargs)


def _backward(impl, reference, inp, hint, *, seed=0, kwargs=None, other_kwargs=None):
    return check_backward(
        impl,
        reference,
        FWD,
        BWD,
        inp,
        kwargs=kwargs,
        other_kwargs=other_kwargs,
        grads=GRADS,
        seed=seed,
        hint=hint,
    )


# ---------------------------------------------------------------- forward

# (x shape, gamma.ndim)
ROWS = [((4, 5), 1), ((1, 6), 1), ((7, 3), 1), ((3, 8), 1)]
TOKENS = [((2, 3, 4), 1), ((3, 1, 5), 1), ((1, 4, 2), 1)]
GROUPS = [((2, 3, 4), 2), ((3, 2, 5), 2), ((1, 4, 3), 2), ((2, 3, 2, 4), 2), ((2, 3, 2, 4), 3)]
WHOLE = [((5,), 1), ((3, 4), 2), ((2, 3, 2), 3)]


def test_forward_rows(solution, reference):
    for seed, (shape, k) in enumerate(ROWS):
        _forward(solution, reference, _inputs(shape, k, seed), note("normalise"))


def test_forward_tokens(solution, reference):
    for seed, (shape, k) in enumerate(TOKENS):
        _forward(solution, reference, _inputs(shape, k, 10 + seed), note("axes"))


def test_forward_several_normalised_axes(solution, reference):
    for seed, (shape, k) in enumerate(GROUPS):
        _forward(solution, reference, _inputs(shape, k, 20 + seed), note("axes"))


def test_forward_no_leading_axes(solution, reference):
    for seed, (shape, k) in enumerate(WHOLE):
        _forward(solution, reference, _inputs(shape, k, 30 + seed), note("no_leading"))


def test_forward_eps(solution, reference):
    for seed, eps in enumerate((1e-1, 1e-3, 0.0)):
        _forward(solution, reference, _inputs((3, 4), 1, 40 + seed), note("eps"), eps=eps)
    _forward(solution, reference, _inputs((2, 2, 3), 2, 43), note("eps"), eps=2.0)


def test_small_variance(solution, reference):
    for seed, (shape, k, eps) in enumerate([((4, 6), 1, 1e-5), ((2, 3, 4), 2, 1e-5)]):
        inp = _inputs(shape, k, 50 + seed, loc=2.0, scale=1e-3)
        _forward(solution.stable, reference.stable, inp, note("eps"), eps=eps)
    inp = _inputs((3, 5), 1, 52, loc=-1.0, scale=1e-2)
    _forward(solution.stable, reference.stable, inp, note("eps"), eps=1e-8)


def test_constant_groups(solution, reference):
    cases = [((4, 5), 1, [(1,), (3,)]), ((2, 3, 4), 2, [(1,)]), ((3, 2, 4), 1, [(0, 1), (2, 0)])]
    constants = (3.0, -1e4, 0.5, 1e4)  # exact sums: the mean is exactly the constant
    for seed, (shape, k, where) in enumerate(cases):
        inp = _inputs(shape, k, 60 + seed)
        for i, index in enumerate(where):
            inp["x"][index] = constants[(seed + i) % len(constants)]
        out = _forward(solution.stable, reference.stable, inp, note("constant_group"))[0]
        for index in where:
            assert_close(
                np.asarray(out)[index],
                inp["beta"],
                what=note("constant_group_output", index=", ".join(map(str, index))),
                function=FWD,
                hint=note("constant_group"),
            )


def test_size_one_normalised_shape(solution, reference):
    for seed, (shape, k) in enumerate([((4, 1), 1), ((2, 3, 1), 1), ((3, 1, 1), 2), ((1,), 1)]):
        inp = _inputs(shape, k, 70 + seed)
        out = _forward(solution.stable, reference.stable, inp, note("size_one"))[0]
        assert_close(
            np.asarray(out),
            np.broadcast_to(inp["beta"], shape),
            what=note("size_one_output", shape=shape),
            function=FWD,
            hint=note("size_one"),
        )
    # a normalised shape with a size-1 axis that is not all of size 1
    _forward(solution, reference, _inputs((3, 1, 4), 2, 75), note("axes"))


def test_large_magnitudes(solution, reference):
    rng = np.random.default_rng(80)
    x = rng.normal(0.0, 1e4, size=(3, 6))
    x[1] = 1e4 + rng.normal(0.0, 0.02, size=6)  # a large offset, a small spread
    x[2] = -5e3 + rng.normal(0.0, 0.05, size=6)
    inp = {"x": x, "gamma": rng.normal(1.0, 0.5, size=6), "beta": rng.normal(0.0, 0.5, size=6)}
    _forward(solution.stable, reference.stable, inp, note("large"))
    inp = _inputs((2, 3, 4), 2, 81, loc=1e4, scale=0.05)
    inp["x"][0] = -1e4  # and a constant group at the largest magnitude
    _forward(solution.stable, reference.stable, inp, note("large"))


def test_integer_inputs(solution, reference):
    inp = {
        "x": np.array([[1.0, 3.0, 5.0, 7.0], [2.0, 2.0, 8.0, 4.0], [-1.0, 0.0, 0.0, 1.0]]),
        "gamma": np.array([1.0, 2.0, -1.0, 0.5]),
        "beta": np.array([0.0, 1.0, 0.5, -2.0]),
    }
    _forward(solution, reference, inp, note("normalise"))


def test_empty_leading_axis(solution, reference):
    for seed, (shape, k) in enumerate([((0, 4), 1), ((2, 0, 3), 1), ((0, 2, 3), 2)]):
        _forward(solution.stable, reference.stable, _inputs(shape, k, 90 + seed), note("empty"))


# ---------------------------------------------------------------- backward


def test_backward_rows(solution, reference):
    for seed, (shape, k) in enumerate(ROWS):
        _backward(solution, reference, _inputs(shape, k, 100 + seed), note("backward"), seed=seed)


def test_backward_tokens(solution, reference):
    for seed, (shape, k) in enumerate(TOKENS):
        inp = _inputs(shape, k, 110 + seed)
        _backward(solution, reference, inp, note("backward_params"), seed=seed)


def test_backward_several_normalised_axes(solution, reference):
    for seed, (shape, k) in enumerate(GROUPS):
        inp = _inputs(shape, k, 120 + seed)
        _backward(solution, reference, inp, note("backward_params"), seed=seed)


def test_backward_no_leading_axes(solution, reference):
    for seed, (shape, k) in enumerate(WHOLE):
        inp = _inputs(shape, k, 130 + seed)
        _backward(solution, reference, inp, note("backward_params"), seed=seed)


def test_backward_eps(solution, reference):
    inp = _inputs((3, 2, 4), 1, 140, scale=0.2)
    kwargs, other = {"eps": 1e-1}, {"eps": 1e-3}
    _backward(solution, reference, inp, note("eps"), kwargs=kwargs, other_kwargs=other, seed=4)


def test_backward_constant_and_tiny_groups(solution, reference):
    inp = _inputs((4, 5), 1, 150, scale=1e-3)
    inp["x"][1] = 3.0
    inp["x"][3] = -1e4
    _backward(solution.stable, reference.stable, inp, note("constant_group"), seed=5)
    inp = _inputs((3, 2, 3), 2, 151)
    inp["x"][2] = 0.5
    _backward(solution.stable, reference.stable, inp, note("constant_group"), seed=6)


def test_backward_size_one_normalised_shape(solution, reference):
    for seed, (shape, k) in enumerate([((4, 1), 1), ((2, 1, 1), 2), ((1,), 1)]):
        inp = _inputs(shape, k, 160 + seed)
        _backward(solution.stable, reference.stable, inp, note("size_one"), seed=seed)


def test_backward_empty_leading_axis(solution, reference):
    inp = _inputs((0, 3), 1, 170)
    _backward(solution.stable, reference.stable, inp, note("empty"), seed=7)


def test_backward_matches_own_forward(solution):
    for seed, (shape, k) in enumerate([((3, 4), 1), ((2, 3, 2), 2), ((4,), 1)]):
        check_gradient_numerically(
            solution,
            FWD,
            BWD,
            _inputs(shape, k, 180 + seed),
            grads=GRADS,
            seed=seed,
            hint=note("backward"),
        )


# ---------------------------------------------------------------- errors


def test_gamma_that_is_not_the_trailing_shape_is_a_value_error(solution):
    # (x shape, gamma shape): NumPy would broadcast each of the first four gammas against x, and
    # an implementation that reshapes x to (-1, gamma.size) would take the last two
    cases = [
        ((3, 4), (1,)),
        ((2, 3, 4), (1, 4)),
        ((2, 3, 4), (3, 1)),
        ((2, 3, 4), (1, 3, 4)),
        ((4,), (1, 4)),
        ((3, 4), (2, 3, 2)),
    ]
    for seed, (x_shape, g_shape) in enumerate(cases):
        rng = np.random.default_rng(200 + seed)
        x = rng.normal(size=x_shape)
        gamma, beta = rng.normal(1.0, 0.5, size=g_shape), rng.normal(size=g_shape)
        expect_value_error(
            solution, FWD, x, gamma, beta, because=note("gamma_shape", gamma=g_shape, x=x_shape)
        )


def test_beta_of_another_shape_is_a_value_error(solution):
    # (x shape, gamma shape, beta shape): every beta broadcasts against x
    cases = [((3, 5), (5,), (1,)), ((3, 5), (5,), (1, 5)), ((2, 3, 4), (3, 4), (4,))]
    for seed, (x_shape, g_shape, b_shape) in enumerate(cases):
        rng = np.random.default_rng(220 + seed)
        expect_value_error(
            solution,
            FWD,
            rng.normal(size=x_shape),
            rng.normal(size=g_shape),
            rng.normal(size=b_shape),
            because=note("beta_shape", beta=b_shape, gamma=g_shape),
        )


def test_gamma_without_dimensions_is_a_value_error(solution):
    x = np.random.default_rng(230).normal(size=(3, 4))
    expect_value_error(solution, FWD, x, np.array(1.5), np.array(0.5), because=note("gamma_0d"))


def test_dout_of_the_wrong_shape_is_a_value_error(solution):
    for seed, (shape, k, bad) in enumerate(
        [((4, 3), 1, (1, 3)), ((4, 3), 1, (3,)), ((2, 3, 4), 2, (3, 4)), ((2, 3, 4), 1, (2, 1, 4))]
    ):
        inp = _inputs(shape, k, 240 + seed)
        cache = solution.call(FWD, *inp.values())[-1]
        expect_value_error(
            solution, BWD, np.ones(bad), cache, because=note("dout_shape", dout=bad, x=shape)
        )
