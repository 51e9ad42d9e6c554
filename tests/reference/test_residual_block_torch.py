"""The residual_block reference against a torch graph of the same block, with autograd."""

from __future__ import annotations

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from tests.support import load_reference

ref = load_reference("residual_block")


def _torch_block(x, w1, b1, w2, b2):
    h = F.relu(F.conv2d(x, w1, b1, padding=1))
    return F.relu(F.conv2d(h, w2, b2, padding=1) + x)


def _check_against_torch(args, dout):
    copies = [a.copy() for a in args]
    out, cache = ref.residual_block_forward(*args)
    grads = ref.residual_block_backward(dout, cache)

    t = [torch.tensor(a, dtype=torch.float64, requires_grad=True) for a in args]
    out_t = _torch_block(*t)
    out_t.backward(torch.tensor(dout))
    assert out.shape == tuple(out_t.shape) == args[0].shape
    np.testing.assert_allclose(out, out_t.detach().numpy(), rtol=1e-12, atol=1e-12)
    assert len(grads) == 5
    for got, tensor in zip(grads, t, strict=True):
        assert got.shape == tuple(tensor.shape)
        np.testing.assert_allclose(got, tensor.grad.numpy(), rtol=1e-12, atol=1e-12)
    for a, copy in zip(args, copies, strict=True):
        np.testing.assert_array_equal(a, copy)


@pytest.mark.parametrize(
    ("seed", "shape"),
    list(enumerate([(2, 3, 5, 4), (1, 2, 6, 7), (3, 1, 4, 4), (1, 4, 3, 5), (2, 2, 1, 1)])),
)
def test_forward_and_backward_match_torch(seed, shape):
    rng = np.random.default_rng(seed)
    c = shape[1]
    args = [
        rng.standard_normal(shape),
        rng.standard_normal((c, c, 3, 3)) * 0.5,
        rng.standard_normal(c) * 0.5,
        rng.standard_normal((c, c, 3, 3)) * 0.5,
        rng.standard_normal(c) * 0.5,
    ]
    _check_against_torch(args, rng.standard_normal(shape))


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_integer_inputs_with_exact_zeros_match_torch(seed):
    """Integer-valued data makes both ReLUs meet exact zeros; torch sends 0 gradient there."""
    rng = np.random.default_rng(100 + seed)
    shape = (2, 2, 4, 5)
    sparse = np.array([-1.0, 0.0, 0.0, 1.0])
    args = [
        rng.integers(-2, 3, shape).astype(float),
        rng.choice(sparse, (2, 2, 3, 3)),
        rng.choice(sparse, 2),
        rng.choice(sparse, (2, 2, 3, 3)),
        rng.choice(sparse, 2),
    ]
    _, cache = ref.residual_block_forward(*args)
    z1, s = cache[3], cache[5]
    assert np.any(s == 0) and np.any(z1 == 0)  # the ties this test is about
    _check_against_torch(args, rng.integers(-3, 4, shape).astype(float))


@pytest.mark.parametrize(
    "shapes",
    [
        ((1, 3, 4, 4), (3, 2, 3, 3), (3,), (3, 3, 3, 3), (3,)),  # w1 C_in != C
        ((1, 3, 4, 4), (2, 3, 3, 3), (2,), (3, 2, 3, 3), (3,)),  # bottleneck, not this block
        ((1, 3, 4, 4), (3, 3, 3, 3), (3,), (1, 3, 3, 3), (1,)),  # would broadcast on the skip
        ((1, 3, 4, 4), (3, 3, 5, 5), (3,), (3, 3, 3, 3), (3,)),  # not 3x3
        ((1, 3, 4, 4), (3, 3, 3, 3), (2,), (3, 3, 3, 3), (3,)),  # b1
        ((3, 4, 4), (3, 3, 3, 3), (3,), (3, 3, 3, 3), (3,)),  # x not 4-D
        ((1, 3, 4, 4), (3, 3, 1, 1), (3,), (3, 3, 3, 3), (3,)),  # 1x1: einsum would broadcast
        ((1, 3, 4, 4), (3, 1, 3, 3), (3,), (3, 3, 3, 3), (3,)),  # C_in 1: would broadcast
        ((1, 3, 4, 4), (3, 3, 3, 3), (3,), (1, 3, 3, 3), (3,)),  # C_out 1, bias (C,)
        ((1, 3, 4, 4), (3, 3, 3, 3), (1,), (3, 3, 3, 3), (3,)),  # b1 (1,) would broadcast
        ((1, 3, 4, 4), (3, 3, 3, 3), (3,), (3, 3, 3, 3), (1,)),  # b2 (1,) would broadcast
    ],
)
def test_value_errors(shapes):
    args = [np.zeros(s) for s in shapes]
    with pytest.raises(ValueError):
        ref.residual_block_forward(*args)


def test_dout_of_the_wrong_shape_is_a_value_error():
    rng = np.random.default_rng(7)
    args = [rng.standard_normal(s) for s in ((2, 3, 4, 4), (3, 3, 3, 3), (3,), (3, 3, 3, 3), (3,))]
    _, cache = ref.residual_block_forward(*args)
    with pytest.raises(ValueError):  # (2, 1, 4, 4) would broadcast against (2, 3, 4, 4)
        ref.residual_block_backward(np.ones((2, 1, 4, 4)), cache)
