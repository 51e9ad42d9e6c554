"""Cross-check reference/multi_head_attention.py against torch.nn.MultiheadAttention."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from tests.support import load_reference

ref = load_reference("multi_head_attention")


def _params(rng, e):
    return [rng.standard_normal((e, e)) / np.sqrt(e) for _ in range(4)]


def _torch_mha(x, w_q, w_k, w_v, w_o, num_heads, mask=None):
    e = x.shape[-1]
    mha = torch.nn.MultiheadAttention(
        e, num_heads, bias=False, batch_first=True, dtype=torch.float64
    )
    with torch.no_grad():
        mha.in_proj_weight.copy_(torch.from_numpy(np.concatenate([w_q, w_k, w_v], axis=0)))
        mha.out_proj.weight.copy_(torch.from_numpy(w_o))
    mha.train()  # the plain (non fast-path) implementation
    tx = torch.from_numpy(x)
    # nn.MultiheadAttention's boolean attn_mask means True = NOT allowed: invert ours.
    tm = None if mask is None else torch.from_numpy(~mask)
    out, _ = mha(tx, tx, tx, attn_mask=tm, need_weights=False)
    return out.detach().numpy()


CASES = [
    # (N, L, E, num_heads)
    (1, 1, 4, 1),
    (1, 5, 8, 2),
    (2, 3, 6, 3),
    (3, 4, 12, 4),
    (2, 7, 8, 8),
    (2, 4, 10, 5),
]


@pytest.mark.parametrize("n, seq, e, h", CASES)
def test_matches_torch_without_mask(n, seq, e, h):
    rng = np.random.default_rng(0)
    x = rng.standard_normal((n, seq, e))
    params = _params(rng, e)
    out = ref.multi_head_attention(x, *params, num_heads=h)
    assert out.shape == (n, seq, e)
    np.testing.assert_allclose(out, _torch_mha(x, *params, h), rtol=1e-11, atol=1e-12)


@pytest.mark.parametrize("n, seq, e, h", CASES)
def test_matches_torch_with_causal_mask(n, seq, e, h):
    rng = np.random.default_rng(1)
    x = rng.standard_normal((n, seq, e))
    params = _params(rng, e)
    causal = np.tril(np.ones((seq, seq), dtype=bool))
    out = ref.multi_head_attention(x, *params, num_heads=h, mask=causal)
    np.testing.assert_allclose(out, _torch_mha(x, *params, h, mask=causal), rtol=1e-11, atol=1e-12)


def test_per_batch_and_head_mask_matches_torch():
    rng = np.random.default_rng(2)
    n, seq, e, h = 2, 5, 8, 2
    x = rng.standard_normal((n, seq, e))
    params = _params(rng, e)
    mask = rng.random((n, h, seq, seq)) < 0.5
    mask[..., 2] = True
    out = ref.multi_head_attention(x, *params, num_heads=h, mask=mask)
    # torch takes a 3-D mask of shape (N * num_heads, L, S), batch-major.
    tmask = mask.reshape(n * h, seq, seq)
    np.testing.assert_allclose(out, _torch_mha(x, *params, h, mask=tmask), rtol=1e-11, atol=1e-12)


def test_value_errors():
    rng = np.random.default_rng(3)
    x = rng.standard_normal((2, 3, 6))
    params = _params(rng, 6)
    for bad in (4, 5, 0, -2):
        with pytest.raises(ValueError, match="divisor"):
            ref.multi_head_attention(x, *params, num_heads=bad)
    with pytest.raises(ValueError, match="no key"):
        mask = np.ones((3, 3), dtype=bool)
        mask[1] = False
        ref.multi_head_attention(x, *params, num_heads=2, mask=mask)
    with pytest.raises(ValueError, match="shape"):
        ref.multi_head_attention(x, params[0][:, :4], *params[1:], num_heads=2)
    with pytest.raises(ValueError, match="num_heads must be an integer"):
        ref.multi_head_attention(x, *params, num_heads=2.0)


@pytest.mark.parametrize(
    ("x", "sign_k", "mask"),
    [
        # causal: queries 0 and 1 must ignore key 2, whose scores for them are ~1000 higher
        ([[[1.0, -2.0], [0.5, 1.0], [1000.0, 900.0]]], 1.0, np.tril(np.ones((3, 3), dtype=bool))),
        # k = -x: the allowed scores of queries 0 and 1 are all near -1.6e9, key 2 scores -4e4
        (
            [[[4e4, 3.0], [4e4 + 5e-4, -1.0], [1.0, 2.0]]],
            -1.0,
            np.array([[True, True, False], [True, True, False], [False, True, True]]),
        ),
    ],
)
def test_blocked_keys_with_extreme_scores_match_torch(x, sign_k, mask):
    """Two heads of width 1 with exact scores: blocked keys far above the allowed ones, and
    allowed scores below -1e9, give torch's output (its boolean masks become -inf too)."""
    rng = np.random.default_rng(4)
    x = np.asarray(x)
    params = [
        np.eye(2),
        sign_k * np.eye(2),
        rng.standard_normal((2, 2)),
        rng.standard_normal((2, 2)),
    ]
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        out = ref.multi_head_attention(x, *params, num_heads=2, mask=mask)
    np.testing.assert_allclose(out, _torch_mha(x, *params, 2, mask=mask), rtol=1e-9, atol=0)


def test_new_value_errors():
    rng = np.random.default_rng(5)
    x = rng.standard_normal((2, 4, 6))
    params = _params(rng, 6)
    tall, wide = rng.standard_normal((4, 6)), rng.standard_normal((6, 4))
    for weights in ((*params[:3], tall), (params[0], params[1], tall, wide)):
        with pytest.raises(ValueError, match="shape"):
            ref.multi_head_attention(x, *weights, num_heads=2)
    for bad_x in (x[0], x[None]):
        with pytest.raises(ValueError, match=r"\(N, L, E\)"):
            ref.multi_head_attention(bad_x, *params, num_heads=2)
    with pytest.raises(ValueError, match="divisor"):
        ref.multi_head_attention(x, *params[:3], params[3], num_heads=4)
    per_head = np.ones((2, 3, 4, 4), dtype=bool)
    per_head[1, 2, 0] = False
    padding = np.ones((2, 1, 1, 4), dtype=bool)
    padding[1] = False
    for mask in (per_head, padding):
        with pytest.raises(ValueError, match="no key"):
            ref.multi_head_attention(x, *params, num_heads=3, mask=mask)
    for mask in (np.ones((2, 2, 3, 4, 4), dtype=bool), np.tril(np.ones((4, 4), dtype=np.int64))):
        with pytest.raises(ValueError, match="mask"):
            ref.multi_head_attention(x, *params, num_heads=3, mask=mask)
