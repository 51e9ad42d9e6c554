"""Hidden tests for the multi_head_attention kata."""

from __future__ import annotations

import numpy as np

from dlkata.judge import check_call, expect_value_error, note

FN = "multi_head_attention"


def _inputs(seed, n, seq, e, scale=1.0):
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((n, seq, e)) * scale
    ws = [rng.standard_normal((e, e)) / np.sqrt(e) for _ in range(4)]
    return x, *ws


def test_single_head(solution, reference):
    for seed, (n, seq, e) in enumerate([(1, 4, 3), (2, 5, 4)]):
        check_call(
            solution,
            reference,
            FN,
            *_inputs(seed, n, seq, e),
            num_heads=1,
            hint=note("single_head"),
        )


def test_projections_use_linear_convention(solution, reference):
    x, w_q, w_k, w_v, w_o = _inputs(5, 2, 3, 4)
    w_o = w_o + np.triu(np.ones((4, 4)))  # far from the identity and from symmetric
    check_call(
        solution,
        reference,
        FN,
        x,
        w_q,
        w_k,
        w_v,
        w_o,
        num_heads=2,
        hint=note("projections_use_linear_convention"),
    )


def test_several_heads(solution, reference):
    cases = [(1, 5, 8, 2), (2, 3, 6, 3), (3, 4, 12, 4), (2, 7, 8, 8), (2, 4, 10, 5)]
    for seed, (n, seq, e, h) in enumerate(cases):
        check_call(
            solution, reference, FN, *_inputs(10 + seed, n, seq, e), num_heads=h, hint=note("split")
        )


def test_head_scale(solution, reference):
    check_call(
        solution,
        reference,
        FN,
        *_inputs(20, 2, 4, 8, scale=2.0),
        num_heads=4,
        hint=note("head_scale"),
    )


def test_causal_mask(solution, reference):
    mask = np.tril(np.ones((5, 5), dtype=bool))
    check_call(
        solution, reference, FN, *_inputs(30, 2, 5, 8), num_heads=2, mask=mask, hint=note("mask")
    )


def test_per_sequence_and_per_head_masks(solution, reference):
    rng = np.random.default_rng(31)
    per_sequence = rng.random((2, 1, 4, 4)) < 0.5
    per_sequence[..., 0] = True
    check_call(
        solution,
        reference,
        FN,
        *_inputs(32, 2, 4, 6),
        num_heads=3,
        mask=per_sequence,
        hint=note("mask"),
    )
    per_head = rng.random((2, 3, 4, 4)) < 0.5
    per_head[..., 2] = True
    check_call(
        solution,
        reference,
        FN,
        *_inputs(33, 2, 4, 6),
        num_heads=3,
        mask=per_head,
        hint=note("mask"),
    )


def test_stable_for_large_inputs(solution, reference):
    check_call(
        solution.stable,
        reference,
        FN,
        *_inputs(40, 2, 4, 8, scale=60.0),
        num_heads=2,
        hint=note("stable_for_large_inputs"),
    )


def _one_wide_heads(x, sign_k, seed):
    """Inputs with E = 2 and two heads of width 1: q = x, k = sign_k * x exactly, so head h's
    score of query i for key j is sign_k * x[i, h] * x[j, h], one product that every correct
    implementation rounds alike (and sqrt(1) = 1 exactly)."""
    rng = np.random.default_rng(seed)
    x = np.asarray(x, dtype=np.float64)
    w_q = np.eye(2)
    w_k = sign_k * np.eye(2)
    w_v = rng.standard_normal((2, 2))
    w_o = rng.standard_normal((2, 2))
    return x, w_q, w_k, w_v, w_o


def test_softmax_max_over_allowed_keys_only(solution, reference):
    # positions 0, 1 small, position 2 large: under the causal mask, queries 0 and 1 must not see
    # key 2, whose scores for them are about 1000 and 900 above their allowed ones
    x = np.array([[[1.0, -2.0], [0.5, 1.0], [1000.0, 900.0]]])
    causal = np.tril(np.ones((3, 3), dtype=bool))
    check_call(
        solution.stable,
        reference,
        FN,
        *_one_wide_heads(x, 1.0, 34),
        num_heads=2,
        mask=causal,
        hint=note("softmax_max_over_allowed_keys_only"),
    )


def test_allowed_scores_below_minus_1e9(solution, reference):
    # k = -x: head 0 scores -x_i * x_j. Queries 0 and 1 may see keys 0 and 1 only (scores about
    # -1.6e9, 20 apart); key 2 (x = 1) scores -4e4 for them and must stay blocked.
    x = np.array([[[4e4, 3.0], [4e4 + 5e-4, -1.0], [1.0, 2.0]]])
    mask = np.array([[True, True, False], [True, True, False], [False, True, True]])
    check_call(
        solution,
        reference,
        FN,
        *_one_wide_heads(x, -1.0, 35),
        num_heads=2,
        mask=mask,
        hint=note("allowed_scores_below_minus_1e9"),
    )


def test_fully_masked_row_in_one_head_or_sequence_raises(solution):
    inputs = _inputs(55, 2, 4, 6)
    per_head = np.random.default_rng(56).random((2, 3, 4, 4)) < 0.5
    per_head[..., 1] = True
    per_head[1, 2, 0] = False
    expect_value_error(
        solution,
        FN,
        *inputs,
        num_heads=3,
        mask=per_head,
        because=note("empty_row_in_one_head"),
    )
    padding = np.ones((2, 1, 1, 4), dtype=bool)
    padding[0, ..., 2:] = False
    padding[1] = False
    expect_value_error(
        solution,
        FN,
        *inputs,
        num_heads=3,
        mask=padding,
        because=note("padding_hides_sequence"),
    )


def test_mask_with_extra_axis_raises(solution):
    mask = np.ones((2, 2, 2, 3, 3), dtype=bool)
    mask[1, ..., 0] = False
    expect_value_error(
        solution,
        FN,
        *_inputs(57, 2, 3, 6),
        num_heads=2,
        mask=mask,
        because=note("mask_extra_axis"),
    )


def test_heads_must_divide_embedding(solution):
    for e, heads in ((6, 4), (6, 5), (8, 3)):
        expect_value_error(
            solution,
            FN,
            *_inputs(50, 2, 3, e),
            num_heads=heads,
            because=note("heads_do_not_divide", e=e, heads=heads),
        )


def test_num_heads_must_be_an_integer(solution):
    expect_value_error(
        solution,
        FN,
        *_inputs(50, 2, 3, 6),
        num_heads=2.0,
        because=note("heads_not_int"),
    )


def test_zero_heads_raise(solution):
    expect_value_error(solution, FN, *_inputs(51, 2, 3, 6), num_heads=0, because=note("zero_heads"))


def test_fully_masked_query_raises(solution):
    mask = np.ones((3, 3), dtype=bool)
    mask[2] = False
    expect_value_error(
        solution,
        FN,
        *_inputs(52, 2, 3, 6),
        num_heads=2,
        mask=mask,
        because=note("empty_query_row"),
    )


def test_non_boolean_mask_raises(solution):
    causal = np.tril(np.ones((3, 3), dtype=bool))
    for dtype in (np.float64, np.int64, np.uint8):
        expect_value_error(
            solution,
            FN,
            *_inputs(53, 2, 3, 6),
            num_heads=2,
            mask=causal.astype(dtype),
            because=note("mask_not_boolean", dtype=np.dtype(dtype).name),
        )


def test_wrong_weight_shape_raises(solution):
    x, w_q, w_k, w_v, w_o = _inputs(54, 2, 3, 6)
    rng = np.random.default_rng(58)
    tall, wide = rng.standard_normal((4, 6)), rng.standard_normal((6, 4))
    cases = [
        ((w_q, w_k[:, :4], w_v, w_o), "w_k_not_square"),
        ((w_q, w_k, w_v, tall), "w_o_tall"),
        ((w_q, w_k, tall, wide), "w_v_and_w_o_fit"),
        ((tall, tall, w_v, w_o), "w_q_and_w_k_tall"),
    ]
    for weights, because in cases:  # because: the key of a note
        expect_value_error(solution, FN, x, *weights, num_heads=2, because=note(because))


def test_x_must_be_three_dimensional(solution):
    x, *weights = _inputs(59, 2, 3, 6)
    expect_value_error(solution, FN, x[0], *weights, num_heads=2, because=note("x_without_batch"))
    expect_value_error(
        solution,
        FN,
        x[None],
        *weights,
        num_heads=2,
        because=note("x_four_d"),
    )
