"""Hidden tests for the gru_cell kata."""

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

FWD = "gru_cell_forward"
BWD = "gru_cell_backward"
OUTPUTS = ("h",)
GRADS = ("dx", "dh_prev", "dw_ih", "dw_hh", "db_ih", "db_hh")


def _inputs(n, i, h, seed, *, scale=1.0):
    rng = np.random.default_rng(seed)
    return {
        "x": rng.normal(size=(n, i)),
        "h_prev": rng.normal(size=(n, h)),
        "w_ih": rng.normal(0.0, scale, size=(3 * h, i)),
        "w_hh": rng.normal(0.0, scale, size=(3 * h, h)),
        "b_ih": rng.normal(0.0, scale, size=3 * h),
        "b_hh": rng.normal(0.0, scale, size=3 * h),
    }


def _blocks(r, z, n, h):
    """A bias of shape (3H,) whose r, z and n blocks hold the given values."""
    return np.repeat(np.array([r, z, n], dtype=float), h)


def _reset_inputs(seed):
    """The reset gate half closed (r near 0.3), a large hidden bias b_hn and hidden weights
    W_hn that mix the units: every other placement of r changes n."""
    n, i, h = 3, 2, 4
    inp = _inputs(n, i, h, seed)
    inp["b_ih"] = inp["b_ih"] * 0.3 + _blocks(-1.0, 0.0, 0.0, h)
    inp["b_hh"] = inp["b_hh"] * 0.3 + _blocks(0.0, 0.0, 1.5, h)
    inp["w_hh"][2 * h :] *= 2.0
    return inp


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
    inp["w_ih"] = np.zeros((3 * h, i))
    inp["w_hh"] = np.zeros((3 * h, h))
    # r about 0.27, z about 0.82, n's input and hidden parts of opposite signs: reading the
    # blocks in any other order, or swapping the activations, changes h.
    inp["b_ih"] = _blocks(-0.5, 2.0, -0.4, h)
    inp["b_hh"] = _blocks(-0.5, -0.5, 1.6, h)
    inp["h_prev"] = np.array([[1.5, -2.0], [-0.5, 3.0]])
    check_call(solution, reference, FWD, *inp.values(), outputs=OUTPUTS, hint=note("gates"))


def test_both_biases(solution, reference):
    for seed, zero in enumerate(("b_ih", "b_hh")):
        inp = _inputs(3, 2, 4, 20 + seed)
        inp[zero] = np.zeros_like(inp[zero])
        check_call(solution, reference, FWD, *inp.values(), outputs=OUTPUTS, hint=note("biases"))


def test_reset_gate_scales_hidden_bias(solution, reference):
    # h_prev = 0 and w_hh = 0: the hidden projection of n is b_hn alone, and n = tanh(r * b_hn)
    n, i, h = 2, 3, 3
    inp = _inputs(n, i, h, 25)
    inp["h_prev"] = np.zeros((n, h))
    inp["w_hh"] = np.zeros((3 * h, h))
    inp["w_ih"] = inp["w_ih"] * 0.2
    inp["b_ih"] = _blocks(-1.0, -0.5, 0.0, h)
    inp["b_hh"] = _blocks(0.0, 0.0, 2.0, h)
    check_call(solution, reference, FWD, *inp.values(), outputs=OUTPUTS, hint=note("reset_bias"))


def test_reset_gate_after_hidden_projection(solution, reference):
    for seed in (30, 31):
        check_call(
            solution,
            reference,
            FWD,
            *_reset_inputs(seed).values(),
            outputs=OUTPUTS,
            hint=note("reset"),
        )


def test_update_gate_interpolates(solution, reference):
    # z about 0.9: h stays close to h_prev, far from n
    n, i, h = 3, 2, 3
    inp = _inputs(n, i, h, 35)
    inp["h_prev"] = np.full((n, h), 2.5) * np.array([1.0, -1.0, 0.5])
    inp["b_ih"] = inp["b_ih"] * 0.2 + _blocks(0.0, 2.2, 0.0, h)
    check_call(solution, reference, FWD, *inp.values(), outputs=OUTPUTS, hint=note("update"))


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


def _large_inputs(seed):
    """x and h_prev of magnitude up to 1e4 (contract rule 7): every gate saturates."""
    n, i, h = 3, 4, 3
    inp = _inputs(n, i, h, seed)
    rng = np.random.default_rng(seed + 1)
    inp["x"] = rng.uniform(-1e4, 1e4, size=(n, i))
    inp["x"][0, :2] = [1e4, -1e4]
    inp["h_prev"] = rng.uniform(-1e4, 1e4, size=(n, h))
    inp["h_prev"][1, 1:] = [-1e4, 1e4]
    return inp


def test_forward_stable(solution, reference):
    for seed in (45, 46):
        check_call(
            solution.stable,
            reference.stable,
            FWD,
            *_large_inputs(seed).values(),
            outputs=OUTPUTS,
            hint=note("stable"),
        )


# ---------------------------------------------------------------- backward


def _check_backward(solution, reference, inputs, seed, hint):
    check_backward(
        solution,
        reference,
        FWD,
        BWD,
        inputs,
        outputs=OUTPUTS,
        upstream=OUTPUTS,
        grads=GRADS,
        seed=seed,
        hint=hint,
    )


def test_backward(solution, reference):
    for seed, size in enumerate(SIZES):
        _check_backward(solution, reference, _inputs(*size, 50 + seed), seed, note("backward"))


def test_backward_through_reset_gate(solution, reference):
    _check_backward(solution, reference, _reset_inputs(60), 6, note("reset_backward"))


def test_backward_direct_path(solution, reference):
    # w_hh = 0: h_prev reaches h only through z * h_prev, so dh_prev = dh * z exactly
    inp = _inputs(3, 2, 4, 65)
    inp["w_hh"] = np.zeros((12, 4))
    _check_backward(solution, reference, inp, 7, note("direct_path"))


def test_backward_hidden_bias(solution, reference):
    # b_hn sits inside r * (...): its gradient is the n block's times r, unlike b_in's
    _check_backward(solution, reference, _reset_inputs(68), 8, note("bias_grads"))


def test_backward_saturated_gates(solution, reference):
    _check_backward(solution, reference, _inputs(2, 3, 2, 70, scale=3.0), 9, note("weights"))


def test_backward_stable(solution, reference):
    _check_backward(solution.stable, reference.stable, _large_inputs(75), 10, note("stable"))


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


def _unrolled(impl, xs, h0, weights, upstream):
    """Two steps forward (step 2 starts from step 1's h), then backward in reverse order: step 1
    receives the loss's own dh1 plus step 2's dh_prev."""
    (x1, x2), (dh1_loss, dh2) = xs, upstream
    step1 = impl.call(FWD, x1, h0, *weights)
    if not isinstance(step1, (tuple, list)) or len(step1) != 2:
        fail(note("must_return_h_cache", function=FWD), function=FWD)
    h1, cache1 = step1
    step2 = impl.call(FWD, x2, h1, *weights)
    if not isinstance(step2, (tuple, list)) or len(step2) != 2:
        fail(note("must_return_h_cache", function=FWD), function=FWD)
    h2, cache2 = step2
    back2 = impl.call(BWD, dh2, cache2)
    if not isinstance(back2, (tuple, list)) or len(back2) != len(GRADS):
        fail(note("must_return_gradients", function=BWD, grads=", ".join(GRADS)), function=BWD)
    dx2, dh1 = back2[:2]
    back1 = impl.call(BWD, dh1_loss + np.asarray(dh1), cache1)
    if not isinstance(back1, (tuple, list)) or len(back1) != len(GRADS):
        fail(note("must_return_gradients", function=BWD, grads=", ".join(GRADS)), function=BWD)
    dx1, dh0 = back1[:2]
    states = {"h1": h1, "h2": h2}
    totals = {
        "dx2": dx2,
        note("from_step_2", name="dh1"): dh1,
        "dx1": dx1,
        "dh0": dh0,
    }
    for k, name in enumerate(GRADS[2:], start=2):  # shared weights: the two steps' gradients add
        totals[note("both_steps", name=name)] = np.asarray(back1[k]) + np.asarray(back2[k])
    return states, totals


def test_two_step_sequence(solution, reference):
    # Step 2 starts from step 1's h; the loss reads h1 and h2.
    n, i, h = 3, 2, 4
    rng = np.random.default_rng(95)
    weights = (
        rng.normal(size=(3 * h, i)),
        rng.normal(size=(3 * h, h)),
        rng.normal(size=3 * h),
        rng.normal(size=3 * h),
    )
    xs = (rng.normal(size=(n, i)), rng.normal(size=(n, i)))
    h0 = rng.normal(size=(n, h))
    upstream = (rng.normal(size=(n, h)), rng.normal(size=(n, h)))
    got_states, got = _unrolled(solution, xs, h0, weights, upstream)
    want_states, want = _unrolled(reference, xs, h0, weights, upstream)
    inputs = {"x1": xs[0], "x2": xs[1], "h0": h0, "dh1": upstream[0], "dh2": upstream[1]}
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
            hint=note("two_steps"),
        )


# ---------------------------------------------------------------- errors


def _error_inputs():
    # N = I = H = 3: a 1-D x or h_prev then broadcasts against everything else without a NumPy
    # error, and so do a weight with extra rows and a bias (1,) or (1, 3H)
    return _inputs(3, 3, 3, 90)


def test_value_errors(solution):
    good = _error_inputs()
    cases = [
        ("x", np.zeros(3), "x_1d"),
        ("x", np.zeros((1, 3, 3)), "x_3d"),
        ("x", np.zeros((1, 3)), "x_batch"),
        ("h_prev", np.zeros(3), "h_prev_1d"),
        ("h_prev", np.zeros((3, 3, 3)), "h_prev_3d"),
        ("h_prev", np.zeros((1, 3)), "h_prev_batch"),
        ("w_ih", np.zeros((12, 3)), "w_ih_rows"),
        ("w_ih", np.zeros((1, 3)), "w_ih_one_row"),
        ("w_hh", np.zeros((12, 3)), "w_hh_rows"),
        ("w_hh", np.zeros((1, 3)), "w_hh_one_row"),
        ("b_ih", np.zeros(1), "b_ih_one"),
        ("b_hh", np.zeros((1, 9)), "b_hh_row"),
        ("b_hh", np.zeros(12), "b_hh_shape"),
    ]
    for name, bad, because in cases:  # because: the key of a note
        expect_value_error(solution, FWD, *{**good, name: bad}.values(), because=note(because))


def test_backward_value_errors(solution):
    good = _error_inputs()
    result = solution.call(FWD, *good.values())
    if not isinstance(result, (tuple, list)) or len(result) != 2:
        fail(note("must_return_h_cache", function=FWD), function=FWD)
    cache = result[-1]
    cases = [
        (np.ones(3), "dh_1d"),
        (np.ones((1, 3)), "dh_one_row"),
        (np.ones((3, 1)), "dh_one_column"),
    ]
    for dh, because in cases:  # because: the key of a note
        expect_value_error(solution, BWD, dh, cache, because=note(because))
