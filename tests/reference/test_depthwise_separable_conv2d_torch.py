"""The depthwise_separable_conv2d reference against torch.nn.functional.conv2d (groups=C)."""

from __future__ import annotations

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from tests.support import load_reference

ref = load_reference("depthwise_separable_conv2d")

# (N, C, H, W, C_out, KH, KW, stride, padding)
CASES = [
    (2, 3, 7, 6, 4, 3, 3, 1, 0),
    (2, 3, 7, 6, 5, 3, 3, 1, 1),
    (1, 2, 8, 5, 3, 3, 2, 2, 1),
    (2, 4, 6, 9, 2, 3, 3, (1, 2), (0, 1)),
    (3, 2, 9, 7, 1, 2, 3, (2, 1), (1, 0)),
    (1, 3, 6, 6, 3, 3, 3, 2, 0),
    (2, 1, 5, 4, 3, 1, 1, 1, 0),
    (1, 2, 2, 3, 2, 3, 3, 1, 1),
    (2, 2, 4, 5, 3, 2, 2, 1, 3),  # padding larger than the kernel
    (1, 3, 5, 4, 2, 1, 1, 2, (2, 1)),  # 1x1 depthwise kernel, strided and padded
    (2, 2, 9, 8, 3, 2, 2, 3, 0),  # stride larger than the kernel
    (1, 3, 8, 7, 2, 2, 1, (3, 4), (1, 2)),
]


def _torch_pair(v):
    return v if isinstance(v, tuple) else (v, v)


@pytest.mark.parametrize(("seed", "case"), list(enumerate(CASES)))
def test_matches_torch_grouped_then_pointwise(seed, case):
    n, c, h, w, c_out, kh, kw, stride, padding = case
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((n, c, h, w))
    wd = rng.standard_normal((c, 1, kh, kw))
    bd = rng.standard_normal(c)
    wp = rng.standard_normal((c_out, c, 1, 1))
    bp = rng.standard_normal(c_out)
    copies = [a.copy() for a in (x, wd, bd, wp, bp)]

    out = ref.depthwise_separable_conv2d(x, wd, bd, wp, bp, stride=stride, padding=padding)

    t = [torch.tensor(a, dtype=torch.float64, requires_grad=True) for a in (x, wd, bd, wp, bp)]
    depth = F.conv2d(
        t[0], t[1], t[2], stride=_torch_pair(stride), padding=_torch_pair(padding), groups=c
    )
    out_t = F.conv2d(depth, t[3], t[4])
    assert out.shape == tuple(out_t.shape)
    assert out.dtype == np.float64
    np.testing.assert_allclose(out, out_t.detach().numpy(), rtol=1e-12, atol=1e-12)
    for a, copy in zip((x, wd, bd, wp, bp), copies, strict=True):
        np.testing.assert_array_equal(a, copy)


def test_autograd_through_torch_matches_a_finite_difference_of_the_reference():
    """The reference is smooth in every argument the way the torch graph is (a linear map)."""
    rng = np.random.default_rng(11)
    args = [
        rng.standard_normal((2, 3, 5, 4)),
        rng.standard_normal((3, 1, 3, 3)),
        rng.standard_normal(3),
        rng.standard_normal((2, 3, 1, 1)),
        rng.standard_normal(2),
    ]
    kwargs = {"stride": (2, 1), "padding": 1}
    dout = rng.standard_normal(ref.depthwise_separable_conv2d(*args, **kwargs).shape)
    t = [torch.tensor(a, requires_grad=True) for a in args]
    depth = F.conv2d(t[0], t[1], t[2], stride=(2, 1), padding=1, groups=3)
    (F.conv2d(depth, t[3], t[4]) * torch.tensor(dout)).sum().backward()
    eps = 1e-6
    for i, a in enumerate(args):
        flat = a.reshape(-1)
        for k in rng.choice(flat.size, size=min(5, flat.size), replace=False):
            plus, minus = [x.copy() for x in args], [x.copy() for x in args]
            plus[i].reshape(-1)[k] += eps
            minus[i].reshape(-1)[k] -= eps
            numeric = (
                np.sum(ref.depthwise_separable_conv2d(*plus, **kwargs) * dout)
                - np.sum(ref.depthwise_separable_conv2d(*minus, **kwargs) * dout)
            ) / (2 * eps)
            assert numeric == pytest.approx(t[i].grad.numpy().reshape(-1)[k], rel=1e-6, abs=1e-7)


@pytest.mark.parametrize(
    ("shapes", "kwargs"),
    [
        (((1, 3, 5, 5), (2, 1, 3, 3), (2,), (4, 2, 1, 1), (4,)), {}),  # depthwise C mismatch
        (((1, 3, 5, 5), (1, 1, 3, 3), (1,), (4, 1, 1, 1), (4,)), {}),  # would broadcast
        (((1, 3, 5, 5), (3, 2, 3, 3), (3,), (4, 3, 1, 1), (4,)), {}),  # not one filter/channel
        (((1, 3, 5, 5), (3, 1, 3, 3), (3,), (4, 2, 1, 1), (4,)), {}),  # pointwise C_in
        (((1, 3, 5, 5), (3, 1, 3, 3), (3,), (4, 3, 3, 3), (4,)), {}),  # pointwise not 1x1
        (((1, 3, 5, 5), (3, 1, 3, 3), (2,), (4, 3, 1, 1), (4,)), {}),  # b_depthwise
        (((1, 3, 5, 5), (3, 1, 3, 3), (3,), (4, 3, 1, 1), (3,)), {}),  # b_pointwise
        (((1, 2, 3, 3), (2, 1, 4, 3), (2,), (1, 2, 1, 1), (1,)), {}),  # kernel too large
        (((1, 2, 3, 3), (2, 1, 3, 6), (2,), (1, 2, 1, 1), (1,)), {"padding": 1}),
        (((1, 2, 3, 3), (2, 1, 3, 3), (2,), (1, 2, 1, 1), (1,)), {"stride": 0}),
        (((1, 3, 5, 5), (1, 1, 3, 3), (3,), (4, 3, 1, 1), (4,)), {}),  # w_d broadcasts, b_d fine
        (((1, 3, 5, 5), (3, 3, 3, 3), (3,), (4, 3, 1, 1), (4,)), {}),  # a full kernel
        (((1, 3, 5, 5), (3, 1, 3, 3), (3,), (4, 1, 1, 1), (4,)), {}),  # w_p broadcasts
        (((1, 3, 5, 5), (3, 1, 3, 3), (1,), (4, 3, 1, 1), (4,)), {}),  # b_d broadcasts
        (((1, 3, 5, 5), (3, 1, 3, 3), (3,), (4, 3, 1, 1), (1,)), {}),  # b_p broadcasts
        (((3, 5, 5), (3, 1, 3, 3), (3,), (4, 3, 1, 1), (4,)), {}),  # x not 4-D
        (((1, 2, 5, 5), (2, 1, 3, 3), (2,), (1, 2, 1, 1), (1,)), {"stride": (1, -1)}),
        (((1, 2, 5, 5), (2, 1, 3, 3), (2,), (1, 2, 1, 1), (1,)), {"stride": 1.5}),
        (((1, 2, 5, 5), (2, 1, 3, 3), (2,), (1, 2, 1, 1), (1,)), {"padding": (0, -1)}),
    ],
)
def test_value_errors(shapes, kwargs):
    args = [np.zeros(s) for s in shapes]
    with pytest.raises(ValueError):
        ref.depthwise_separable_conv2d(*args, **kwargs)
