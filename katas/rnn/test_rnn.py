"""Hidden tests for the rnn kata."""

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

FWD = "rnn_forward"
BWD = "rnn_backward"
OUTPUTS = ("out", "h_n")
GRADS = ("dx", "dh0", "dw_ih", "dw_hh", "db_ih", "db_hh")


def _inputs(t, n, i, h, seed, *, scale=1.0):
    rng = np.random.default_rng(seed)
    return {
        "x": rng.normal(size=(t, n, i)),
        "h0": rng.normal(size=(n, h)),
        "w_ih": rng.normal(0.0, scale, size=(h, i)),
        "w_hh": rng.normal(0.0, scale / np.sqrt(h), size=(h, h)),
        "b_ih": rng.normal(0.0, scale, size=h),
        "b_hh": rng.normal(0.0, scale, size=h),
    }


# (T, N, I, H): one step, batch 1, I < H, I > H, H = 1, a longer sequence
SIZES = [(1, 3, 4, 5), (4, 1, 2, 3), (5, 4, 3, 2), (3, 2, 1, 1), (7, 2, 3, 3)]
BOTH = ("tanh", "relu")


def _relu_zeros():
    """A relu case whose unit 1 has a pre-activation of exactly 0 at every step and sample
    (a zero weight row and b_hh = -b_ih), and whose other units cross zero in both directions."""
    inp = _inputs(4, 3, 2, 3, 31)
    inp["w_ih"][1] = 0.0
    inp["w_hh"][1] = 0.0
    inp["b_hh"][1] = -inp["b_ih"][1]
    return inp


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


def test_forward_relu(solution, reference):
    for seed, size in enumerate(SIZES[:3]):
        inp = _inputs(*size, 10 + seed)
        check_call(
            solution,
            reference,
            FWD,
            *inp.values(),
            nonlinearity="relu",
            outputs=OUTPUTS,
            hint=note("relu"),
        )
    check_call(
        solution,
        reference,
        FWD,
        *_relu_zeros().values(),
        nonlinearity="relu",
        outputs=OUTPUTS,
        hint=note("relu"),
    )


def test_initial_state_and_biases(solution, reference):
    # h0 far from zero, and each bias alone (the other zero): h0 and both biases all count
    for seed, zero in enumerate((None, "b_ih", "b_hh")):
        inp = _inputs(3, 2, 3, 4, 20 + seed)
        inp["h0"] = inp["h0"] * 3.0
        if zero:
            inp[zero] = np.zeros_like(inp[zero])
        for nonlinearity in BOTH:
            check_call(
                solution,
                reference,
                FWD,
                *inp.values(),
                nonlinearity=nonlinearity,
                outputs=OUTPUTS,
                hint=note("h0_and_biases"),
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


def test_backward_relu(solution, reference):
    for seed, inp in enumerate((_inputs(5, 2, 3, 4, 50), _relu_zeros())):
        check_backward(
            solution,
            reference,
            FWD,
            BWD,
            inp,
            kwargs={"nonlinearity": "relu"},
            outputs=OUTPUTS,
            upstream=OUTPUTS,
            grads=GRADS,
            seed=seed,
            hint=note("relu_backward"),
        )


def _bptt(solution, reference, inp, dout, dh_n, nonlinearity, key, hint):
    """Forward on both sides, then backward with the given upstream gradients."""
    results = []
    for impl in (solution, reference):
        forward = impl.call(FWD, *inp.values(), nonlinearity=nonlinearity)
        if not isinstance(forward, (tuple, list)) or len(forward) != 3:
            fail(note("must_return_out_h_n_cache", function=FWD), function=FWD)
        grads = impl.call(BWD, dout.copy(), dh_n.copy(), forward[-1])
        if not isinstance(grads, (tuple, list)) or len(grads) != len(GRADS):
            fail(note("must_return_gradients", function=BWD, grads=", ".join(GRADS)), function=BWD)
        results.append(grads)
    for name, got, expected in zip(GRADS, *results, strict=True):
        assert_close(
            got,
            expected,
            what=note(key, function=BWD, name=name),
            function=BWD,
            inputs={**inp, "nonlinearity": nonlinearity, "dout": dout, "dh_n": dh_n},
            hint=hint,
        )


def test_backward_last_step_only(solution, reference):
    # the loss reads only the last output (a many-to-one model): every earlier step, h0 and the
    # weights receive gradient only through time
    for seed, (size, nonlinearity) in enumerate(((SIZES[4], "tanh"), ((4, 1, 2, 3), "relu"))):
        t, n, _, h = size
        inp = _inputs(*size, 60 + seed)
        dout = np.zeros((t, n, h))
        dout[-1] = np.random.default_rng(70 + seed).normal(size=(n, h))
        _bptt(
            solution,
            reference,
            inp,
            dout,
            np.zeros((n, h)),
            nonlinearity,
            "last_step_only",
            note("through_time"),
        )


def test_backward_final_state_only(solution, reference):
    # dout = 0: the only gradient is dh_n on the final hidden state
    for seed, (size, nonlinearity) in enumerate(((SIZES[2], "tanh"), ((1, 2, 3, 2), "relu"))):
        t, n, _, h = size
        inp = _inputs(*size, 80 + seed)
        dh_n = np.random.default_rng(90 + seed).normal(size=(n, h))
        _bptt(
            solution,
            reference,
            inp,
            np.zeros((t, n, h)),
            dh_n,
            nonlinearity,
            "final_state_only",
            note("dh_n"),
        )


def test_backward_matches_own_forward(solution):
    for seed, size in enumerate([(3, 2, 3, 4), (1, 1, 2, 2)]):
        check_gradient_numerically(
            solution,
            FWD,
            BWD,
            _inputs(*size, 100 + seed),
            outputs=OUTPUTS,
            upstream=OUTPUTS,
            grads=GRADS,
            seed=seed,
            hint=note("bptt"),
        )


# ---------------------------------------------------------------- stability


def test_large_inputs(solution, reference):
    for seed, nonlinearity in enumerate(BOTH):
        inp = _inputs(4, 2, 3, 3, 110 + seed)
        inp["x"] = inp["x"] * 1e4  # saturates tanh: exp(2a) would overflow
        check_call(
            solution.stable,
            reference.stable,
            FWD,
            *inp.values(),
            nonlinearity=nonlinearity,
            outputs=OUTPUTS,
            hint=note("stable"),
        )
        check_backward(
            solution.stable,
            reference.stable,
            FWD,
            BWD,
            inp,
            kwargs={"nonlinearity": nonlinearity},
            outputs=OUTPUTS,
            upstream=OUTPUTS,
            grads=GRADS,
            seed=seed,
            hint=note("stable"),
        )


# ---------------------------------------------------------------- errors


def _error_inputs():
    # N = I = H = 3: a 2-D x, a 1-D h0 and one-row weights all broadcast without a NumPy error
    return _inputs(2, 3, 3, 3, 120)


def test_nonlinearity_errors(solution):
    good = _error_inputs()
    for bad in ("Tanh", "sigmoid", "RELU", "tanh "):
        expect_value_error(
            solution,
            FWD,
            *good.values(),
            nonlinearity=bad,
            because=note("nonlinearity", value=repr(bad)),
        )


def test_value_errors(solution):
    good = _error_inputs()
    cases = [
        ("x", np.zeros((3, 3)), "x_2d"),
        ("h0", np.zeros(3), "h0_1d"),
        ("h0", np.zeros((1, 3)), "h0_batch"),
        ("w_ih", np.zeros((1, 3)), "w_ih_shape"),
        ("w_hh", np.zeros((1, 3)), "w_hh_shape"),
        ("b_ih", np.zeros(1), "b_ih_shape"),
        ("b_hh", np.zeros((1, 3)), "b_hh_shape"),
    ]
    for name, bad, because in cases:  # because: the key of a note
        expect_value_error(solution, FWD, *{**good, name: bad}.values(), because=note(because))


def test_backward_value_errors(solution):
    result = solution.call(FWD, *_error_inputs().values())
    if not isinstance(result, (tuple, list)) or len(result) != 3:
        fail(note("must_return_out_h_n_cache", function=FWD), function=FWD)
    cases = [
        (np.ones((2, 1, 3)), np.ones((3, 3)), "dout_shape"),
        (np.ones((2, 3, 3)), np.ones(3), "dh_n_shape"),
    ]
    for dout, dh_n, because in cases:  # because: the key of a note
        expect_value_error(solution, BWD, dout, dh_n, result[-1], because=note(because))
