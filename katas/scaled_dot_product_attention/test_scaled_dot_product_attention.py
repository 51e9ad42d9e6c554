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
HINT_BROADCAST = (
    "Leading (batch, head) axes broadcast as in np.matmul: k and v of shape (B, 1, Lk, d) serve "
    "every head of q (B, H, Lq, d). Do not flatten or loop over q's batch axes and index k with "
    "them."
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


def test_queries_broadcast_against_keys(solution, reference):
    """Leading axes broadcast between q and k/v: multi-query attention and shared queries."""
    # multi-query attention: every head of q reads the same keys and values (B, 1, Lk, d)
    q, _, _ = _qkv(44, (2, 3), 4, 5, 4, 3)
    _, k, v = _qkv(45, (2, 1), 4, 5, 4, 3)
    check_call(solution, reference, FN, q, k, v, outputs=OUTPUTS, hint=HINT_BROADCAST)
    padding = np.ones((2, 1, 1, 5), dtype=bool)
    padding[1, ..., 3:] = False
    check_call(solution, reference, FN, q, k, v, mask=padding, outputs=OUTPUTS, hint=HINT_BROADCAST)
    # one set of queries (Lq, d) against a batch of key/value sequences (N, Lk, d)
    q, _, _ = _qkv(46, (), 3, 6, 4, 2)
    _, k, v = _qkv(47, (2,), 3, 6, 4, 2)
    check_call(solution, reference, FN, q, k, v, outputs=OUTPUTS, hint=HINT_BROADCAST)


def test_mask_shapes_that_broadcast(solution, reference):
    """Masks that broadcast to the scores (2, 3, Lq, Lk): (1, Lk), (3, 1, Lk), (2, 1, Lq, Lk)."""
    q, k, v = _qkv(48, (2, 3), 4, 5, 4, 3)
    rng = np.random.default_rng(49)
    key_mask = np.array([[True, False, True, True, False]])
    per_head = rng.random((3, 1, 5)) < 0.6
    per_head[..., 0] = True
    per_sequence = rng.random((2, 1, 4, 5)) < 0.6
    per_sequence[..., 2] = True
    for mask in (key_mask, per_head, per_sequence):
        check_call(solution, reference, FN, q, k, v, mask=mask, outputs=OUTPUTS, hint=HINT_MASK)


def _score_rows(rows, blocked, dv=2, seed=0):
    """q, k, v, mask whose scores are exactly `rows` (d = 1, every q = 1, so s_ij = k_j): the
    scores are the same in every correct summation order, and each row's `blocked` keys are
    masked out."""
    scores = np.asarray(rows, dtype=np.float64)
    q = np.ones((len(scores), 1, 1))
    k = scores[:, :, None]
    mask = np.ones(scores.shape, dtype=bool)[:, None, :]
    for row, keys in enumerate(blocked):
        mask[row, 0, keys] = False
    # positive values: no cancellation in out, so every element can be held to its own size
    v = np.random.default_rng(seed).uniform(1.0, 2.0, size=(len(scores), scores.shape[1], dv))
    return q, k, v, mask


def test_softmax_max_over_allowed_keys_only(solution, reference):
    """A blocked key with a huge score changes nothing: the maximum is over the allowed keys."""
    q, k, v, mask = _score_rows(
        [
            [0.0, -1.0, 0.5, 1e4],  # a blocked score 1e4 above the allowed ones
            [0.0, -1.0, 0.5, 740.5],  # exp(allowed - 740.5) would be subnormal: few digits left
            [0.0, -30.0, 0.5, 720.0],  # and the tail weight exp(-30.5) / ... would vanish
            [-700.0, 3.0, 0.0, 2.0],  # an allowed tail weight near 1e-305, blocked key 2
        ],
        [[3], [3], [3], [2]],
        seed=55,
    )
    check_call(
        solution.stable,
        reference,
        FN,
        q,
        k,
        v,
        mask=mask,
        outputs=OUTPUTS,
        floor=0.0,
        hint="Mask first (blocked scores = -inf), then subtract the maximum of what is left: the "
        "row maximum must be taken over the allowed keys only. A maximum that includes a blocked "
        "key with a huge score makes every allowed exponential underflow (0 / 0) or lose digits.",
    )


def test_allowed_scores_below_minus_1e9(solution, reference):
    """When every allowed score is below -1e9, a blocked key still gets weight exactly 0."""
    # Allowed scores 20 apart: the weights (about 1 and 2e-9) do not depend on how the
    # softmax rounds next to -1.5e9 (a log-sum-exp formulation is as good as any other here).
    base = -1.5e9
    q, k, v, mask = _score_rows(
        [
            [base, base - 20.0, 0.0, base - 25.0],  # blocked key 2 scores 0
            [-2e3, base - 20.0, base, -1e9 + 1.0],  # blocked keys 0 and 3 score far above
        ],
        [[2], [0, 3]],
        seed=56,
    )
    got = check_call(
        solution,
        reference,
        FN,
        q,
        k,
        v,
        mask=mask,
        outputs=OUTPUTS,
        floor=0.0,
        hint="Blocked scores must become -inf, below ANY allowed score. A large negative number "
        "such as -1e9 (or -1e9 added to the score) is not below an allowed score of -1.5e9, so "
        "the blocked key takes the weight.",
    )
    weights = np.asarray(got[1])
    if np.any(weights[~np.broadcast_to(mask, weights.shape)] != 0.0):
        fail("a blocked key got a non-zero weight", function=FN, hint=HINT_MASK)


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


def test_fully_masked_row_in_one_head_or_sequence_raises(solution):
    """A mask with one empty row in one head, or one sequence with every key padded, is an error."""
    q, k, v = _qkv(64, (2, 3), 4, 5, 4, 4)
    per_head = np.random.default_rng(65).random((2, 3, 4, 5)) < 0.5
    per_head[..., 0] = True
    per_head[1, 2, 3] = False
    expect_value_error(
        solution,
        FN,
        q,
        k,
        v,
        mask=per_head,
        because="in sequence 1, head 2, query 3 may attend to no key (only that row is empty)",
    )
    padding = np.ones((2, 1, 1, 5), dtype=bool)
    padding[0, ..., 3:] = False
    padding[1] = False
    expect_value_error(
        solution,
        FN,
        q,
        k,
        v,
        mask=padding,
        because="the key-padding mask hides every key of sequence 1",
    )


def test_mask_with_extra_axis_raises(solution):
    """A mask with more leading axes than the scores is an error, not a bigger output."""
    q, k, v = _qkv(66, (), 3, 4, 4, 2)
    mask = np.ones((2, 3, 4), dtype=bool)
    mask[1, :, 0] = False
    expect_value_error(
        solution,
        FN,
        q,
        k,
        v,
        mask=mask,
        because="the scores are (Lq, Lk) = (3, 4); a (2, 3, 4) mask does not broadcast to them",
    )
    q, k, v = _qkv(67, (1,), 3, 4, 4, 2)
    expect_value_error(
        solution,
        FN,
        q,
        k,
        v,
        mask=np.ones((3, 3, 4), dtype=bool),
        because="the scores are (1, 3, 4); a (3, 3, 4) mask does not broadcast to them",
    )


def test_one_dimensional_inputs_raise(solution):
    """q, k and v need at least 2 dimensions (..., L, features): a 1-D query is an error."""
    q, k, v = _qkv(68, (), 3, 4, 4, 2)
    expect_value_error(
        solution, FN, q[0], k, v, because="q is (d,) = (4,); a single query must be (1, d)"
    )
    expect_value_error(
        solution,
        FN,
        q,
        k,
        v[:, 0],
        because="v is (Lk,) = (4,); values must be (Lk, dv), e.g. (4, 1)",
    )


def test_mismatched_feature_sizes_raise(solution):
    """q and k with different feature sizes d is a ValueError."""
    q, k, v = _qkv(61, (), 3, 4, 4, 4)
    expect_value_error(solution, FN, q, k[:, :3], v, because="q is (3, 4) but k is (4, 3)")
    expect_value_error(
        solution, FN, q, k[:, :1], v, because="q is (3, 4) but k is (4, 1): d = 4 against d = 1"
    )
    expect_value_error(
        solution, FN, q[:, :1], k, v, because="q is (3, 1) but k is (4, 4): d = 1 against d = 4"
    )


def test_mismatched_key_counts_raise(solution):
    """k and v with different numbers of keys is a ValueError."""
    q, k, v = _qkv(62, (), 3, 4, 4, 4)
    expect_value_error(solution, FN, q, k, v[:3], because="k has 4 keys but v has 3")
    expect_value_error(solution, FN, q, k, v[:1], because="k has 4 keys but v has 1")


def test_non_boolean_mask_raises(solution):
    """Integer and float 0/1 masks are a ValueError: the mask must be boolean."""
    q, k, v = _qkv(63, (), 3, 4, 4, 4)
    causal = np.tril(np.ones((3, 4), dtype=bool))
    for dtype, why in (
        (np.float64, "PyTorch would add a float mask to the scores instead"),
        (np.int64, "PyTorch rejects an integer mask"),
        (np.uint8, "old PyTorch code used uint8 masks; they are not boolean"),
    ):
        expect_value_error(
            solution,
            FN,
            q,
            k,
            v,
            mask=causal.astype(dtype),
            because=f"the mask has dtype {np.dtype(dtype).name}; it must be boolean ({why})",
        )
