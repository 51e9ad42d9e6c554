"""Hidden tests for the lstm kata."""

from __future__ import annotations

import numpy as np

from dlkata.judge import (
    assert_close,
    check_backward,
    check_call,
    check_gradient_numerically,
    expect_value_error,
    fail,
    note,
)

FWD = "lstm_forward"
BWD = "lstm_backward"
OUTPUTS = ("out", "h_n", "c_n")
GRADS = ("dx", "dh0", "dc0", "dw_ih", "dw_hh", "db_ih", "db_hh")


def _inputs(t, n, i, h, seed, *, scale=1.0):
    rng = np.random.default_rng(seed)
    return {
        "x": rng.normal(size=(t, n, i)),
        "h0": rng.normal(size=(n, h)),
        "c0": rng.normal(0.0, 2.0, size=(n, h)),
        "w_ih": rng.normal(0.0, scale, size=(4 * h, i)),
        "w_hh": rng.normal(0.0, scale, size=(4 * h, h)),
        "b_ih": rng.normal(0.0, scale, size=4 * h),
        "b_hh": rng.normal(0.0, scale, size=4 * h),
    }


# (T, N, I, H): one step, batch 1, I < H, I > H, H = 1, a longer sequence
SIZES = [(1, 3, 4, 5), (4, 1, 2, 3), (5, 4, 3, 2), (3, 2, 1, 1), (8, 2, 3, 3)]


# ---------------------------------------------------------------- forward


def test_forward(solution, reference):
    for seed, size in enumerate(SIZES):
        check_call(
            solution,
            reference,
            FWD,
            *_inputs(*size, seed).values(),
            outputs=OUTPUTS,
            hint=note("forward"),
        )


def test_gate_layout(solution, reference):
    t, n, i, h = 3, 2, 3, 2
    inp = _inputs(t, n, i, h, 10, scale=0.3)
    # i nearly open, f half, g strongly negative, o a quarter: every misreading changes h and c.
    inp["b_ih"] = inp["b_ih"] + np.repeat([2.0, 0.0, -1.5, -1.0], h)
    inp["b_hh"] = inp["b_hh"] + np.repeat([1.0, 0.0, -0.5, 0.0], h)
    check_call(solution, reference, FWD, *inp.values(), outputs=OUTPUTS, hint=note("gates"))


def test_initial_states_and_biases(solution, reference):
    # large h0 and c0, and each bias alone (the other zero): both states and both biases count
    for seed, zero in enumerate((None, "b_ih", "b_hh")):
        inp = _inputs(3, 2, 3, 4, 20 + seed)
        inp["h0"] = inp["h0"] * 3.0
        inp["c0"] = inp["c0"] * 3.0
        if zero:
            inp[zero] = np.zeros_like(inp[zero])
        check_call(
            solution, reference, FWD, *inp.values(), outputs=OUTPUTS, hint=note("initial_states")
        )


# ---------------------------------------------------------------- backward


def test_backward(solution, reference):
    for seed, size in enumerate(SIZES):
        check_backward(
            solution,
            reference,
            FWD,
            BWD,
            _inputs(*size, 40 + seed),
            outputs=OUTPUTS,
            upstream=OUTPUTS,
            grads=GRADS,
            seed=seed,
            hint=note("bptt"),
        )


def _bptt(solution, reference, inp, upstream, key, hint):
    """Forward on both sides, then backward with the given (dout, dh_n, dc_n)."""
    results = []
    for impl in (solution, reference):
        forward = impl.call(FWD, *inp.values())
        if not isinstance(forward, (tuple, list)) or len(forward) != 4:
            fail(note("must_return_out_h_n_c_n_cache", function=FWD), function=FWD)
        grads = impl.call(BWD, *(u.copy() for u in upstream), forward[-1])
        if not isinstance(grads, (tuple, list)) or len(grads) != len(GRADS):
            fail(note("must_return_gradients", function=BWD, grads=", ".join(GRADS)), function=BWD)
        results.append(grads)
    dout, dh_n, dc_n = upstream
    for name, got, expected in zip(GRADS, *results, strict=True):
        assert_close(
            got,
            expected,
            what=note(key, function=BWD, name=name),
            function=BWD,
            inputs={**inp, "dout": dout, "dh_n": dh_n, "dc_n": dc_n},
            hint=hint,
        )


def _zeros(t, n, h):
    return np.zeros((t, n, h)), np.zeros((n, h)), np.zeros((n, h))


def test_backward_last_step_only(solution, reference):
    # the loss reads only the last output: every earlier step, h0, c0 and the weights receive
    # gradient only through time, through h and through c
    for seed, size in enumerate((SIZES[4], (4, 1, 2, 3))):
        t, n, _, h = size
        dout, dh_n, dc_n = _zeros(t, n, h)
        dout[-1] = np.random.default_rng(60 + seed).normal(size=(n, h))
        inp = _inputs(*size, 70 + seed)
        _bptt(solution, reference, inp, (dout, dh_n, dc_n), "last_step_only", note("through_time"))


def test_backward_final_hidden_only(solution, reference):
    # dout = 0 and dc_n = 0: the only gradient is dh_n on the final hidden state
    for seed, size in enumerate((SIZES[2], (1, 2, 3, 2))):
        t, n, _, h = size
        dout, _, dc_n = _zeros(t, n, h)
        dh_n = np.random.default_rng(80 + seed).normal(size=(n, h))
        inp = _inputs(*size, 90 + seed)
        _bptt(solution, reference, inp, (dout, dh_n, dc_n), "final_hidden_only", note("dh_n"))


def test_backward_final_cell_only(solution, reference):
    # dout = 0 and dh_n = 0: the only gradient is dc_n on the final cell state
    for seed, size in enumerate((SIZES[4], (1, 3, 2, 2))):
        t, n, _, h = size
        dout, dh_n, _ = _zeros(t, n, h)
        dc_n = np.random.default_rng(100 + seed).normal(size=(n, h))
        inp = _inputs(*size, 110 + seed)
        _bptt(solution, reference, inp, (dout, dh_n, dc_n), "final_cell_only", note("dc_n"))


def test_backward_matches_own_forward(solution):
    for seed, size in enumerate([(3, 2, 3, 2), (1, 1, 2, 2)]):
        check_gradient_numerically(
            solution,
            FWD,
            BWD,
            _inputs(*size, 120 + seed),
            outputs=OUTPUTS,
            upstream=OUTPUTS,
            grads=GRADS,
            seed=seed,
            hint=note("bptt"),
        )


# ---------------------------------------------------------------- stability


def test_large_inputs(solution, reference):
    inp = _inputs(4, 2, 3, 3, 130)
    inp["x"] = inp["x"] * 1e4  # saturates every gate: exp(-z) would overflow in a sigmoid
    check_call(
        solution.stable, reference.stable, FWD, *inp.values(), outputs=OUTPUTS, hint=note("stable")
    )
    check_backward(
        solution.stable,
        reference.stable,
        FWD,
        BWD,
        inp,
        outputs=OUTPUTS,
        upstream=OUTPUTS,
        grads=GRADS,
        seed=13,
        hint=note("stable"),
    )


# ---------------------------------------------------------------- errors


def _error_inputs():
    # N = I = H = 3: a 2-D x, a 1-D h0 and one-row weights all broadcast without a NumPy error
    return _inputs(2, 3, 3, 3, 140)


def test_value_errors(solution):
    good = _error_inputs()
    cases = [
        ({"x": np.zeros((3, 3))}, "x_2d"),
        ({"h0": np.zeros(3), "c0": np.zeros(3)}, "h0_1d"),
        ({"h0": np.zeros((1, 3)), "c0": np.zeros((1, 3))}, "h0_batch"),
        ({"c0": np.zeros(3)}, "c0_1d"),
        ({"c0": np.zeros((3, 1))}, "c0_shape"),
        ({"w_ih": np.zeros((1, 3))}, "w_ih_one_row"),
        ({"w_ih": np.zeros((3, 3))}, "w_ih_rows"),
        ({"w_hh": np.zeros((1, 3))}, "w_hh_one_row"),
        ({"w_hh": np.zeros((3, 3))}, "w_hh_rows"),
        ({"b_ih": np.zeros(1)}, "b_ih_one"),
        ({"b_hh": np.zeros((1, 12))}, "b_hh_row"),
        ({"b_hh": np.zeros(3)}, "b_hh_shape"),
    ]
    for bad, because in cases:  # because: the key of a note
        expect_value_error(solution, FWD, *{**good, **bad}.values(), because=note(because))


def test_backward_value_errors(solution):
    result = solution.call(FWD, *_error_inputs().values())
    if not isinstance(result, (tuple, list)) or len(result) != 4:
        fail(note("must_return_out_h_n_c_n_cache", function=FWD), function=FWD)
    ok = np.ones((3, 3))
    cases = [
        (np.ones((2, 1, 3)), ok, ok, "dout_shape"),
        (np.ones((2, 3, 3)), np.ones(3), ok, "dh_n_shape"),
        (np.ones((2, 3, 3)), ok, np.ones((1, 3)), "dc_n_shape"),
    ]
    for dout, dh_n, dc_n, because in cases:  # because: the key of a note
        expect_value_error(solution, BWD, dout, dh_n, dc_n, result[-1], because=note(because))
