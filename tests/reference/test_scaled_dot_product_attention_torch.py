"""Cross-check reference/scaled_dot_product_attention.py against PyTorch."""

from __future__ import annotations

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from tests.support import load_reference

ref = load_reference("scaled_dot_product_attention")

SHAPES = [
    # (batch dims, Lq, Lk, d, dv)
    ((), 3, 3, 4, 4),
    ((), 2, 5, 3, 7),
    ((1,), 4, 6, 8, 2),
    ((3,), 5, 2, 4, 6),
    ((2, 3), 4, 4, 16, 16),
    ((1, 2), 1, 7, 5, 3),
]


def _qkv(rng, batch, lq, lk, d, dv, scale=1.0):
    q = rng.standard_normal((*batch, lq, d)) * scale
    k = rng.standard_normal((*batch, lk, d)) * scale
    v = rng.standard_normal((*batch, lk, dv))
    return q, k, v


def _torch(q, k, v, mask=None):
    tq, tk, tv = (torch.from_numpy(a) for a in (q, k, v))
    tm = None if mask is None else torch.from_numpy(np.ascontiguousarray(mask))
    out = F.scaled_dot_product_attention(tq, tk, tv, attn_mask=tm)
    scores = tq @ tk.transpose(-2, -1) / np.sqrt(q.shape[-1])
    if tm is not None:
        scores = scores.masked_fill(~tm, float("-inf"))
    return out.numpy(), torch.softmax(scores, dim=-1).numpy()


@pytest.mark.parametrize("batch, lq, lk, d, dv", SHAPES)
def test_matches_torch_without_mask(batch, lq, lk, d, dv):
    rng = np.random.default_rng(0)
    q, k, v = _qkv(rng, batch, lq, lk, d, dv)
    out, weights = ref.scaled_dot_product_attention(q, k, v)
    t_out, t_weights = _torch(q, k, v)
    assert out.shape == (*batch, lq, dv) and weights.shape == (*batch, lq, lk)
    np.testing.assert_allclose(out, t_out, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(weights, t_weights, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(weights.sum(-1), 1.0, rtol=1e-13)


@pytest.mark.parametrize("batch, lq, lk, d, dv", SHAPES)
def test_matches_torch_with_random_boolean_mask(batch, lq, lk, d, dv):
    rng = np.random.default_rng(1)
    q, k, v = _qkv(rng, batch, lq, lk, d, dv)
    mask = rng.random((*batch, lq, lk)) < 0.6
    mask[..., 0] = True  # no fully masked query
    out, weights = ref.scaled_dot_product_attention(q, k, v, mask=mask)
    t_out, t_weights = _torch(q, k, v, mask)
    np.testing.assert_allclose(out, t_out, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(weights, t_weights, rtol=1e-12, atol=1e-12)
    assert np.all(weights[~mask] == 0.0)


def test_broadcast_masks_match_torch():
    rng = np.random.default_rng(2)
    q, k, v = _qkv(rng, (2, 3), 4, 6, 5, 3)
    causal = np.tril(np.ones((4, 6), dtype=bool))  # (Lq, Lk), shared by all batches
    padding = np.ones((2, 1, 1, 6), dtype=bool)  # (N, 1, 1, Lk): key padding per sequence
    padding[0, ..., 4:] = False
    for mask in (causal, padding, causal & padding):
        out, weights = ref.scaled_dot_product_attention(q, k, v, mask=mask)
        t_out, t_weights = _torch(q, k, v, mask)
        np.testing.assert_allclose(out, t_out, rtol=1e-12, atol=1e-12)
        np.testing.assert_allclose(weights, t_weights, rtol=1e-12, atol=1e-12)


def test_gradient_flows_like_torch():
    """Sanity check that the weights are the softmax torch differentiates (d out / d q)."""
    rng = np.random.default_rng(3)
    q, k, v = _qkv(rng, (2,), 3, 4, 5, 2)
    tq = torch.from_numpy(q).requires_grad_()
    out = F.scaled_dot_product_attention(tq, torch.from_numpy(k), torch.from_numpy(v))
    g = rng.standard_normal(out.shape)
    out.backward(torch.from_numpy(g))
    # central differences of the reference forward along a random direction
    direction = rng.standard_normal(q.shape)
    eps = 1e-6
    plus = ref.scaled_dot_product_attention(q + eps * direction, k, v)[0]
    minus = ref.scaled_dot_product_attention(q - eps * direction, k, v)[0]
    numeric = np.sum(g * (plus - minus)) / (2 * eps)
    np.testing.assert_allclose(numeric, np.sum(tq.grad.numpy() * direction), rtol=1e-6)


def test_large_scores_are_stable_and_match_torch():
    rng = np.random.default_rng(4)
    q, k, v = _qkv(rng, (2,), 3, 5, 4, 3, scale=100.0)  # scores of order 1e4
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        out, weights = ref.scaled_dot_product_attention(q, k, v)
    t_out, t_weights = _torch(q, k, v)
    np.testing.assert_allclose(out, t_out, rtol=1e-10, atol=1e-10)
    np.testing.assert_allclose(weights, t_weights, rtol=1e-10, atol=1e-12)


def test_value_errors():
    rng = np.random.default_rng(5)
    q, k, v = _qkv(rng, (), 2, 3, 4, 4)
    with pytest.raises(ValueError, match="no key"):
        ref.scaled_dot_product_attention(q, k, v, mask=np.array([[True] * 3, [False] * 3]))
    with pytest.raises(ValueError, match="last dimension"):
        ref.scaled_dot_product_attention(q, k[:, :3], v)
    with pytest.raises(ValueError, match="number of keys"):
        ref.scaled_dot_product_attention(q, k, v[:2])
    with pytest.raises(ValueError, match="boolean"):
        ref.scaled_dot_product_attention(q, k, v, mask=np.ones((2, 3)))
    with pytest.raises(ValueError, match="broadcast"):
        ref.scaled_dot_product_attention(q, k, v, mask=np.ones((2, 2), dtype=bool))


def test_multi_query_broadcast_matches_torch():
    """q (B, H, Lq, d) against k, v (B, 1, Lk, ...), and q (Lq, d) against k, v (N, Lk, ...)."""
    rng = np.random.default_rng(6)
    q = rng.standard_normal((2, 3, 4, 4))
    k, v = rng.standard_normal((2, 1, 5, 4)), rng.standard_normal((2, 1, 5, 3))
    padding = np.ones((2, 1, 1, 5), dtype=bool)
    padding[1, ..., 3:] = False
    for mask in (None, padding):
        out, weights = ref.scaled_dot_product_attention(q, k, v, mask=mask)
        t_out, t_weights = _torch(q, k, v, mask)
        assert out.shape == (2, 3, 4, 3)
        np.testing.assert_allclose(out, t_out, rtol=1e-12, atol=1e-12)
        np.testing.assert_allclose(weights, t_weights, rtol=1e-12, atol=1e-12)
    q = rng.standard_normal((3, 4))
    k, v = rng.standard_normal((2, 6, 4)), rng.standard_normal((2, 6, 2))
    out, _ = ref.scaled_dot_product_attention(q, k, v)
    np.testing.assert_allclose(out, _torch(q, k, v)[0], rtol=1e-12, atol=1e-12)


def test_small_masks_broadcast_like_torch():
    rng = np.random.default_rng(7)
    q, k, v = _qkv(rng, (2, 3), 4, 5, 4, 3)
    per_head = rng.random((3, 1, 5)) < 0.6
    per_head[..., 0] = True
    # a key mask (1, Lk) shared by every query (torch wants at least 2 mask dimensions)
    for mask in (np.array([[True, False, True, True, False]]), per_head):
        out, weights = ref.scaled_dot_product_attention(q, k, v, mask=mask)
        t_out, t_weights = _torch(q, k, v, mask)
        np.testing.assert_allclose(out, t_out, rtol=1e-12, atol=1e-12)
        np.testing.assert_allclose(weights, t_weights, rtol=1e-12, atol=1e-12)


def _score_rows(rows, blocked):
    scores = np.asarray(rows, dtype=np.float64)
    q, k = np.ones((len(scores), 1, 1)), scores[:, :, None]
    mask = np.ones(scores.shape, dtype=bool)[:, None, :]
    for row, keys in enumerate(blocked):
        mask[row, 0, keys] = False
    v = np.random.default_rng(8).uniform(1.0, 2.0, size=(len(scores), scores.shape[1], 2))
    return q, k, v, mask


def test_blocked_keys_with_extreme_scores_match_torch():
    """Blocked keys far above the allowed ones, and allowed scores all below -1e9: the blocked
    keys get weight 0 and the allowed weights are torch's, element by element."""
    base = -1.5e9
    q, k, v, mask = _score_rows(
        [
            [0.0, -1.0, 0.5, 1e4],
            [0.0, -1.0, 0.5, 740.5],
            [0.0, -30.0, 0.5, 720.0],
            [base, base - 20.0, 0.0, base - 25.0],
        ],
        [[3], [3], [3], [2]],
    )
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        out, weights = ref.scaled_dot_product_attention(q, k, v, mask=mask)
    t_out, t_weights = _torch(q, k, v, mask)
    np.testing.assert_allclose(weights, t_weights, rtol=1e-12, atol=0)
    np.testing.assert_allclose(out, t_out, rtol=1e-12, atol=0)
    assert np.all(weights[..., :][~np.broadcast_to(mask, weights.shape)] == 0.0)


def test_shapes_torch_rejects_are_value_errors():
    """Where torch refuses (1-D query, integer mask, a mask with an extra axis, mismatched d),
    the reference raises ValueError."""
    rng = np.random.default_rng(9)
    q, k, v = _qkv(rng, (), 3, 4, 4, 2)
    cases = [
        ((q[0], k, v), None),
        ((q, k, v), np.tril(np.ones((3, 4), dtype=np.int64))),
        ((q, k, v), np.ones((2, 3, 4), dtype=bool)),
        ((q, k[:, :1], v), None),
    ]
    for args, mask in cases:
        with pytest.raises(ValueError):
            ref.scaled_dot_product_attention(*args, mask=mask)
        with pytest.raises(RuntimeError):
            _torch(*args, mask)
