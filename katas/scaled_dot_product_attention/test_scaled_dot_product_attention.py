"""Hidden tests for the scaled_dot_product_attention kata."""

from __future__ import annotations

import numpy as np

from dlkata.judge import assert_close, check_call, expect_value_error, fail

FN = "scaled_dot_product_attention"
OUTPUTS = ("out", "weights")

HINT_SCALE = (
    "weights = softmax(q @ k^T / sqrt(d)) over the keys, with d = q.shape[-1]: check the "
    "1 / sqrt(d) scale and the softmax axis (the last one)."
)
HINT_MASK = (
    "The mask is True where a query MAY attend (PyTorch's boolean attn_mask). Put -inf into the "
    "scores where it is False, before the softmax, so the allowed weights still sum to 1."
)
HINT_BATCH = (
    "Transpose only the last two axes of k (np.swapaxes(k, -1, -2)); k.T reverses every axis, "
    "the batch axes too."
)


def _qkv(seed, batch, lq, lk, d, dv, scale=1.0):
    rng = np.random.default_rng(seed)
    q = rng.standard_normal((*batch, lq, d)) * scale
    k = rng.standard_normal((*batch, lk, d)) * scale
    v = rng.standard_normal((*batch, lk, dv))
    return q, k, v


def test_single_sequence(solution, reference):
    """A single sequence, q (Lq, d) against k (Lk, d) with Lq != Lk, matches the reference."""
    for seed, (lq, lk, d, dv) in enumerate([(3, 5, 4, 4), (4, 2, 3, 3), (1, 6, 5, 5)]):
        q, k, v = _qkv(seed, (), lq, lk, d, dv)
        check_call(solution, reference, FN, q, k, v, outputs=OUTPUTS, hint=HINT_SCALE)


def test_scale_uses_query_key_width(solution, reference):
    """The scale is 1/sqrt(d) with d the width of q and k, also when v is wider or narrower."""
    for seed, (d, dv) in enumerate([(4, 9), (9, 2)]):
        q, k, v = _qkv(10 + seed, (2,), 3, 4, d, dv)
        check_call(
            solution,
            reference,
            FN,
            q,
            k,
            v,
            outputs=OUTPUTS,
            hint="Divide the scores by sqrt(d) where d = q.shape[-1] = k.shape[-1]; v's width dv "
            "plays no part in the scale.",
        )


def test_batched_shapes(solution, reference):
    """Leading batch axes (batch 1, several, and (N, heads)) match the reference."""
    cases = [((1,), 4, 6, 8, 2), ((3,), 5, 2, 4, 6), ((4,), 3, 3, 4, 4), ((2, 3), 4, 4, 6, 6)]
    for seed, (batch, lq, lk, d, dv) in enumerate(cases):
        q, k, v = _qkv(20 + seed, batch, lq, lk, d, dv)
        check_call(solution, reference, FN, q, k, v, outputs=OUTPUTS, hint=HINT_BATCH)


def test_weights_sum_to_one_over_keys(solution, reference):
    """Each query's weights sum to 1 over the keys (the softmax runs along the last axis)."""
    q, k, v = _qkv(30, (2,), 4, 4, 3, 3)
    _, weights = solution.scaled_dot_product_attention(q, k, v)
    weights = np.asarray(weights)
    if weights.shape != (2, 4, 4):
        fail(f"weights should have shape (2, 4, 4), got {weights.shape}", function=FN)
    assert_close(
        weights.sum(axis=-1),
        np.ones((2, 4)),
        what="weights summed over the keys",
        function=FN,
        hint="Normalise over the keys (axis=-1): row i holds how query i spreads its attention. "
        "Normalising over axis -2 (the queries) is a classic mistake.",
    )
    check_call(solution, reference, FN, q, k, v, outputs=OUTPUTS, hint=HINT_SCALE)


def test_equal_scores_tie(solution, reference):
    """Integer-valued inputs with tied scores give equal weights, as the reference."""
    q = np.array([[1.0, 0.0], [1.0, 1.0], [0.0, 0.0]])
    k = np.array([[1.0, 1.0], [1.0, 0.0], [1.0, -1.0], [2.0, 0.0]])
    v = np.arange(12.0).reshape(4, 3)
    check_call(solution, reference, FN, q, k, v, outputs=OUTPUTS, hint=HINT_SCALE)


def test_causal_mask(solution, reference):
    """A causal (Lq, Lk) mask shared by every batch entry matches the reference."""
    q, k, v = _qkv(40, (2,), 4, 6, 4, 3)
    mask = np.tril(np.ones((4, 6), dtype=bool))
    check_call(solution, reference, FN, q, k, v, mask=mask, outputs=OUTPUTS, hint=HINT_MASK)


def test_masked_keys_get_zero_weight(solution, reference):
    """Masked-out keys get weight exactly 0 and each query's remaining weights sum to 1."""
    q, k, v = _qkv(41, (2,), 3, 5, 4, 4)
    mask = np.random.default_rng(42).random((2, 3, 5)) < 0.5
    mask[..., 1] = True
    _, weights = solution.scaled_dot_product_attention(q, k, v, mask=mask)
    weights = np.asarray(weights)
    if weights.shape != mask.shape:
        fail(f"weights should have shape {mask.shape}, got {weights.shape}", function=FN)
    if np.any(weights[~mask] != 0.0):
        fail(
            "a key where the mask is False got a non-zero weight",
            function=FN,
            hint=HINT_MASK,
            largest_masked_weight=float(np.abs(weights[~mask]).max()),
        )
    assert_close(
        weights.sum(axis=-1),
        np.ones((2, 3)),
        what="masked weights summed over the keys",
        function=FN,
        hint="Mask before the softmax: multiplying the softmax weights by the mask afterwards "
        "leaves rows that no longer sum to 1.",
    )
    check_call(solution, reference, FN, q, k, v, mask=mask, outputs=OUTPUTS, hint=HINT_MASK)


def test_broadcast_padding_mask(solution, reference):
    """A key-padding mask (N, 1, 1, Lk) broadcasts over heads and queries."""
    q, k, v = _qkv(43, (2, 2), 3, 5, 4, 2)
    mask = np.ones((2, 1, 1, 5), dtype=bool)
    mask[0, ..., 3:] = False
    mask[1, ..., 4:] = False
    check_call(solution, reference, FN, q, k, v, mask=mask, outputs=OUTPUTS, hint=HINT_MASK)


def test_stable_for_large_scores(solution, reference):
    """Scores of order 1e4 give no overflow or NaN (stable softmax) and match the reference."""
    q, k, v = _qkv(50, (2,), 3, 5, 4, 3, scale=100.0)
    check_call(
        solution.stable,
        reference,
        FN,
        q,
        k,
        v,
        outputs=OUTPUTS,
        hint="Subtract each row's maximum score (over the keys) before np.exp.",
    )


def test_stable_for_large_scores_with_mask(solution, reference):
    """Large scores together with a causal mask stay finite and warning-free."""
    q, k, v = _qkv(51, (2,), 4, 4, 4, 3, scale=100.0)
    mask = np.tril(np.ones((4, 4), dtype=bool))
    check_call(
        solution.stable,
        reference,
        FN,
        q,
        k,
        v,
        mask=mask,
        outputs=OUTPUTS,
        hint="Set masked scores to -inf (np.where), then subtract the row maximum of what is "
        "left; exp(-inf) is exactly 0 without a warning.",
    )


def test_fully_masked_query_raises(solution):
    """A query whose mask row has no True is a ValueError (not a row of NaN)."""
    q, k, v = _qkv(60, (2,), 3, 4, 4, 4)
    mask = np.ones((3, 4), dtype=bool)
    mask[1] = False
    expect_value_error(
        solution,
        FN,
        q,
        k,
        v,
        mask=mask,
        because="query 1 may attend to no key, so its softmax would be 0/0",
    )


def test_mismatched_feature_sizes_raise(solution):
    """q and k with different feature sizes d is a ValueError."""
    q, k, v = _qkv(61, (), 3, 4, 4, 4)
    expect_value_error(solution, FN, q, k[:, :3], v, because="q is (3, 4) but k is (4, 3)")


def test_mismatched_key_counts_raise(solution):
    """k and v with different numbers of keys is a ValueError."""
    q, k, v = _qkv(62, (), 3, 4, 4, 4)
    expect_value_error(solution, FN, q, k, v[:3], because="k has 4 keys but v has 3")


def test_non_boolean_mask_raises(solution):
    """A float 0/1 mask is a ValueError: the mask must be boolean."""
    q, k, v = _qkv(63, (), 3, 4, 4, 4)
    expect_value_error(
        solution,
        FN,
        q,
        k,
        v,
        mask=np.tril(np.ones((3, 4))),
        because="the mask has dtype float64; it must be boolean (PyTorch would add a float "
        "mask to the scores instead)",
    )
