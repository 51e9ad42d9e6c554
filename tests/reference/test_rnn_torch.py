"""Cross-check reference/rnn.py against torch.nn.RNN, back-propagation through time by autograd."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from tests.support import load_reference

ref = load_reference("rnn")

# (T, N, I, H): one step, batch 1, I < H and I > H, H = 1.
SIZES = [(1, 3, 4, 5), (4, 1, 2, 3), (5, 4, 6, 2), (3, 2, 1, 1), (6, 3, 3, 3)]


def _inputs(t: int, n: int, i: int, h: int, seed: int, scale: float = 1.0) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)
    return {
        "x": rng.normal(size=(t, n, i)),
        "h0": rng.normal(size=(n, h)),
        "w_ih": rng.normal(size=(h, i)) * scale,
        "w_hh": rng.normal(size=(h, h)) * scale / np.sqrt(h),
        "b_ih": rng.normal(size=h) * scale,
        "b_hh": rng.normal(size=h) * scale,
    }


def _torch_rnn(a: dict[str, np.ndarray], dout: np.ndarray, dh_n: np.ndarray, nonlinearity: str):
    i, h = a["x"].shape[2], a["h0"].shape[1]
    rnn = torch.nn.RNN(i, h, nonlinearity=nonlinearity, bias=True).double()
    params = (rnn.weight_ih_l0, rnn.weight_hh_l0, rnn.bias_ih_l0, rnn.bias_hh_l0)
    with torch.no_grad():
        for name, param in zip(("w_ih", "w_hh", "b_ih", "b_hh"), params, strict=True):
            param.copy_(torch.tensor(a[name]))
    x = torch.tensor(a["x"], requires_grad=True)
    h0 = torch.tensor(a["h0"], requires_grad=True)
    out, h_n = rnn(x, h0[None])  # torch's h0 has a leading layer axis
    loss = (out * torch.tensor(dout)).sum() + (h_n[0] * torch.tensor(dh_n)).sum()
    loss.backward()
    values = (out.detach().numpy(), h_n[0].detach().numpy())
    grads = (x.grad.numpy(), h0.grad.numpy(), *(p.grad.numpy() for p in params))
    return values, grads


def _compare(a, dout, dh_n, nonlinearity):
    copies = {k: v.copy() for k, v in a.items()}
    out, h_n, cache = ref.rnn_forward(**a, nonlinearity=nonlinearity)
    grads = ref.rnn_backward(dout, dh_n, cache)
    (want_out, want_h_n), want_grads = _torch_rnn(a, dout, dh_n, nonlinearity)
    np.testing.assert_allclose(out, want_out, rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(h_n, want_h_n, rtol=1e-10, atol=1e-12)
    assert len(grads) == 6
    for got, want in zip(grads, want_grads, strict=True):
        assert got.dtype == np.float64 and got.shape == want.shape
        np.testing.assert_allclose(got, want, rtol=1e-9, atol=1e-10)
    for k, v in a.items():
        np.testing.assert_array_equal(v, copies[k])


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("nonlinearity", ["tanh", "relu"])
def test_forward_and_bptt_match_nn_rnn(size, nonlinearity):
    t, n, _, h = size
    a = _inputs(*size, seed=sum(size) * 7)
    rng = np.random.default_rng(1)
    _compare(a, rng.normal(size=(t, n, h)), rng.normal(size=(n, h)), nonlinearity)


@pytest.mark.parametrize("nonlinearity", ["tanh", "relu"])
@pytest.mark.parametrize("which", ["last_step", "final_state", "both"])
def test_single_upstream_paths(nonlinearity, which):
    """dout zero except at the last step, or zero with only dh_n: BPTT still reaches step 1."""
    t, n, h = 5, 2, 3
    a = _inputs(t, n, 4, h, seed=3)
    rng = np.random.default_rng(2)
    dout = np.zeros((t, n, h))
    if which != "final_state":
        dout[-1] = rng.normal(size=(n, h))
    dh_n = rng.normal(size=(n, h)) if which != "last_step" else np.zeros((n, h))
    _compare(a, dout, dh_n, nonlinearity)


def test_relu_exact_zero_pre_activation_has_zero_derivative():
    """Units whose pre-activation is exactly 0 at every step: torch's relu passes no gradient."""
    t, n, i, h = 3, 2, 2, 3
    a = _inputs(t, n, i, h, seed=5)
    a["w_ih"][1] = 0.0
    a["w_hh"][1] = 0.0
    a["b_hh"][1] = -a["b_ih"][1]
    out, _, _ = ref.rnn_forward(**a, nonlinearity="relu")
    assert np.all(out[:, :, 1] == 0.0)
    rng = np.random.default_rng(6)
    _compare(a, rng.normal(size=(t, n, h)), rng.normal(size=(n, h)), "relu")


@pytest.mark.parametrize("nonlinearity", ["tanh", "relu"])
def test_large_inputs_no_warnings(nonlinearity):
    a = _inputs(4, 2, 3, 3, seed=9)
    a["x"] = a["x"] * 1e4
    rng = np.random.default_rng(7)
    dout, dh_n = rng.normal(size=(4, 2, 3)), rng.normal(size=(2, 3))
    with np.errstate(all="raise", under="ignore"):
        _, _, cache = ref.rnn_forward(**a, nonlinearity=nonlinearity)
        ref.rnn_backward(dout, dh_n, cache)
    _compare(a, dout, dh_n, nonlinearity)


def test_errors():
    a = _inputs(3, 2, 4, 3, seed=0)
    for bad in ("Tanh", "sigmoid", "RELU", " tanh", None):
        with pytest.raises(ValueError):
            ref.rnn_forward(**a, nonlinearity=bad)
    bad_inputs = [
        ("x", np.zeros((2, 4))),
        ("h0", np.zeros(3)),
        ("h0", np.zeros((1, 3))),
        ("w_ih", np.zeros((3, 3))),
        ("w_ih", np.zeros((1, 4))),
        ("w_hh", np.zeros((3, 1))),
        ("b_ih", np.zeros(1)),
        ("b_hh", np.zeros((1, 3))),
    ]
    for name, value in bad_inputs:
        with pytest.raises(ValueError):
            ref.rnn_forward(**{**a, name: value})
    _, _, cache = ref.rnn_forward(**a)
    with pytest.raises(ValueError):
        ref.rnn_backward(np.ones((1, 2, 3)), np.ones((2, 3)), cache)
    with pytest.raises(ValueError):
        ref.rnn_backward(np.ones((3, 2, 3)), np.ones(3), cache)
