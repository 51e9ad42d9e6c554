"""The `dropout` reference against `torch.nn.functional.dropout` (values, gradients, statistics)."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from scipy import stats

from tests.support import load_reference

ref = load_reference("dropout")

SHAPES = [(1, 7), (4, 9), (2, 3, 5, 4), (200,)]


def torch_dropout(x, p, training, dout, seed=0):
    """PyTorch's output and input gradient for `dropout(x)` with upstream gradient `dout`."""
    torch.manual_seed(seed)
    xt = torch.tensor(x, dtype=torch.float64, requires_grad=True)
    out = torch.nn.functional.dropout(xt, p=p, training=training)
    out.backward(torch.tensor(dout, dtype=torch.float64))
    return out.detach().numpy(), xt.grad.numpy()


def nonzero_input(shape, seed):
    rng = np.random.default_rng(seed)
    x = rng.uniform(0.5, 2.0, size=shape) * rng.choice([-1.0, 1.0], size=shape)
    return x, rng.standard_normal(shape)


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("p", [0.1, 0.5, 0.8])
def test_same_values_and_mask_rule_as_torch(shape, p):
    """Each output is 0 or x / (1 - p), as PyTorch's, and the gradient uses the forward's mask."""
    x, dout = nonzero_input(shape, 0)
    out, cache = ref.dropout_forward(x, p, rng=np.random.default_rng(1))
    dx = ref.dropout_backward(dout, cache)
    t_out, t_dx = torch_dropout(x, p, True, dout)
    for o, d in ((out, dx), (t_out, t_dx)):
        assert o.shape == x.shape
        kept = o != 0
        np.testing.assert_allclose(o[kept], x[kept] / (1 - p), rtol=1e-12)
        # The gradient of x * m / (1 - p) is dout * m / (1 - p): the same mask, the same scale.
        np.testing.assert_allclose(d, dout * o / x, rtol=1e-12, atol=0)
    assert out.dtype == np.float64


@pytest.mark.parametrize("p", [0.2, 0.5, 0.9])
def test_keep_rate_matches_torch(p):
    """The kept fraction is binomial with rate 1 - p, for PyTorch's samples and ours alike."""
    n = 40_000
    x = np.ones(n)
    ours = ref.dropout_forward(x, p, rng=np.random.default_rng(5))[0]
    theirs = torch_dropout(x, p, True, np.ones(n), seed=5)[0]
    for out in (ours, theirs):
        kept = int((out != 0).sum())
        assert stats.binomtest(kept, n, 1 - p).pvalue > 1e-4
    # Unbiased: E[out] = x.
    assert ours.mean() == pytest.approx(1.0, abs=5 * np.sqrt(p / (1 - p) / n))


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize(("p", "training"), [(0.0, True), (0.3, False), (1.0, False)])
def test_identity_cases_equal_torch(shape, p, training):
    """p = 0 or evaluation mode: output x and gradient dout, as PyTorch; no rng needed."""
    x, dout = nonzero_input(shape, 2)
    out, cache = ref.dropout_forward(x, p, training=training)
    dx = ref.dropout_backward(dout, cache)
    t_out, t_dx = torch_dropout(x, p, training, dout)
    np.testing.assert_array_equal(out, t_out)
    np.testing.assert_array_equal(dx, t_dx)
    assert out is not x


@pytest.mark.parametrize("shape", SHAPES)
def test_p_one_gives_zeros_like_torch(shape):
    """p = 1 in training gives zeros and a zero gradient, without NaN, as PyTorch."""
    x, dout = nonzero_input(shape, 3)
    with np.errstate(all="raise"):
        out, cache = ref.dropout_forward(x, 1.0, rng=np.random.default_rng(0))
        dx = ref.dropout_backward(dout, cache)
    t_out, t_dx = torch_dropout(x, 1.0, True, dout)
    np.testing.assert_array_equal(out, t_out)
    np.testing.assert_array_equal(dx, t_dx)
    np.testing.assert_array_equal(out, np.zeros(shape))


def test_positions_are_independent():
    """Every position is dropped independently: per-column keep counts are binomial."""
    out = ref.dropout_forward(np.ones((400, 30)), 0.4, rng=np.random.default_rng(8))[0]
    counts = (out != 0).sum(axis=0)
    assert len(set(counts.tolist())) > 5  # not one mask shared by every row
    for c in counts:
        assert stats.binomtest(int(c), 400, 0.6).pvalue > 1e-4


def test_reproducible():
    """The same seed gives the same output, another seed another."""
    x = np.arange(1.0, 21.0)
    a = ref.dropout_forward(x, 0.5, rng=np.random.default_rng(3))[0]
    b = ref.dropout_forward(x, 0.5, rng=np.random.default_rng(3))[0]
    c = ref.dropout_forward(x, 0.5, rng=np.random.default_rng(4))[0]
    np.testing.assert_array_equal(a, b)
    assert not np.array_equal(a, c)


@pytest.mark.parametrize("p", [-0.1, 1.5])
@pytest.mark.parametrize("training", [True, False])
def test_invalid_p(p, training):
    """p outside [0, 1] is a ValueError in both modes, as in PyTorch."""
    with pytest.raises(ValueError):
        ref.dropout_forward(np.ones(3), p, training=training, rng=np.random.default_rng(0))
    with pytest.raises(ValueError):
        torch.nn.functional.dropout(torch.ones(3), p=p, training=training)


def test_rng_required_when_drawing():
    """Training with 0 < p < 1 and no rng is a ValueError."""
    with pytest.raises(ValueError, match="rng"):
        ref.dropout_forward(np.ones(3), 0.5)


@pytest.mark.parametrize("p", [0.37, 0.83])
def test_keep_rate_off_the_decimal_grid_matches_torch(p):
    """p = 0.37 and 0.83 on about 400 000 elements: both keep rates within 5.3 sigma of 1 - p."""
    n = 401_408
    x = np.ones(n)
    ours = ref.dropout_forward(x, p, rng=np.random.default_rng(41))[0]
    theirs = torch_dropout(x, p, True, np.ones(n), seed=41)[0]
    spread = np.sqrt(n * p * (1 - p))
    for out in (ours, theirs):
        kept = int((out != 0).sum())
        assert abs(kept - n * (1 - p)) < 5.3 * spread
        # a one-point bias would be more than ten spreads away
        assert 0.01 * n > 10 * spread


def test_kept_zero_inputs_pass_the_gradient_like_torch():
    """An input equal to 0 that was kept passes dout / (1 - p), in PyTorch as in the reference."""
    p, shape = 0.37, (50, 40)
    x = np.zeros(shape)
    dout = np.ones(shape)
    t_out, t_dx = torch_dropout(x, p, True, dout, seed=3)
    np.testing.assert_array_equal(t_out, np.zeros(shape))
    assert set(np.unique(t_dx).round(12)) == {0.0, round(1 / (1 - p), 12)}
    out, cache = ref.dropout_forward(x, p, rng=np.random.default_rng(3))
    dx = ref.dropout_backward(dout, cache)
    np.testing.assert_array_equal(out, np.zeros(shape))
    ones_out = ref.dropout_forward(np.ones(shape), p, rng=np.random.default_rng(3))[0]
    np.testing.assert_array_equal(dx, ones_out)
    assert 0 < np.count_nonzero(dx) < dx.size
