"""Cross-check reference/gru_cell.py against torch.nn.GRUCell with autograd."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from tests.support import load_reference

ref = load_reference("gru_cell")

# (N, I, H): non-square weights, batch 1, I < H and I > H, H = 1.
SIZES = [(3, 4, 5), (1, 2, 3), (4, 6, 2), (2, 1, 1), (5, 3, 3)]
GRADS = ("dx", "dh_prev", "dw_ih", "dw_hh", "db_ih", "db_hh")


def _inputs(n: int, i: int, h: int, seed: int, scale: float = 1.0) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)
    return {
        "x": rng.normal(size=(n, i)),
        "h_prev": rng.normal(size=(n, h)),
        "w_ih": rng.normal(size=(3 * h, i)) * scale,
        "w_hh": rng.normal(size=(3 * h, h)) * scale,
        "b_ih": rng.normal(size=3 * h) * scale,
        "b_hh": rng.normal(size=3 * h) * scale,
    }


def _torch_cell(i: int, h: int, w: dict[str, np.ndarray]) -> torch.nn.GRUCell:
    cell = torch.nn.GRUCell(i, h, bias=True).double()
    with torch.no_grad():
        cell.weight_ih.copy_(torch.tensor(w["w_ih"]))
        cell.weight_hh.copy_(torch.tensor(w["w_hh"]))
        cell.bias_ih.copy_(torch.tensor(w["b_ih"]))
        cell.bias_hh.copy_(torch.tensor(w["b_hh"]))
    return cell


def _torch_step(a: dict[str, np.ndarray], dh: np.ndarray):
    cell = _torch_cell(a["x"].shape[1], a["h_prev"].shape[1], a)
    x = torch.tensor(a["x"], requires_grad=True)
    h0 = torch.tensor(a["h_prev"], requires_grad=True)
    h1 = cell(x, h0)
    h1.backward(torch.tensor(dh))
    grads = (
        x.grad.numpy(),
        h0.grad.numpy(),
        cell.weight_ih.grad.numpy(),
        cell.weight_hh.grad.numpy(),
        cell.bias_ih.grad.numpy(),
        cell.bias_hh.grad.numpy(),
    )
    return h1.detach().numpy(), grads


@pytest.mark.parametrize(("n", "i", "h"), SIZES)
@pytest.mark.parametrize("scale", [0.5, 3.0])
def test_forward_and_backward_match_grucell(n, i, h, scale):
    a = _inputs(n, i, h, seed=n * 100 + i * 10 + h, scale=scale)
    copies = {k: v.copy() for k, v in a.items()}
    dh = np.random.default_rng(0).normal(size=(n, h))

    h1, cache = ref.gru_cell_forward(**a)
    grads = ref.gru_cell_backward(dh, cache)
    want_h, want_grads = _torch_step(a, dh)

    assert h1.dtype == np.float64
    np.testing.assert_allclose(h1, want_h, rtol=1e-10, atol=1e-13)
    assert len(grads) == len(GRADS)
    for name, got, want in zip(GRADS, grads, want_grads, strict=True):
        assert got.dtype == np.float64 and got.shape == want.shape, name
        np.testing.assert_allclose(got, want, rtol=1e-9, atol=1e-12, err_msg=name)
    for k, v in a.items():
        np.testing.assert_array_equal(v, copies[k])


def test_reset_gate_scales_the_hidden_bias():
    """PyTorch's n = tanh(gi_n + r * (h_prev @ W_hn.T + b_hn)): with only b_hn non-zero in the
    n block and r = sigmoid(0) = 1/2, n is tanh(b_hn / 2), not tanh(b_hn)."""
    n, i, h = 2, 3, 2
    a = {
        "x": np.ones((n, i)),
        "h_prev": np.zeros((n, h)),
        "w_ih": np.zeros((3 * h, i)),
        "w_hh": np.zeros((3 * h, h)),
        "b_ih": np.zeros(3 * h),
        "b_hh": np.r_[np.zeros(2 * h), np.full(h, 2.0)],
    }
    h1, _ = ref.gru_cell_forward(**a)
    want_h, _ = _torch_step(a, np.ones((n, h)))
    np.testing.assert_allclose(h1, want_h, rtol=1e-12)
    np.testing.assert_allclose(h1, np.full((n, h), 0.5 * np.tanh(1.0)), rtol=1e-12)


@pytest.mark.parametrize("which", ["b_hh", "b_ih"])
def test_each_bias_alone(which):
    a = _inputs(3, 2, 4, seed=5)
    a["b_ih" if which == "b_hh" else "b_hh"] = np.zeros(12)
    dh = np.random.default_rng(6).normal(size=(3, 4))
    h1, cache = ref.gru_cell_forward(**a)
    grads = ref.gru_cell_backward(dh, cache)
    want_h, want_grads = _torch_step(a, dh)
    np.testing.assert_allclose(h1, want_h, rtol=1e-10, atol=1e-13)
    for got, want in zip(grads, want_grads, strict=True):
        np.testing.assert_allclose(got, want, rtol=1e-9, atol=1e-12)


def test_large_inputs_no_warnings():
    """Inputs of magnitude 1e4 saturate the gates without overflow or NaN warnings."""
    rng = np.random.default_rng(7)
    a = _inputs(3, 4, 3, seed=8)
    a["x"] = rng.uniform(-1e4, 1e4, size=(3, 4))
    a["h_prev"] = rng.uniform(-1e4, 1e4, size=(3, 3))
    dh = rng.normal(size=(3, 3))
    with np.errstate(all="raise", under="ignore"):
        h1, cache = ref.gru_cell_forward(**a)
        grads = ref.gru_cell_backward(dh, cache)
    want_h, want_grads = _torch_step(a, dh)
    np.testing.assert_allclose(h1, want_h, rtol=1e-10, atol=1e-9)
    for got, want in zip(grads, want_grads, strict=True):
        scale = max(1.0, float(np.abs(want).max()))
        np.testing.assert_allclose(got, want, rtol=1e-9, atol=1e-12 * scale)


def test_two_steps_unrolled_match_torch():
    """Two steps with shared weights, backward in reverse order through the reference's own
    caches, equal autograd through two calls of nn.GRUCell."""
    n, i, h = 3, 2, 4
    a = _inputs(n, i, h, seed=21)
    rng = np.random.default_rng(22)
    x2 = rng.normal(size=(n, i))
    dh1_loss, dh2 = rng.normal(size=(n, h)), rng.normal(size=(n, h))
    w = {k: a[k] for k in ("w_ih", "w_hh", "b_ih", "b_hh")}

    h1, cache1 = ref.gru_cell_forward(a["x"], a["h_prev"], **w)
    h2, cache2 = ref.gru_cell_forward(x2, h1, **w)
    dx2, dh1, *wgrads2 = ref.gru_cell_backward(dh2, cache2)
    dx1, dh0, *wgrads1 = ref.gru_cell_backward(dh1_loss + dh1, cache1)

    cell = _torch_cell(i, h, w)
    tx1, tx2, th0 = (torch.tensor(v, requires_grad=True) for v in (a["x"], x2, a["h_prev"]))
    th1 = cell(tx1, th0)
    th2 = cell(tx2, th1)
    loss = (th1 * torch.tensor(dh1_loss)).sum() + (th2 * torch.tensor(dh2)).sum()
    loss.backward()

    np.testing.assert_allclose(h2, th2.detach().numpy(), rtol=1e-10, atol=1e-13)
    for got, t in ((dx1, tx1), (dx2, tx2), (dh0, th0)):
        np.testing.assert_allclose(got, t.grad.numpy(), rtol=1e-9, atol=1e-12)
    params = (cell.weight_ih, cell.weight_hh, cell.bias_ih, cell.bias_hh)
    for g1, g2, param in zip(wgrads1, wgrads2, params, strict=True):
        np.testing.assert_allclose(g1 + g2, param.grad.numpy(), rtol=1e-9, atol=1e-12)


def test_shape_errors():
    a = _inputs(2, 3, 4, seed=0)
    bad = [
        ("x", np.zeros(3)),
        ("x", np.zeros((2, 3, 1))),
        ("h_prev", np.zeros(4)),
        ("h_prev", np.zeros((1, 4))),
        ("h_prev", np.zeros((3, 4))),
        ("w_ih", np.zeros((12, 2))),
        ("w_ih", np.zeros((16, 3))),
        ("w_ih", np.zeros((1, 3))),
        ("w_hh", np.zeros((12, 3))),
        ("w_hh", np.zeros((1, 4))),
        ("b_ih", np.zeros(11)),
        ("b_ih", np.zeros(1)),
        ("b_hh", np.zeros((1, 12))),
        ("b_hh", np.zeros(16)),
    ]
    for name, value in bad:
        with pytest.raises(ValueError):
            ref.gru_cell_forward(**{**a, name: value})
    _, cache = ref.gru_cell_forward(**a)
    for dh in (np.ones(4), np.ones((1, 4)), np.ones((2, 1))):
        with pytest.raises(ValueError):
            ref.gru_cell_backward(dh, cache)
