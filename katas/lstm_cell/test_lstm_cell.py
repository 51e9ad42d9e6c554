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
)

FWD = "lstm_cell_forward"
BWD = "lstm_cell_backward"
OUTPUTS = ("h", "c")
GRADS = ("dx", "dh_prev", "dc_prev", "dw_ih", "dw_hh", "db_ih", "db_hh")

HINT_FORWARD = (
    "z = x @ w_ih.T + b_ih + h_prev @ w_hh.T + b_hh, shape (N, 4H). Its column blocks are, in "
    "PyTorch's order, i, f, g, o; i, f, o go through a sigmoid and g through tanh. Then "
    "c = f * c_prev + i * g and h = o * tanh(c) with the NEW c."
)
HINT_GATES = (
    "PyTorch stacks the gates as input, forget, cell candidate (g), output: z[:, 0:H] is i, "
    "z[:, H:2H] is f, z[:, 2H:3H] is g, z[:, 3H:4H] is o (Keras uses the same order and calls g "
    "c). Not i, f, o, g (many tutorials) nor TensorFlow 1's i, j, f, o. g uses tanh, so it can "
    "be negative; the other three use a sigmoid."
)
HINT_BIASES = "Both biases are added to z: b_ih AND b_hh (PyTorch keeps two bias vectors)."
HINT_NEW_C = "h = o * tanh(c) uses the cell state just computed, not c_prev."
HINT_BACKWARD = (
    "The gradient reaching c is dc_total = dc + dh * o * (1 - tanh(c)**2): the dc passed in plus "
    "the path through h. Then dc_prev = dc_total * f, d(z_i) = dc_total * g * i * (1 - i), "
    "d(z_f) = dc_total * c_prev * f * (1 - f), d(z_g) = dc_total * i * (1 - g**2), "
    "d(z_o) = dh * tanh(c) * o * (1 - o); stack them as i, f, g, o into dz (N, 4H)."
)
HINT_DC = (
    "dc is the gradient arriving at c from the next time step: add it to the gradient that "
    "reaches c through h before using it for dc_prev and the i, f, g gates."
)
HINT_WEIGHTS = (
    "With dz (N, 4H) in the i, f, g, o order: dx = dz @ w_ih, dh_prev = dz @ w_hh, "
    "dw_ih = dz.T @ x, dw_hh = dz.T @ h_prev, db_ih = db_hh = dz.sum(axis=0)."
)


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
    """h and c match the reference for several sizes (non-square, batch 1, H = 1)."""
    for seed, size in enumerate(SIZES):
        check_call(
            solution,
            reference,
            FWD,
            *_inputs(*size, seed).values(),
            outputs=OUTPUTS,
            hint=HINT_FORWARD,
        )


def test_gate_layout(solution, reference):
    """Gate order i, f, g, o and activations: each gate's bias block pulls a different way."""
    n, i, h = 2, 3, 2
    inp = _inputs(n, i, h, 10)
    inp["w_ih"] = np.zeros((4 * h, i))
    inp["w_hh"] = np.zeros((4 * h, h))
    # i nearly open, f half, g strongly negative, o a quarter: every misreading changes h and c.
    inp["b_ih"] = np.repeat([2.0, 0.0, -1.5, -1.0], h)
    inp["b_hh"] = np.repeat([1.0, 0.0, -0.5, 0.0], h)
    inp["c_prev"] = np.array([[1.0, -2.0], [0.5, 3.0]])
    check_call(solution, reference, FWD, *inp.values(), outputs=OUTPUTS, hint=HINT_GATES)


def test_both_biases(solution, reference):
    """Both b_ih and b_hh are added (each tried alone, the other zero)."""
    for seed, zero in enumerate(("b_ih", "b_hh")):
        inp = _inputs(3, 2, 4, 20 + seed)
        inp[zero] = np.zeros_like(inp[zero])
        check_call(solution, reference, FWD, *inp.values(), outputs=OUTPUTS, hint=HINT_BIASES)


def test_hidden_state_uses_new_cell(solution, reference):
    """h = o * tanh(c) with the new c: a large c_prev and a closed forget gate tell them apart."""
    inp = _inputs(2, 3, 3, 30)
    inp["c_prev"] = np.full((2, 3), 5.0)
    inp["b_hh"] = inp["b_hh"].copy()
    inp["b_hh"][3:6] = -6.0  # forget gate nearly closed: c is far from c_prev
    check_call(solution, reference, FWD, *inp.values(), outputs=OUTPUTS, hint=HINT_NEW_C)


def test_forward_saturated_gates(solution, reference):
    """Large weights (saturated gates) still match the reference."""
    for seed, size in enumerate([(2, 3, 4), (1, 4, 2)]):
        check_call(
            solution,
            reference,
            FWD,
            *_inputs(*size, 40 + seed, scale=6.0).values(),
            outputs=OUTPUTS,
            hint=HINT_FORWARD,
        )


# ---------------------------------------------------------------- backward


def test_backward(solution, reference):
    """All seven gradients match the reference, with upstream gradients on both h and c."""
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
            hint=HINT_BACKWARD,
        )


def _one_path(solution, reference, which, hint):
    inp = _inputs(3, 2, 4, 60)
    rng = np.random.default_rng(61)
    dh = rng.normal(size=(3, 4)) if which == "h" else np.zeros((3, 4))
    dc = rng.normal(size=(3, 4)) if which == "c" else np.zeros((3, 4))
    got_forward = solution.call(FWD, *inp.values())
    ref_forward = reference.call(FWD, *inp.values())
    if not isinstance(got_forward, (tuple, list)) or len(got_forward) != 3:
        fail(f"`{FWD}` must return (h, c, cache)", function=FWD)
    got = solution.call(BWD, dh, dc, got_forward[-1])
    expected = reference.call(BWD, dh, dc, ref_forward[-1])
    if not isinstance(got, (tuple, list)) or len(got) != len(GRADS):
        fail(f"`{BWD}` must return the 7 gradients {', '.join(GRADS)}", function=BWD)
    for name, g, e in zip(GRADS, got, expected, strict=True):
        assert_close(
            g,
            e,
            what=f"`{BWD}`: gradient {name} with only d{which} non-zero",
            function=BWD,
            inputs={**inp, "dh": dh, "dc": dc},
            hint=hint,
        )


def test_backward_only_dc(solution, reference):
    """With dh = 0 and dc != 0, the gradient from the next time step still reaches everything."""
    _one_path(solution, reference, "c", HINT_DC)


def test_backward_only_dh(solution, reference):
    """With dc = 0, the gradient through h = o * tanh(c) alone matches the reference."""
    _one_path(solution, reference, "h", HINT_BACKWARD)


def test_backward_saturated_gates(solution, reference):
    """Gradients with larger weights (partly saturated gates) match the reference."""
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
        hint=HINT_WEIGHTS,
    )


def test_backward_matches_own_forward(solution):
    """Your backward agrees with central differences of your own forward, for every input."""
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
            hint=HINT_BACKWARD,
        )


def _unrolled(impl, xs, h0, c0, weights, upstream):
    """Two steps forward (step 2 starts from step 1's h and c), then backward in reverse order:
    step 1 receives the loss's own dh1 plus step 2's dh_prev, and step 2's dc_prev as its dc."""
    (x1, x2), (dh1_loss, dh2, dc2) = xs, upstream
    step1 = impl.call(FWD, x1, h0, c0, *weights)
    if not isinstance(step1, (tuple, list)) or len(step1) != 3:
        fail(f"`{FWD}` must return (h, c, cache)", function=FWD)
    h1, c1, cache1 = step1
    step2 = impl.call(FWD, x2, h1, c1, *weights)
    if not isinstance(step2, (tuple, list)) or len(step2) != 3:
        fail(f"`{FWD}` must return (h, c, cache)", function=FWD)
    h2, c2, cache2 = step2
    back2 = impl.call(BWD, dh2, dc2, cache2)
    if not isinstance(back2, (tuple, list)) or len(back2) != len(GRADS):
        fail(f"`{BWD}` must return the 7 gradients {', '.join(GRADS)}", function=BWD)
    dx2, dh1, dc1 = back2[:3]
    back1 = impl.call(BWD, dh1_loss + np.asarray(dh1), dc1, cache1)
    if not isinstance(back1, (tuple, list)) or len(back1) != len(GRADS):
        fail(f"`{BWD}` must return the 7 gradients {', '.join(GRADS)}", function=BWD)
    dx1, dh0, dc0 = back1[:3]
    states = {"h1": h1, "c1": c1, "h2": h2, "c2": c2}
    totals = {
        "dx2": dx2,
        "dh1 (from step 2)": dh1,
        "dc1 (from step 2)": dc1,
        "dx1": dx1,
        "dh0": dh0,
        "dc0": dc0,
    }
    for k, name in enumerate(GRADS[3:], start=3):  # shared weights: the two steps' gradients add
        totals[f"{name} (both steps)"] = np.asarray(back1[k]) + np.asarray(back2[k])
    return states, totals


def test_two_step_sequence(solution, reference):
    """Two steps unrolled, backward in reverse order: step 1 gets gradient through h and c.

    Step 2 starts from step 1's (h, c); the loss reads h1, h2 and c2.
    """
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
            what=f"`{FWD}`: state {name} of a two-step sequence",
            function=FWD,
            inputs=inputs,
            hint=HINT_FORWARD,
        )
    for name, value in want.items():
        assert_close(
            got[name],
            value,
            what=f"`{BWD}`: {name} of a two-step sequence, backward in reverse order",
            function=BWD,
            inputs=inputs,
            hint="Step 1's backward gets dh = the loss's dh1 + step 2's dh_prev and dc = step 2's "
            "dc_prev; each call must use its own cache. " + HINT_DC,
        )


# ---------------------------------------------------------------- errors


def _error_inputs():
    # N = I = 3: a 1-D x of length I then broadcasts against everything else without a NumPy error
    return _inputs(3, 3, 4, 90)


def test_value_errors(solution):
    """Shapes that do not fit exactly raise ValueError, also those NumPy would broadcast."""
    good = _error_inputs()
    cases = [
        ("x", np.zeros(3), "x must be (N, I) = (3, 3); a 1-D x would broadcast over the batch"),
        ("h_prev", np.zeros(4), "h_prev must be (N, H) = (3, 4), not (H,)"),
        ("h_prev", np.zeros((1, 4)), "h_prev must have x's batch size 3, not 1"),
        ("c_prev", np.zeros(4), "c_prev must have the shape of h_prev (3, 4), not (H,)"),
        ("c_prev", np.zeros((3, 1)), "c_prev must have the shape of h_prev (3, 4)"),
        ("w_ih", np.zeros((1, 3)), "w_ih must have 4H = 16 rows, not 1"),
        ("w_ih", np.zeros((12, 3)), "w_ih must have 4H = 16 rows"),
        ("w_hh", np.zeros((1, 4)), "w_hh must be (4H, H) = (16, 4), not (1, 4)"),
        ("w_hh", np.zeros((16, 3)), "w_hh must be (4H, H) = (16, 4)"),
        ("b_ih", np.zeros(1), "b_ih must have shape (4H,) = (16,), not (1,)"),
        ("b_hh", np.zeros((1, 16)), "b_hh must have shape (4H,) = (16,), not (1, 16)"),
        ("b_hh", np.zeros(12), "b_hh must have shape (4H,) = (16,)"),
    ]
    for name, bad, because in cases:
        expect_value_error(solution, FWD, *{**good, name: bad}.values(), because=because)


def test_backward_value_errors(solution):
    """Upstream gradients dh and dc that are not exactly (N, H) raise ValueError."""
    good = _error_inputs()
    result = solution.call(FWD, *good.values())
    if not isinstance(result, (tuple, list)) or len(result) != 3:
        fail(f"`{FWD}` must return (h, c, cache)", function=FWD)
    cache = result[-1]
    ok = np.ones((3, 4))
    cases = [
        (np.ones(4), ok, "dh must be (N, H) = (3, 4), not (H,)"),
        (ok, np.ones((1, 4)), "dc must be (N, H) = (3, 4), not (1, H)"),
        (ok, np.ones((3, 1)), "dc must be (N, H) = (3, 4), not (N, 1)"),
    ]
    for dh, dc, because in cases:
        expect_value_error(solution, BWD, dh, dc, cache, because=because)
