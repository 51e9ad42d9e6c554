"""Cross-check of reference/linear.py against torch.nn.functional.linear and autograd."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from tests.support import load_reference

ref = load_reference("linear")

# (N, in, out), in_features = 1 and out_features = 1 included
SHAPES = [(1, 3, 2), (4, 3, 5), (5, 6, 6), (7, 2, 1), (2, 9, 4), (3, 1, 4), (2, 1, 1)]


def _torch_linear(x: np.ndarray, w: np.ndarray, b: np.ndarray, dout: np.ndarray):
    xt = torch.tensor(x, dtype=torch.float64, requires_grad=True)
    wt = torch.tensor(w, dtype=torch.float64, requires_grad=True)
    bt = torch.tensor(b, dtype=torch.float64, requires_grad=True)
    out = torch.nn.functional.linear(xt, wt, bt)
    out.backward(torch.tensor(dout, dtype=torch.float64))
    return out.detach().numpy(), xt.grad.numpy(), wt.grad.numpy(), bt.grad.numpy()


@pytest.mark.parametrize(("n", "d_in", "d_out"), SHAPES)
def test_forward_and_backward_match_torch(n: int, d_in: int, d_out: int) -> None:
    rng = np.random.default_rng(100 * n + 10 * d_in + d_out)
    x = rng.standard_normal((n, d_in))
    w = rng.standard_normal((d_out, d_in))
    b = rng.standard_normal(d_out)
    dout = rng.standard_normal((n, d_out))
    copies = [a.copy() for a in (x, w, b, dout)]

    out, cache = ref.linear_forward(x, w, b)
    dx, dw, db = ref.linear_backward(dout, cache)
    t_out, t_dx, t_dw, t_db = _torch_linear(x, w, b, dout)

    np.testing.assert_allclose(out, t_out, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(dx, t_dx, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(dw, t_dw, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(db, t_db, rtol=1e-12, atol=1e-12)
    assert out.dtype == dx.dtype == dw.dtype == db.dtype == np.float64
    assert dx.shape == x.shape and dw.shape == w.shape and db.shape == b.shape
    for original, now in zip(copies, (x, w, b, dout), strict=True):
        np.testing.assert_array_equal(original, now)


def test_shape_mismatches_raise_value_error() -> None:
    x = np.ones((3, 4))
    w = np.ones((2, 4))
    b = np.ones(2)
    with pytest.raises(ValueError):
        ref.linear_forward(np.ones((3, 5)), w, b)
    with pytest.raises(ValueError):
        ref.linear_forward(x, w, np.ones(1))
    with pytest.raises(ValueError):
        ref.linear_forward(x, w, np.ones(3))
    with pytest.raises(ValueError):
        ref.linear_forward(np.ones(4), w, b)
    with pytest.raises(ValueError):
        ref.linear_forward(x, np.ones(4), np.ones(1))
    for x_shape, w_shape in [((3, 1), (2, 4)), ((3, 4), (2, 1))]:  # einsum would broadcast these
        with pytest.raises(ValueError):
            ref.linear_forward(np.ones(x_shape), np.ones(w_shape), np.ones(w_shape[0]))
    for b_shape in [(2, 1), (1, 2)]:
        with pytest.raises(ValueError):
            ref.linear_forward(np.ones((2, 4)), w, np.ones(b_shape))
    _, cache = ref.linear_forward(x, w, b)
    for dout_shape in [(3, 3), (3, 1), (2,)]:
        with pytest.raises(ValueError):
            ref.linear_backward(np.ones(dout_shape), cache)
    # torch agrees that these are errors (features that differ, a size-1 feature axis included)
    for x_shape, w_shape in [((3, 5), (2, 4)), ((3, 1), (2, 4)), ((3, 4), (2, 1))]:
        with pytest.raises(RuntimeError):
            torch.nn.functional.linear(
                torch.ones(x_shape), torch.ones(w_shape), torch.ones(w_shape[0])
            )
    # and autograd refuses an upstream gradient of the wrong shape
    out = torch.nn.functional.linear(
        torch.ones(3, 4, requires_grad=True), torch.ones(2, 4), torch.ones(2)
    )
    with pytest.raises(RuntimeError):
        out.backward(torch.ones(3, 1))
