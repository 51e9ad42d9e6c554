"""Cross-check reference/lstm.py against torch.nn.LSTM, its BPTT against autograd."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from tests.support import load_reference

ref = load_reference("lstm")

# (T, N, I, H): one step, batch 1, I < H and I > H, H = 1, a longer sequence.
SIZES = [(1, 3, 4, 5), (4, 1, 2, 3), (5, 4, 6, 2), (3, 2, 1, 1), (8, 3, 3, 3)]
NAMES = ("w_ih", "w_hh", "b_ih", "b_hh")


def _inputs(t: int, n: int, i: int, h: int, seed: int, scale: float = 1.0) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)
    return {
        "x": rng.normal(size=(t, n, i)),
        "h0": rng.normal(size=(n, h)),
        "c0": rng.normal(size=(n, h)) * 2.0,
        "w_ih": rng.normal(size=(4 * h, i)) * scale,
        "w_hh": rng.normal(size=(4 * h, h)) * scale,
        "b_ih": rng.normal(size=4 * h) * scale,
        "b_hh": rng.normal(size=4 * h) * scale,
    }


def _torch_lstm(a: dict[str, np.ndarray], dout, dh_n, dc_n):
    i, h = a["x"].shape[2], a["h0"].shape[1]
    lstm = torch.nn.LSTM(i, h, bias=True).double()
    params = (lstm.weight_ih_l0, lstm.weight_hh_l0, lstm.bias_ih_l0, lstm.bias_hh_l0)
    with torch.no_grad():
        for name, param in zip(NAMES, params, strict=True):
            param.copy_(torch.tensor(a[name]))
    x, h0, c0 = (torch.tensor(a[k], requires_grad=True) for k in ("x", "h0", "c0"))
    out, (h_n, c_n) = lstm(x, (h0[None], c0[None]))  # torch's states have a layer axis
    loss = (out * torch.tensor(dout)).sum() + (h_n[0] * torch.tensor(dh_n)).sum()
    loss = loss + (c_n[0] * torch.tensor(dc_n)).sum()
    loss.backward()
    values = tuple(v.detach().numpy() for v in (out, h_n[0], c_n[0]))
    grads = (x.grad.numpy(), h0.grad.numpy(), c0.grad.numpy(), *(p.grad.numpy() for p in params))
    return values, grads


def _compare(a, dout, dh_n, dc_n):
    copies = {k: v.copy() for k, v in a.items()}
    *values, cache = ref.lstm_forward(**a)
    grads = ref.lstm_backward(dout, dh_n, dc_n, cache)
    want_values, want_grads = _torch_lstm(a, dout, dh_n, dc_n)
    for got, want in zip(values, want_values, strict=True):
        np.testing.assert_allclose(got, want, rtol=1e-10, atol=1e-12)
    assert len(grads) == 7
    for got, want in zip(grads, want_grads, strict=True):
        assert got.dtype == np.float64 and got.shape == want.shape
        np.testing.assert_allclose(got, want, rtol=1e-9, atol=1e-10)
    for k, v in a.items():
        np.testing.assert_array_equal(v, copies[k])


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("scale", [0.5, 2.0])
def test_forward_and_bptt_match_nn_lstm(size, scale):
    t, n, _, h = size
    a = _inputs(*size, seed=sum(size) * 11, scale=scale)
    rng = np.random.default_rng(1)
    _compare(a, rng.normal(size=(t, n, h)), rng.normal(size=(n, h)), rng.normal(size=(n, h)))


@pytest.mark.parametrize("which", ["last_step", "h_n", "c_n"])
def test_single_upstream_paths(which):
    """One upstream gradient at a time: dout at the last step only, dh_n only, dc_n only."""
    t, n, h = 5, 2, 3
    a = _inputs(t, n, 4, h, seed=3)
    rng = np.random.default_rng(2)
    dout, dh_n, dc_n = np.zeros((t, n, h)), np.zeros((n, h)), np.zeros((n, h))
    if which == "last_step":
        dout[-1] = rng.normal(size=(n, h))
    elif which == "h_n":
        dh_n = rng.normal(size=(n, h))
    else:
        dc_n = rng.normal(size=(n, h))
    _compare(a, dout, dh_n, dc_n)


def test_each_step_is_lstm_cell():
    """The reference's steps equal torch.nn.LSTMCell applied in a loop."""
    a = _inputs(4, 2, 3, 3, seed=8)
    out, _, c_n, _ = ref.lstm_forward(**a)
    cell = torch.nn.LSTMCell(3, 3).double()
    with torch.no_grad():
        for name, param in zip(NAMES, (cell.weight_ih, cell.weight_hh, cell.bias_ih, cell.bias_hh)):
            param.copy_(torch.tensor(a[name]))
        h, c = torch.tensor(a["h0"]), torch.tensor(a["c0"])
        for t in range(4):
            h, c = cell(torch.tensor(a["x"][t]), (h, c))
            np.testing.assert_allclose(out[t], h.numpy(), rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(c_n, c.numpy(), rtol=1e-10, atol=1e-12)


def test_large_inputs_no_warnings():
    a = _inputs(4, 2, 3, 3, seed=9)
    a["x"] = a["x"] * 1e4
    rng = np.random.default_rng(7)
    dout, dh_n, dc_n = rng.normal(size=(4, 2, 3)), rng.normal(size=(2, 3)), rng.normal(size=(2, 3))
    with np.errstate(all="raise", under="ignore"):
        *_, cache = ref.lstm_forward(**a)
        ref.lstm_backward(dout, dh_n, dc_n, cache)
    _compare(a, dout, dh_n, dc_n)


def test_errors():
    a = _inputs(3, 2, 4, 3, seed=0)
    bad_inputs = [
        ("x", np.zeros((2, 4))),
        ("h0", np.zeros(3)),
        ("h0", np.zeros((1, 3))),
        ("c0", np.zeros(3)),
        ("c0", np.zeros((2, 1))),
        ("w_ih", np.zeros((3, 4))),
        ("w_ih", np.zeros((1, 4))),
        ("w_hh", np.zeros((12, 4))),
        ("w_hh", np.zeros((1, 3))),
        ("b_ih", np.zeros(1)),
        ("b_hh", np.zeros((1, 12))),
    ]
    for name, value in bad_inputs:
        with pytest.raises(ValueError):
            ref.lstm_forward(**{**a, name: value})
    *_, cache = ref.lstm_forward(**a)
    ok = np.ones((2, 3))
    for dout, dh_n, dc_n in (
        (np.ones((3, 1, 3)), ok, ok),
        (np.ones((3, 2, 3)), np.ones(3), ok),
        (np.ones((3, 2, 3)), ok, np.ones((1, 3))),
    ):
        with pytest.raises(ValueError):
            ref.lstm_backward(dout, dh_n, dc_n, cache)
