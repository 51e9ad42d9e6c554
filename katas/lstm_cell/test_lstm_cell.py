"""Hidden tests for the lstm_cell kata."""

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

FWD = "lstm_cell_forward"
BWD = "lstm_cell_backward"
OUTPUTS = ("h", "c")
GRADS = ("dx", "dh_prev", "dc_prev", "dw_ih", "dw_hh", "db_ih", "db_hh")


def _inputs(n, i, h, seed, *, scale=1.0):
    rng = np.random.default_rng(seed)
    return {
        "x": rng.normal(size=(n, i)),
        "h_prev": rng.normal(size=(n, h)),
        "c_prev": rng.normal(0.0, 2.0, size=(n, h)),
        "w_ih": rng.normal(0.0, scale, size=(4 * h, i)),
        "w_hh": rng.normal(0.0, scale, size=(4 * h, h)),
        "b_ih": rng.normal(0.0, scale, size=4 * h),
        "b_hh": rng.normal(0.0, scale, size=4 * h),
    }


# (N, I, H): non-square weights, batch 1, I < H, I > H, H = 1
SIZES = [(3, 4, 5), (1, 2, 3), (4, 6, 2), (2, 1, 1), (2, 3, 3)]


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
    n, i, h = 2, 3, 2
    inp = _inputs(n, i, h, 10)
    inp["w_ih"] = np.zeros((4 * h, i))
    inp["w_hh"] = np.zeros((4 * h, h))
    # i nearly open, f half, g strongly negative, o a quarter: every misreading changes h and c.
    inp["b_ih"] = np.repeat([2.0, 0.0, -1.5, -1.0], h)
    inp["b_hh"] = np.repeat([1.0, 0.0, -0.5, 0.0], h)
    inp["c_prev"] = np.array([[1.0, -2.0], [0.5, 3.0]])
    check_call(solution, reference, FWD, *inp.values(), outputs=OUTPUTS, hint=note("gates"))


def test_both_biases(solution, reference):
    for seed, zero in enumerate(("b_ih", "b_hh")):
        inp = _inputs(3, 2, 4, 20 + seed)
        inp[zero] = np.zeros_like(inp[zero])
        check_call(solution, reference, FWD, *inp.values(), outputs=OUTPUTS, hint=note("biases"))


def test_hidden_state_uses_new_cell(solution, reference):
    inp = _inputs(2, 3, 3, 30)
    inp["c_prev"] = np.full((2, 3), 5.0)
    inp["b_hh"] = inp["b_hh"].copy()
    inp["b_hh"][3:6] = -6.0  # forget gate nearly closed: c is far from c_prev
    check_call(solution, reference, FWD, *inp.values(), outputs=OUTPUTS, hint=note("new_c"))


def test_forward_saturated_gates(solution, reference):
    for seed, size in enumerate([(2, 3, 4), (1, 4, 2)]):
        check_call(
            solution,
            reference,
            FWD,
            *_inputs(*size, 40 + seed, scale=6.0).values(),
            outputs=OUTPUTS,
            hint=note("forward"),
        )


# ---------------------------------------------------------------- backward


def test_backward(solution, reference):
    for seed, size in enumerate(SIZES):
        check_backward(
            solution,
            reference,
            FWD,
            BWD,
            _inputs(*size, 50 + seed),
            outputs=OUTPUTS,
            upstream=OUTPUTS,
            grads=GRADS,
            seed=seed,
            hint=note("backward"),
        )


def _one_path(solution, reference, which, hint):
    inp = _inputs(3, 2, 4, 60)
    rng = np.random.default_rng(61)
    dh = rng.normal(size=(3, 4)) if which == "h" else np.zeros((3, 4))
    dc = rng.normal(size=(3, 4)) if which == "c" else np.zeros((3, 4))
    got_forward = solution.call(FWD, *inp.values())
    ref_forward = reference.call(FWD, *inp.values())
    if not isinstance(got_forward, (tuple, list)) or len(got_forward) != 3:
        fail(note("must_return_h_c_cache", function=FWD), function=FWD)
    got = solution.call(BWD, dh, dc, got_forward[-1])
    expected = reference.call(BWD, dh, dc, ref_forward[-1])
    if not isinstance(got, (tuple, list)) or len(got) != len(GRADS):
        fail(note("must_return_gradients", function=BWD, grads=", ".join(GRADS)), function=BWD)
    for name, g, e in zip(GRADS, got, expected, strict=True):
        assert_close(
            g,
            e,
            what=note("one_path", function=BWD, name=name, upstream=f"d{which}"),
            function=BWD,
            inputs={**inp, "dh": dh, "dc": dc},
            hint=hint,
        )


def test_backward_only_dc(solution, reference):
    _one_path(solution, reference, "c", note("dc"))


def test_backward_only_dh(solution, reference):
    _one_path(solution, reference, "h", note("backward"))


def test_backward_saturated_gates(solution, reference):
    check_backward(
        solution,
        reference,
        FWD,
        BWD,
        _inputs(2, 3, 2, 70, scale=3.0),
        outputs=OUTPUTS,
        upstream=OUTPUTS,
        grads=GRADS,
        seed=7,
        hint=note("weights"),
    )


def test_backward_matches_own_forward(solution):
    for seed, size in enumerate([(2, 3, 4), (1, 2, 2)]):
        check_gradient_numerically(
            solution,
            FWD,
            BWD,
            _inputs(*size, 80 + seed),
            outputs=OUTPUTS,
            upstream=OUTPUTS,
            grads=GRADS,
            seed=seed,
            hint=note("backward"),
        )


def _unrolled(impl, xs, h0, c0, weights, upstream):
    """Two steps forward (step 2 starts from step 1's h and c), then backward in reverse order:
    step 1 receives the loss's own dh1 plus step 2's dh_prev, and step 2's dc_prev as its dc."""
    (x1, x2), (dh1_loss, dh2, dc2) = xs, upstream
    step1 = impl.call(FWD, x1, h0, c0, *weights)
    if not isinstance(step1, (tuple, list)) or len(step1) != 3:
        fail(note("must_return_h_c_cache", function=FWD), function=FWD)
    h1, c1, cache1 = step1
    step2 = impl.call(FWD, x2, h1, c1, *weights)
    if not isinstance(step2, (tuple, list)) or len(step2) != 3:
        fail(note("must_return_h_c_cache", function=FWD), function=FWD)
    h2, c2, cache2 = step2
    back2 = impl.call(BWD, dh2, dc2, cache2)
    if not isinstance(back2, (tuple, list)) or len(back2) != len(GRADS):
        fail(note("must_return_gradients", function=BWD, grads=", ".join(GRADS)), function=BWD)
    dx2, dh1, dc1 = back2[:3]
    back1 = impl.call(BWD, dh1_loss + np.asarray(dh1), dc1, cache1)
    if not isinstance(back1, (tuple, list)) or len(back1) != len(GRADS):
        fail(note("must_return_gradients", function=BWD, grads=", ".join(GRADS)), function=BWD)
    dx1, dh0, dc0 = back1[:3]
    states = {"h1": h1, "c1": c1, "h2": h2, "c2": c2}
    totals = {
        "dx2": dx2,
        note("from_step_2", name="dh1"): dh1,
        note("from_step_2", name="dc1"): dc1,
        "dx1": dx1,
        "dh0": dh0,
        "dc0": dc0,
    }
    for k, name in enumerate(GRADS[3:], start=3):  # shared weights: the two steps' gradients add
        totals[note("both_steps", name=name)] = np.asarray(back1[k]) + np.asarray(back2[k])
    return states, totals


def test_two_step_sequence(solution, reference):
    # Step 2 starts from step 1's (h, c); the loss reads h1, h2 and c2.
    n, i, h = 3, 2, 4
    rng = np.random.default_rng(95)
    weights = (
        rng.normal(size=(4 * h, i)),
        rng.normal(size=(4 * h, h)),
        rng.normal(size=4 * h),
        rng.normal(size=4 * h),
    )
    xs = (rng.normal(size=(n, i)), rng.normal(size=(n, i)))
    h0, c0 = rng.normal(size=(n, h)), rng.normal(0.0, 2.0, size=(n, h))
    # a loss on h1, h2 and the final c2: every path between the steps carries gradient
    upstream = tuple(rng.normal(size=(n, h)) for _ in range(3))
    got_states, got = _unrolled(solution, xs, h0, c0, weights, upstream)
    want_states, want = _unrolled(reference, xs, h0, c0, weights, upstream)
    inputs = {
        "x1": xs[0],
        "x2": xs[1],
        "h0": h0,
        "c0": c0,
        "dh1": upstream[0],
        "dh2": upstream[1],
        "dc2": upstream[2],
    }
    for name, value in want_states.items():
        assert_close(
            got_states[name],
            value,
            what=note("two_step_state", function=FWD, name=name),
            function=FWD,
            inputs=inputs,
            hint=note("forward"),
        )
    for name, value in want.items():
        assert_close(
            got[name],
            value,
            what=note("two_step_gradient", function=BWD, name=name),
            function=BWD,
            inputs=inputs,
            hint=note("two_steps", "dc"),
        )


# ---------------------------------------------------------------- errors


def _error_inputs():
    # N = I = 3: a 1-D x of length I then broadcasts against everything else without a NumPy error
    return _inputs(3, 3, 4, 90)


def test_value_errors(solution):
    good = _error_inputs()
    cases = [
        ("x", np.zeros(3), "x_1d"),
        ("h_prev", np.zeros(4), "h_prev_1d"),
        ("h_prev", np.zeros((1, 4)), "h_prev_batch"),
        ("c_prev", np.zeros(4), "c_prev_1d"),
        ("c_prev", np.zeros((3, 1)), "c_prev_shape"),
        ("w_ih", np.zeros((1, 3)), "w_ih_one_row"),
        ("w_ih", np.zeros((12, 3)), "w_ih_rows"),
        ("w_hh", np.zeros((1, 4)), "w_hh_one_row"),
        ("w_hh", np.zeros((16, 3)), "w_hh_shape"),
        ("b_ih", np.zeros(1), "b_ih_one"),
        ("b_hh", np.zeros((1, 16)), "b_hh_row"),
        ("b_hh", np.zeros(12), "b_hh_shape"),
    ]
    for name, bad, because in cases:  # because: the key of a note
        expect_value_error(solution, FWD, *{**good, name: bad}.values(), because=note(because))


def test_backward_value_errors(solution):
    good = _error_inputs()
    result = solution.call(FWD, *good.values())
    if not isinstance(result, (tuple, list)) or len(result) != 3:
        fail(note("must_return_h_c_cache", function=FWD), function=FWD)
    cache = result[-1]
    ok = np.ones((3, 4))
    cases = [
        (np.ones(4), ok, "dh_1d"),
        (ok, np.ones((1, 4)), "dc_one_row"),
        (ok, np.ones((3, 1)), "dc_one_column"),
    ]
    for dh, dc, because in cases:  # because: the key of a note
        expect_value_error(solution, BWD, dh, dc, cache, because=note(because))
