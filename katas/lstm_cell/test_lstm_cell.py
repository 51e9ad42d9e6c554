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
    "z[:, H:2H] is f, z[:, 2H:3H] is g, z[:, 3H:4H] is o. Not i, f, o, g (many tutorials) nor "
    "Keras's i, c, f, o. g uses tanh, so it can be negative; the other three use a sigmoid."
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


# ---------------------------------------------------------------- errors


def test_value_errors(solution):
    """Shapes that do not fit together raise ValueError."""
    good = _inputs(2, 3, 4, 90)
    cases = [
        ("w_ih", np.zeros((16, 2)), "w_ih must be (4H, I) = (16, 3): its columns must match x"),
        ("w_ih", np.zeros((12, 3)), "w_ih must have 4H = 16 rows"),
        ("w_hh", np.zeros((16, 3)), "w_hh must be (4H, H) = (16, 4)"),
        ("b_ih", np.zeros(15), "b_ih must have shape (4H,) = (16,)"),
        ("b_hh", np.zeros(12), "b_hh must have shape (4H,) = (16,)"),
        ("c_prev", np.zeros((2, 3)), "c_prev must have the shape of h_prev (2, 4)"),
        ("h_prev", np.zeros((3, 4)), "h_prev must have x's batch size 2"),
    ]
    for name, bad, because in cases:
        expect_value_error(solution, FWD, *{**good, name: bad}.values(), because=because)
