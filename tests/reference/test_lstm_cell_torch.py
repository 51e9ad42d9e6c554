"""Cross-check reference/lstm_cell.py against torch.nn.LSTMCell with autograd."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from tests.support import load_reference

ref = load_reference("lstm_cell")

# (N, I, H): non-square weights, batch 1, I < H and I > H.
SIZES = [(3, 4, 5), (1, 2, 3), (4, 6, 2), (2, 1, 1), (5, 3, 3)]


def _inputs(n: int, i: int, h: int, seed: int, scale: float = 1.0) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)
    return {
        "x": rng.normal(size=(n, i)),
        "h_prev": rng.normal(size=(n, h)),
        "c_prev": rng.normal(size=(n, h)) * 2.0,
        "w_ih": rng.normal(size=(4 * h, i)) * scale,
        "w_hh": rng.normal(size=(4 * h, h)) * scale,
        "b_ih": rng.normal(size=4 * h) * scale,
        "b_hh": rng.normal(size=4 * h) * scale,
    }


def _torch_cell(a: dict[str, np.ndarray], dh: np.ndarray, dc: np.ndarray):
    i = a["x"].shape[1]
    h = a["h_prev"].shape[1]
    cell = torch.nn.LSTMCell(i, h).double()
    with torch.no_grad():
        cell.weight_ih.copy_(torch.tensor(a["w_ih"]))
        cell.weight_hh.copy_(torch.tensor(a["w_hh"]))
        cell.bias_ih.copy_(torch.tensor(a["b_ih"]))
        cell.bias_hh.copy_(torch.tensor(a["b_hh"]))
    x = torch.tensor(a["x"], requires_grad=True)
    h0 = torch.tensor(a["h_prev"], requires_grad=True)
    c0 = torch.tensor(a["c_prev"], requires_grad=True)
    h1, c1 = cell(x, (h0, c0))
    # dc is the gradient reaching c1 directly; autograd adds the path through h1 itself.
    torch.autograd.backward([h1, c1], [torch.tensor(dh), torch.tensor(dc)])
    values = (h1.detach().numpy(), c1.detach().numpy())
    grads = (
        x.grad.numpy(),
        h0.grad.numpy(),
        c0.grad.numpy(),
        cell.weight_ih.grad.numpy(),
        cell.weight_hh.grad.numpy(),
        cell.bias_ih.grad.numpy(),
        cell.bias_hh.grad.numpy(),
    )
    return values, grads


@pytest.mark.parametrize(("n", "i", "h"), SIZES)
@pytest.mark.parametrize("scale", [0.5, 3.0])
def test_forward_and_backward_match_lstmcell(n, i, h, scale):
    a = _inputs(n, i, h, seed=n * 100 + i * 10 + h, scale=scale)
    copies = {k: v.copy() for k, v in a.items()}
    rng = np.random.default_rng(0)
    dh, dc = rng.normal(size=(n, h)), rng.normal(size=(n, h))

    h1, c1, cache = ref.lstm_cell_forward(**a)
    grads = ref.lstm_cell_backward(dh, dc, cache)
    (want_h, want_c), want_grads = _torch_cell(a, dh, dc)

    np.testing.assert_allclose(h1, want_h, rtol=1e-10, atol=1e-13)
    np.testing.assert_allclose(c1, want_c, rtol=1e-10, atol=1e-13)
    assert len(grads) == 7
    for got, want in zip(grads, want_grads, strict=True):
        assert got.dtype == np.float64 and got.shape == want.shape
        np.testing.assert_allclose(got, want, rtol=1e-9, atol=1e-12)
    for k, v in a.items():
        np.testing.assert_array_equal(v, copies[k])


@pytest.mark.parametrize("which", ["h", "c"])
def test_single_upstream_path(which):
    """Only dh, or only dc, non-zero: each path alone matches torch."""
    a = _inputs(2, 3, 4, seed=11)
    rng = np.random.default_rng(1)
    dh = rng.normal(size=(2, 4)) if which == "h" else np.zeros((2, 4))
    dc = rng.normal(size=(2, 4)) if which == "c" else np.zeros((2, 4))
    _, _, cache = ref.lstm_cell_forward(**a)
    grads = ref.lstm_cell_backward(dh, dc, cache)
    _, want_grads = _torch_cell(a, dh, dc)
    for got, want in zip(grads, want_grads, strict=True):
        np.testing.assert_allclose(got, want, rtol=1e-9, atol=1e-12)


def test_saturated_gates_no_warnings():
    """Large pre-activations saturate the gates without overflow warnings."""
    a = _inputs(2, 3, 2, seed=4, scale=300.0)
    with np.errstate(all="raise", under="ignore"):
        h1, c1, _ = ref.lstm_cell_forward(**a)
    (want_h, want_c), _ = _torch_cell(a, np.zeros((2, 2)), np.zeros((2, 2)))
    np.testing.assert_allclose(h1, want_h, rtol=1e-10, atol=1e-13)
    np.testing.assert_allclose(c1, want_c, rtol=1e-10, atol=1e-13)


def test_two_steps_unrolled_match_torch():
    """Two steps with shared weights, backward in reverse order through the reference's own
    caches, equal autograd through two calls of nn.LSTMCell (gradient through both h and c)."""
    n, i, h = 3, 2, 4
    a = _inputs(n, i, h, seed=21)
    rng = np.random.default_rng(22)
    x2 = rng.normal(size=(n, i))
    dh1_loss, dh2, dc2 = (rng.normal(size=(n, h)) for _ in range(3))
    w = {k: a[k] for k in ("w_ih", "w_hh", "b_ih", "b_hh")}

    h1, c1, cache1 = ref.lstm_cell_forward(a["x"], a["h_prev"], a["c_prev"], **w)
    h2, c2, cache2 = ref.lstm_cell_forward(x2, h1, c1, **w)
    dx2, dh1, dc1, *wgrads2 = ref.lstm_cell_backward(dh2, dc2, cache2)
    dx1, dh0, dc0, *wgrads1 = ref.lstm_cell_backward(dh1_loss + dh1, dc1, cache1)

    cell = torch.nn.LSTMCell(i, h).double()
    with torch.no_grad():
        for name, param in (
            ("w_ih", cell.weight_ih),
            ("w_hh", cell.weight_hh),
            ("b_ih", cell.bias_ih),
            ("b_hh", cell.bias_hh),
        ):
            param.copy_(torch.tensor(w[name]))
    tx1, tx2, th0, tc0 = (
        torch.tensor(v, requires_grad=True) for v in (a["x"], x2, a["h_prev"], a["c_prev"])
    )
    th1, tc1 = cell(tx1, (th0, tc0))
    th2, tc2 = cell(tx2, (th1, tc1))
    loss = (th1 * torch.tensor(dh1_loss)).sum() + (th2 * torch.tensor(dh2)).sum()
    loss = loss + (tc2 * torch.tensor(dc2)).sum()
    loss.backward()

    np.testing.assert_allclose(h2, th2.detach().numpy(), rtol=1e-10, atol=1e-13)
    np.testing.assert_allclose(c2, tc2.detach().numpy(), rtol=1e-10, atol=1e-13)
    for got, t in ((dx1, tx1), (dx2, tx2), (dh0, th0), (dc0, tc0)):
        np.testing.assert_allclose(got, t.grad.numpy(), rtol=1e-9, atol=1e-12)
    params = (cell.weight_ih, cell.weight_hh, cell.bias_ih, cell.bias_hh)
    for g1, g2, param in zip(wgrads1, wgrads2, params, strict=True):
        np.testing.assert_allclose(g1 + g2, param.grad.numpy(), rtol=1e-9, atol=1e-12)


def test_shape_errors():
    a = _inputs(2, 3, 4, seed=0)
    bad = [
        ("w_ih", np.zeros((16, 2))),
        ("w_ih", np.zeros((12, 3))),
        ("w_ih", np.zeros((1, 3))),
        ("w_hh", np.zeros((16, 3))),
        ("w_hh", np.zeros((1, 4))),
        ("b_ih", np.zeros(15)),
        ("b_ih", np.zeros(1)),
        ("b_hh", np.zeros(12)),
        ("b_hh", np.zeros((1, 16))),
        ("c_prev", np.zeros((2, 3))),
        ("c_prev", np.zeros(4)),
        ("h_prev", np.zeros((3, 4))),
        ("h_prev", np.zeros((1, 4))),
        ("h_prev", np.zeros(4)),
        ("x", np.zeros(3)),
    ]
    for name, value in bad:
        with pytest.raises(ValueError):
            ref.lstm_cell_forward(**{**a, name: value})
    _, _, cache = ref.lstm_cell_forward(**a)
    for dh, dc in ((np.ones(4), np.ones((2, 4))), (np.ones((2, 4)), np.ones((1, 4)))):
        with pytest.raises(ValueError):
            ref.lstm_cell_backward(dh, dc, cache)
