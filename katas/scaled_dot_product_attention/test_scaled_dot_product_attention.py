"""Hidden tests for the scaled_dot_product_attention kata."""

from __future__ import annotations

import numpy as np

from dlkata.judge import assert_close, check_with_heatmap, expect_value_error, fail, note

FN = "scaled_dot_product_attention"
OUTPUTS = ("out", "weights")


def _qkv(seed, batch, lq, lk, d, dv, scale=1.0):
    rng = np.random.default_rng(seed)
    q = rng.standard_normal((*batch, lq, d)) * scale
    k = rng.standard_normal((*batch, lk, d)) * scale
    v = rng.standard_normal((*batch, lk, dv))
    return q, k, v


def test_single_sequence(solution, reference):
    for seed, (lq, lk, d, dv) in enumerate([(3, 5, 4, 4), (4, 2, 3, 3), (1, 6, 5, 5)]):
        q, k, v = _qkv(seed, (), lq, lk, d, dv)
        check_with_heatmap(
            solution, reference, FN, q, k, v, heatmap="weights", outputs=OUTPUTS, hint=note("scale")
        )


def test_scale_uses_query_key_width(solution, reference):
    for seed, (d, dv) in enumerate([(4, 9), (9, 2)]):
        q, k, v = _qkv(10 + seed, (2,), 3, 4, d, dv)
        check_with_heatmap(
            solution,
            reference,
            FN,
            q,
            k,
            v,
            outputs=OUTPUTS,
            heatmap="weights",
            hint=note("scale_uses_query_key_width"),
        )


def test_batched_shapes(solution, reference):
    cases = [((1,), 4, 6, 8, 2), ((3,), 5, 2, 4, 6), ((4,), 3, 3, 4, 4), ((2, 3), 4, 4, 6, 6)]
    for seed, (batch, lq, lk, d, dv) in enumerate(cases):
        q, k, v = _qkv(20 + seed, batch, lq, lk, d, dv)
        check_with_heatmap(
            solution, reference, FN, q, k, v, heatmap="weights", outputs=OUTPUTS, hint=note("batch")
        )


def test_weights_sum_to_one_over_keys(solution, reference):
    q, k, v = _qkv(30, (2,), 4, 4, 3, 3)
    _, weights = solution.scaled_dot_product_attention(q, k, v)
    weights = np.asarray(weights)
    if weights.shape != (2, 4, 4):
        fail(note("weights_shape", expected=(2, 4, 4), got=weights.shape), function=FN)
    assert_close(
        weights.sum(axis=-1),
        np.ones((2, 4)),
        what=note("weights_sum"),
        function=FN,
        hint=note("weights_sum_to_one_over_keys"),
    )
    check_with_heatmap(
        solution, reference, FN, q, k, v, heatmap="weights", outputs=OUTPUTS, hint=note("scale")
    )


def test_equal_scores_tie(solution, reference):
    q = np.array([[1.0, 0.0], [1.0, 1.0], [0.0, 0.0]])
    k = np.array([[1.0, 1.0], [1.0, 0.0], [1.0, -1.0], [2.0, 0.0]])
    v = np.arange(12.0).reshape(4, 3)
    check_with_heatmap(
        solution, reference, FN, q, k, v, heatmap="weights", outputs=OUTPUTS, hint=note("scale")
    )


def test_causal_mask(solution, reference):
    q, k, v = _qkv(40, (2,), 4, 6, 4, 3)
    mask = np.tril(np.ones((4, 6), dtype=bool))
    check_with_heatmap(
        solution,
        reference,
        FN,
        q,
        k,
        v,
        heatmap="weights",
        mask=mask,
        outputs=OUTPUTS,
        hint=note("mask"),
    )


def test_masked_keys_get_zero_weight(solution, reference):
    q, k, v = _qkv(41, (2,), 3, 5, 4, 4)
    mask = np.random.default_rng(42).random((2, 3, 5)) < 0.5
    mask[..., 1] = True
    _, weights = solution.scaled_dot_product_attention(q, k, v, mask=mask)
    weights = np.asarray(weights)
    if weights.shape != mask.shape:
        fail(note("weights_shape", expected=mask.shape, got=weights.shape), function=FN)
    if np.any(weights[~mask] != 0.0):
        fail(
            note("masked_key_weight"),
            function=FN,
            hint=note("mask"),
            largest_masked_weight=float(np.abs(weights[~mask]).max()),
        )
    assert_close(
        weights.sum(axis=-1),
        np.ones((2, 3)),
        what=note("masked_weights_sum"),
        function=FN,
        hint=note("masked_keys_get_zero_weight"),
    )
    check_with_heatmap(
        solution,
        reference,
        FN,
        q,
        k,
        v,
        heatmap="weights",
        mask=mask,
        outputs=OUTPUTS,
        hint=note("mask"),
    )


def test_broadcast_padding_mask(solution, reference):
    q, k, v = _qkv(43, (2, 2), 3, 5, 4, 2)
    mask = np.ones((2, 1, 1, 5), dtype=bool)
    mask[0, ..., 3:] = False
    mask[1, ..., 4:] = False
    check_with_heatmap(
        solution,
        reference,
        FN,
        q,
        k,
        v,
        heatmap="weights",
        mask=mask,
        outputs=OUTPUTS,
        hint=note("mask"),
    )


def test_stable_for_large_scores(solution, reference):
    q, k, v = _qkv(50, (2,), 3, 5, 4, 3, scale=100.0)
    check_with_heatmap(
        solution.stable,
        reference,
        FN,
        q,
        k,
        v,
        outputs=OUTPUTS,
        heatmap="weights",
        hint=note("stable_for_large_scores"),
    )


def test_stable_for_large_scores_with_mask(solution, reference):
    q, k, v = _qkv(51, (2,), 4, 4, 4, 3, scale=100.0)
    mask = np.tril(np.ones((4, 4), dtype=bool))
    check_with_heatmap(
        solution.stable,
        reference,
        FN,
        q,
        k,
        v,
        mask=mask,
        outputs=OUTPUTS,
        heatmap="weights",
        hint=note("stable_for_large_scores_with_mask"),
    )


def test_queries_broadcast_against_keys(solution, reference):
    # multi-query attention: every head of q reads the same keys and values (B, 1, Lk, d)
    q, _, _ = _qkv(44, (2, 3), 4, 5, 4, 3)
    _, k, v = _qkv(45, (2, 1), 4, 5, 4, 3)
    check_with_heatmap(
        solution, reference, FN, q, k, v, heatmap="weights", outputs=OUTPUTS, hint=note("broadcast")
    )
    padding = np.ones((2, 1, 1, 5), dtype=bool)
    padding[1, ..., 3:] = False
    check_with_heatmap(
        solution,
        reference,
        FN,
        q,
        k,
        v,
        mask=padding,
        outputs=OUTPUTS,
        heatmap="weights",
        hint=note("broadcast"),
    )
    # one set of queries (Lq, d) against a batch of key/value sequences (N, Lk, d)
    q, _, _ = _qkv(46, (), 3, 6, 4, 2)
    _, k, v = _qkv(47, (2,), 3, 6, 4, 2)
    check_with_heatmap(
        solution, reference, FN, q, k, v, heatmap="weights", outputs=OUTPUTS, hint=note("broadcast")
    )


def test_mask_shapes_that_broadcast(solution, reference):
    q, k, v = _qkv(48, (2, 3), 4, 5, 4, 3)
    rng = np.random.default_rng(49)
    key_mask = np.array([[True, False, True, True, False]])
    per_head = rng.random((3, 1, 5)) < 0.6
    per_head[..., 0] = True
    per_sequence = rng.random((2, 1, 4, 5)) < 0.6
    per_sequence[..., 2] = True
    for mask in (key_mask, per_head, per_sequence):
        check_with_heatmap(
            solution,
            reference,
            FN,
            q,
            k,
            v,
            heatmap="weights",
            mask=mask,
            outputs=OUTPUTS,
            hint=note("mask"),
        )


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
    check_with_heatmap(
        solution.stable,
        reference,
        FN,
        q,
        k,
        v,
        mask=mask,
        outputs=OUTPUTS,
        heatmap="weights",
        floor=0.0,
        hint=note("softmax_max_over_allowed_keys_only"),
    )


def test_allowed_scores_below_minus_1e9(solution, reference):
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
    got = check_with_heatmap(
        solution,
        reference,
        FN,
        q,
        k,
        v,
        mask=mask,
        outputs=OUTPUTS,
        heatmap="weights",
        floor=0.0,
        hint=note("allowed_scores_below_minus_1e9"),
    )
    weights = np.asarray(got[1])
    if np.any(weights[~np.broadcast_to(mask, weights.shape)] != 0.0):
        fail(note("blocked_key_weight"), function=FN, hint=note("mask"))


def test_fully_masked_query_raises(solution):
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
        because=note("empty_query_row"),
    )


def test_fully_masked_row_in_one_head_or_sequence_raises(solution):
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
        because=note("empty_row_in_one_head"),
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
        because=note("padding_hides_sequence"),
    )


def test_mask_with_extra_axis_raises(solution):
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
        because=note("mask_extra_axis"),
    )
    q, k, v = _qkv(67, (1,), 3, 4, 4, 2)
    expect_value_error(
        solution,
        FN,
        q,
        k,
        v,
        mask=np.ones((3, 3, 4), dtype=bool),
        because=note("mask_larger_batch"),
    )


def test_one_dimensional_inputs_raise(solution):
    q, k, v = _qkv(68, (), 3, 4, 4, 2)
    expect_value_error(solution, FN, q[0], k, v, because=note("q_one_d"))
    expect_value_error(
        solution,
        FN,
        q,
        k,
        v[:, 0],
        because=note("v_one_d"),
    )


def test_mismatched_feature_sizes_raise(solution):
    q, k, v = _qkv(61, (), 3, 4, 4, 4)
    expect_value_error(solution, FN, q, k[:, :3], v, because=note("q_and_k", q=(3, 4), k=(4, 3)))
    expect_value_error(
        solution, FN, q, k[:, :1], v,
        because=note("q_and_k_widths", q=(3, 4), k=(4, 1), d_q=4, d_k=1),
    )  # fmt: skip
    expect_value_error(
        solution, FN, q[:, :1], k, v,
        because=note("q_and_k_widths", q=(3, 1), k=(4, 4), d_q=1, d_k=4),
    )  # fmt: skip


def test_mismatched_key_counts_raise(solution):
    q, k, v = _qkv(62, (), 3, 4, 4, 4)
    expect_value_error(solution, FN, q, k, v[:3], because=note("key_counts", k=4, v=3))
    expect_value_error(solution, FN, q, k, v[:1], because=note("key_counts", k=4, v=1))


def test_non_boolean_mask_raises(solution):
    q, k, v = _qkv(63, (), 3, 4, 4, 4)
    causal = np.tril(np.ones((3, 4), dtype=bool))
    for dtype, why in (
        (np.float64, "float_mask"),
        (np.int64, "integer_mask"),
        (np.uint8, "uint8_mask"),
    ):  # why: the key of a note
        expect_value_error(
            solution,
            FN,
            q,
            k,
            v,
            mask=causal.astype(dtype),
            because=note("mask_not_boolean", dtype=np.dtype(dtype).name, why=note(why)),
        )
