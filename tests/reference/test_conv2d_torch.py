"""The conv2d reference against torch.nn.functional.conv2d and torch autograd (float64)."""

from __future__ import annotations

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from tests.support import load_reference

ref = load_reference("conv2d")

# (N, C, H, W, C_out, KH, KW, stride, padding)
CASES = [
    (2, 3, 7, 6, 4, 3, 3, 1, 0),
    (2, 3, 7, 6, 4, 3, 3, 1, 1),
    (1, 2, 8, 5, 3, 3, 2, 2, 1),
    (2, 1, 6, 9, 2, 3, 3, (1, 2), (0, 1)),
    (3, 2, 9, 7, 1, 2, 3, (2, 1), (1, 0)),
    (1, 3, 6, 6, 2, 3, 3, 2, 0),  # the stride leaves the last row and column unused
    (2, 2, 5, 4, 3, 1, 1, 1, 0),
    (1, 1, 3, 4, 2, 5, 4, 1, (1, 0)),  # kernel exactly the padded input: a 1x1 output
    (2, 2, 2, 3, 2, 3, 3, 1, 1),  # kernel larger than the input but not the padded input
    (2, 2, 4, 5, 3, 2, 2, 1, 3),  # padding larger than the kernel
    (1, 2, 3, 4, 2, 2, 3, (3, 1), (2, 4)),  # padding larger than the kernel, pairs
    (2, 2, 9, 8, 3, 2, 2, 3, 0),  # stride larger than the kernel: gaps between windows
    (2, 1, 8, 7, 2, 2, 1, (3, 4), (1, 2)),
    (2, 2, 5, 4, 3, 1, 1, 2, 1),  # 1x1 kernel, strided and padded
    (1, 3, 6, 7, 2, 1, 1, (2, 3), (0, 2)),
    (2, 2, 8, 11, 2, 3, 3, 3, 1),  # the output size rounds down in both axes
]


def _torch_pair(v):
    return v if isinstance(v, tuple) else (v, v)


def _inputs(case, seed):
    n, c, h, w, c_out, kh, kw, _, _ = case
    rng = np.random.default_rng(seed)
    return (
        rng.standard_normal((n, c, h, w)),
        rng.standard_normal((c_out, c, kh, kw)),
        rng.standard_normal(c_out),
    )


@pytest.mark.parametrize(("seed", "case"), list(enumerate(CASES)))
def test_forward_and_backward_match_torch(seed, case):
    stride, padding = case[7], case[8]
    x, w, b = _inputs(case, seed=seed)
    out, cache = ref.conv2d_forward(x, w, b, stride=stride, padding=padding)

    xt, wt, bt = (torch.tensor(a, dtype=torch.float64, requires_grad=True) for a in (x, w, b))
    out_t = F.conv2d(xt, wt, bt, stride=_torch_pair(stride), padding=_torch_pair(padding))
    assert out.shape == tuple(out_t.shape)
    np.testing.assert_allclose(out, out_t.detach().numpy(), rtol=1e-12, atol=1e-12)

    dout = np.random.default_rng(1).standard_normal(out.shape)
    out_t.backward(torch.tensor(dout))
    dx, dw, db = ref.conv2d_backward(dout, cache)
    for got, tensor in ((dx, xt), (dw, wt), (db, bt)):
        assert got.shape == tuple(tensor.shape)
        np.testing.assert_allclose(got, tensor.grad.numpy(), rtol=1e-12, atol=1e-12)


def test_list_pairs_are_accepted():
    x, w, b = _inputs((1, 2, 5, 6, 2, 3, 3, 0, 0), seed=3)
    out_tuple, _ = ref.conv2d_forward(x, w, b, stride=(2, 1), padding=(1, 2))
    out_list, _ = ref.conv2d_forward(x, w, b, stride=[2, 1], padding=[1, 2])
    np.testing.assert_array_equal(out_tuple, out_list)


def test_inputs_are_not_modified():
    x, w, b = _inputs((2, 2, 5, 5, 3, 3, 3, 0, 0), seed=4)
    copies = [a.copy() for a in (x, w, b)]
    out, cache = ref.conv2d_forward(x, w, b, stride=2, padding=1)
    dout = np.ones_like(out)
    ref.conv2d_backward(dout, cache)
    for a, c in zip((x, w, b), copies, strict=True):
        np.testing.assert_array_equal(a, c)
    np.testing.assert_array_equal(dout, np.ones_like(out))


@pytest.mark.parametrize(
    ("x_shape", "w_shape", "kwargs"),
    [
        ((1, 3, 5, 5), (2, 2, 3, 3), {}),  # channel mismatch
        ((1, 3, 5, 5), (2, 1, 3, 3), {}),  # channel mismatch that would broadcast
        ((1, 1, 3, 3), (1, 1, 4, 3), {}),  # kernel taller than the input
        ((1, 1, 3, 3), (1, 1, 6, 3), {"padding": 1}),  # taller than the padded input
        ((1, 1, 4, 3), (1, 1, 3, 6), {"padding": (0, 1), "stride": 2}),
        ((1, 1, 4, 4), (1, 1, 3, 3), {"stride": 0}),
        ((1, 1, 4, 4), (1, 1, 3, 3), {"padding": -1}),
        ((1, 1, 4, 4), (1, 1, 3, 3), {"stride": (1, 2, 3)}),
        ((1, 1, 4, 4), (1, 1, 3, 3), {"stride": (1, -1)}),  # a negative stride
        ((1, 1, 4, 4), (1, 1, 3, 3), {"stride": -2}),
        ((1, 1, 4, 4), (1, 1, 3, 3), {"stride": 1.5}),  # not an int
        ((1, 1, 4, 4), (1, 1, 3, 3), {"padding": (1,)}),
        ((1, 4, 4), (1, 1, 3, 3), {}),  # x is not 4-D
        ((2, 1, 1, 4, 4), (1, 1, 3, 3), {}),
        ((1, 3, 4, 4), (1, 3, 3), {}),  # w is not 4-D
    ],
)
def test_value_errors(x_shape, w_shape, kwargs):
    x = np.zeros(x_shape)
    w = np.zeros(w_shape)
    with pytest.raises(ValueError):
        ref.conv2d_forward(x, w, np.zeros(w_shape[0]), **kwargs)


def test_torch_agrees_these_shapes_are_invalid():
    """The ValueError rules are PyTorch's own: it refuses the same inputs."""
    with pytest.raises(RuntimeError):
        F.conv2d(torch.zeros(1, 3, 5, 5), torch.zeros(2, 2, 3, 3))
    with pytest.raises(RuntimeError):
        F.conv2d(torch.zeros(1, 1, 3, 3), torch.zeros(1, 1, 6, 3), padding=1)


def test_bias_shape_mismatch_is_a_value_error():
    with pytest.raises(ValueError):
        ref.conv2d_forward(np.zeros((1, 1, 4, 4)), np.zeros((2, 1, 3, 3)), np.zeros(3))
    with pytest.raises(ValueError):  # one value for two filters: it would broadcast
        ref.conv2d_forward(np.zeros((1, 1, 4, 4)), np.zeros((2, 1, 3, 3)), np.zeros(1))
    with pytest.raises(RuntimeError):  # PyTorch refuses it too
        F.conv2d(torch.zeros(1, 1, 4, 4), torch.zeros(2, 1, 3, 3), torch.zeros(1))


def test_torch_refuses_negative_strides_and_oversized_kernels():
    with pytest.raises(RuntimeError):
        F.conv2d(torch.zeros(1, 1, 4, 4), torch.zeros(1, 1, 3, 3), stride=(1, -1))
    with pytest.raises(RuntimeError):
        F.conv2d(torch.zeros(1, 1, 3, 5), torch.zeros(1, 1, 4, 3))


def test_dout_of_the_wrong_shape_is_a_value_error():
    x, w, b = _inputs((2, 3, 5, 5, 2, 3, 3, 0, 0), seed=5)
    _, cache = ref.conv2d_forward(x, w, b, padding=1)
    with pytest.raises(ValueError):  # (2, 1, 5, 5) would broadcast against (2, 2, 5, 5)
        ref.conv2d_backward(np.ones((2, 1, 5, 5)), cache)
