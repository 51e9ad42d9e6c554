"""Hidden tests for the multi_head_attention kata."""

from __future__ import annotations

import numpy as np

from dlkata.judge import check_call, expect_value_error

FN = "multi_head_attention"

HINT_SPLIT = (
    "Head h owns the contiguous features h*hd .. (h+1)*hd - 1: reshape (N, L, E) to "
    "(N, L, H, hd) and transpose to (N, H, L, hd); merge back with the inverse transpose before "
    "reshaping to (N, L, E)."
)
HINT_MASK = (
    "The mask is True where a query MAY attend (the opposite of nn.MultiheadAttention's boolean "
    "mask); broadcast it to (N, H, L, L) and put -inf into the scores where it is False."
)


def _inputs(seed, n, seq, e, scale=1.0):
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((n, seq, e)) * scale
    ws = [rng.standard_normal((e, e)) / np.sqrt(e) for _ in range(4)]
    return x, *ws


def test_single_head(solution, reference):
    """One head (plain projected attention) matches the reference, batch 1 and 2."""
    for seed, (n, seq, e) in enumerate([(1, 4, 3), (2, 5, 4)]):
        check_call(
            solution,
            reference,
            FN,
            *_inputs(seed, n, seq, e),
            num_heads=1,
            hint="With one head this is attention(x @ w_q.T, x @ w_k.T, x @ w_v.T) @ w_o.T: "
            "weights are (out, in) and are applied as x @ w.T; do not forget w_o.",
        )


def test_projections_use_linear_convention(solution, reference):
    """Non-symmetric weights are applied as x @ w.T, and the output projection w_o is applied."""
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
        hint="Linear weights are (out_features, in_features): q = x @ w_q.T (not x @ w_q), and "
        "the merged heads go through w_o the same way: out = merged @ w_o.T.",
    )


def test_several_heads(solution, reference):
    """Several heads on several shapes (batch 1, L != E, hd = 1) match the reference."""
    cases = [(1, 5, 8, 2), (2, 3, 6, 3), (3, 4, 12, 4), (2, 7, 8, 8), (2, 4, 10, 5)]
    for seed, (n, seq, e, h) in enumerate(cases):
        check_call(
            solution, reference, FN, *_inputs(10 + seed, n, seq, e), num_heads=h, hint=HINT_SPLIT
        )


def test_head_scale(solution, reference):
    """Each head scales its scores by 1/sqrt(E / num_heads), the head width."""
    check_call(
        solution,
        reference,
        FN,
        *_inputs(20, 2, 4, 8, scale=2.0),
        num_heads=4,
        hint="Each head is an attention of width hd = E // num_heads: divide its scores by "
        "sqrt(hd), not by sqrt(E).",
    )


def test_causal_mask(solution, reference):
    """A causal (L, L) mask shared by every sequence and head matches the reference."""
    mask = np.tril(np.ones((5, 5), dtype=bool))
    check_call(
        solution, reference, FN, *_inputs(30, 2, 5, 8), num_heads=2, mask=mask, hint=HINT_MASK
    )


def test_per_sequence_and_per_head_masks(solution, reference):
    """Masks of shape (N, 1, L, L) and (N, H, L, L) broadcast as documented."""
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
        hint=HINT_MASK,
    )
    per_head = rng.random((2, 3, 4, 4)) < 0.5
    per_head[..., 2] = True
    check_call(
        solution, reference, FN, *_inputs(33, 2, 4, 6), num_heads=3, mask=per_head, hint=HINT_MASK
    )


def test_stable_for_large_inputs(solution, reference):
    """Large inputs (scores of order 1e4) give no overflow or NaN and match the reference."""
    check_call(
        solution.stable,
        reference,
        FN,
        *_inputs(40, 2, 4, 8, scale=60.0),
        num_heads=2,
        hint="Subtract each row's maximum score before np.exp in the softmax.",
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
    """A blocked key with a huge score changes nothing: the maximum is over the allowed keys."""
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
        hint="Put -inf into the blocked scores first, then subtract the maximum of what is "
        "left: a maximum that includes a blocked key with a huge score makes every allowed "
        "exponential underflow to 0 (0 / 0).",
    )


def test_allowed_scores_below_minus_1e9(solution, reference):
    """With every allowed score below -1e9, a blocked key still gets no weight (-inf, not -1e9)."""
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
        hint="Blocked scores must become -inf, below ANY allowed score: -1e9 is not below an "
        "allowed score of -1.6e9, so the blocked key takes the weight.",
    )


def test_fully_masked_row_in_one_head_or_sequence_raises(solution):
    """One empty mask row in one head, or one sequence with every key padded, is a ValueError."""
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
        because="in sequence 1, head 2, query 0 may attend to no key (only that row is empty)",
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
        because="the key-padding mask (N, 1, 1, L) hides every key of sequence 1",
    )


def test_mask_with_extra_axis_raises(solution):
    """A mask with more axes than (N, num_heads, L, L) is a ValueError, not a bigger output."""
    mask = np.ones((2, 2, 2, 3, 3), dtype=bool)
    mask[1, ..., 0] = False
    expect_value_error(
        solution,
        FN,
        *_inputs(57, 2, 3, 6),
        num_heads=2,
        mask=mask,
        because="the scores are (N, H, L, L) = (2, 2, 3, 3); a (2, 2, 2, 3, 3) mask does not "
        "broadcast to them",
    )


def test_heads_must_divide_embedding(solution):
    """num_heads that does not divide E is a ValueError."""
    for e, heads in ((6, 4), (6, 5), (8, 3)):
        expect_value_error(
            solution,
            FN,
            *_inputs(50, 2, 3, e),
            num_heads=heads,
            because=f"E = {e} cannot be split into {heads} heads of equal width",
        )


def test_num_heads_must_be_an_integer(solution):
    """num_heads = 2.0 (a float) is a ValueError, even though 2 divides E."""
    expect_value_error(
        solution,
        FN,
        *_inputs(50, 2, 3, 6),
        num_heads=2.0,
        because="num_heads must be an int; 2.0 is a float",
    )


def test_zero_heads_raise(solution):
    """num_heads = 0 is a ValueError."""
    expect_value_error(
        solution, FN, *_inputs(51, 2, 3, 6), num_heads=0, because="there must be at least one head"
    )


def test_fully_masked_query_raises(solution):
    """A query with no allowed key is a ValueError, as in scaled_dot_product_attention."""
    mask = np.ones((3, 3), dtype=bool)
    mask[2] = False
    expect_value_error(
        solution,
        FN,
        *_inputs(52, 2, 3, 6),
        num_heads=2,
        mask=mask,
        because="query 2 may attend to no key",
    )


def test_non_boolean_mask_raises(solution):
    """Float and integer 0/1 masks are a ValueError: the mask must be boolean."""
    causal = np.tril(np.ones((3, 3), dtype=bool))
    for dtype in (np.float64, np.int64, np.uint8):
        expect_value_error(
            solution,
            FN,
            *_inputs(53, 2, 3, 6),
            num_heads=2,
            mask=causal.astype(dtype),
            because=f"the mask has dtype {np.dtype(dtype).name}; it must be boolean",
        )


def test_wrong_weight_shape_raises(solution):
    """A weight that is not (E, E) is a ValueError, also when the products would still work."""
    x, w_q, w_k, w_v, w_o = _inputs(54, 2, 3, 6)
    rng = np.random.default_rng(58)
    tall, wide = rng.standard_normal((4, 6)), rng.standard_normal((6, 4))
    cases = [
        ((w_q, w_k[:, :4], w_v, w_o), "w_k is (6, 4), not (E, E) = (6, 6)"),
        ((w_q, w_k, w_v, tall), "w_o is (4, 6): the output would have 4 features, not E = 6"),
        (
            (w_q, w_k, tall, wide),
            "w_v is (4, 6) and w_o (6, 4): the products fit, but neither is (E, E) = (6, 6)",
        ),
        ((tall, tall, w_v, w_o), "w_q and w_k are (4, 6): q and k would have 4 features"),
    ]
    for weights, because in cases:
        expect_value_error(solution, FN, x, *weights, num_heads=2, because=because)


def test_x_must_be_three_dimensional(solution):
    """x of shape (L, E) or (M, N, L, E) is a ValueError: x must be (N, L, E)."""
    x, *weights = _inputs(59, 2, 3, 6)
    expect_value_error(
        solution, FN, x[0], *weights, num_heads=2, because="x is (L, E) = (3, 6), not (N, L, E)"
    )
    expect_value_error(
        solution,
        FN,
        x[None],
        *weights,
        num_heads=2,
        because="x is (1, 2, 3, 6), not (N, L, E)",
    )
