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


def test_heads_must_divide_embedding(solution):
    """num_heads that does not divide E is a ValueError."""
    inputs = _inputs(50, 2, 3, 6)
    for heads in (4, 5):
        expect_value_error(
            solution,
            FN,
            *inputs,
            num_heads=heads,
            because=f"E = 6 cannot be split into {heads} heads of equal width",
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
    """A float 0/1 mask is a ValueError: the mask must be boolean."""
    expect_value_error(
        solution,
        FN,
        *_inputs(53, 2, 3, 6),
        num_heads=2,
        mask=np.tril(np.ones((3, 3))),
        because="the mask has dtype float64",
    )


def test_wrong_weight_shape_raises(solution):
    """A weight that is not (E, E) is a ValueError."""
    x, w_q, w_k, w_v, w_o = _inputs(54, 2, 3, 6)
    expect_value_error(
        solution,
        FN,
        x,
        w_q,
        w_k[:, :4],
        w_v,
        w_o,
        num_heads=2,
        because="w_k is (6, 4), not (E, E) = (6, 6)",
    )
