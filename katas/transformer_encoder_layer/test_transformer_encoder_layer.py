"""Hidden tests for the transformer_encoder_layer kata."""

from __future__ import annotations

import numpy as np

from dlkata.judge import check_call, expect_value_error, note

FN = "transformer_encoder_layer"

NAMES = (
    "in_proj_weight",
    "in_proj_bias",
    "out_proj_weight",
    "out_proj_bias",
    "linear1_weight",
    "linear1_bias",
    "linear2_weight",
    "linear2_bias",
    "norm1_weight",
    "norm1_bias",
    "norm2_weight",
    "norm2_bias",
)

# (N, L, E, num_heads, F): batch 1, one position, F above and below E, head widths 1 to 4
SHAPES = [(1, 1, 4, 2, 6), (1, 5, 8, 2, 16), (2, 3, 6, 3, 5), (3, 4, 12, 4, 7), (2, 4, 10, 5, 20)]


def _params(rng, e, f):
    """Every parameter random and distinct: the norms' weights near 1 but not 1, their biases
    not 0, so that swapping, skipping or misplacing any of them changes the output."""
    shapes = {
        "in_proj_weight": (3 * e, e),
        "in_proj_bias": (3 * e,),
        "out_proj_weight": (e, e),
        "out_proj_bias": (e,),
        "linear1_weight": (f, e),
        "linear1_bias": (f,),
        "linear2_weight": (e, f),
        "linear2_bias": (e,),
        "norm1_weight": (e,),
        "norm1_bias": (e,),
        "norm2_weight": (e,),
        "norm2_bias": (e,),
    }
    params = {}
    for name in NAMES:
        shape = shapes[name]
        params[name] = rng.standard_normal(shape) / np.sqrt(shape[1] if len(shape) == 2 else 2)
    params["norm1_weight"] += 1.0
    params["norm2_weight"] += 1.0
    return params


def _inputs(seed, n, seq, e, f, scale=1.0):
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((n, seq, e)) * scale
    return x, _params(rng, e, f)


def _causal(seq):
    return np.tril(np.ones((seq, seq), dtype=bool))


def test_post_norm(solution, reference):
    for seed, (n, seq, e, h, f) in enumerate(SHAPES):
        x, params = _inputs(seed, n, seq, e, f)
        # with one position the attention returns that position's value projection, whatever
        # the scores: that case checks the block's structure alone
        hint = note("post") if seq == 1 else note("post", "attention")
        check_call(solution, reference, FN, x, params, num_heads=h, norm_first=False, hint=hint)


def test_post_norm_is_the_default(solution, reference):
    x, params = _inputs(10, 2, 4, 6, 9)
    check_call(solution, reference, FN, x, params, num_heads=2, hint=note("default_post"))


def test_pre_norm(solution, reference):
    for seed, (n, seq, e, h, f) in enumerate(SHAPES):
        x, params = _inputs(20 + seed, n, seq, e, f)
        # with one position the attention returns that position's value projection, whatever
        # the scores: that case checks the block's structure alone
        hint = note("pre") if seq == 1 else note("pre", "attention")
        check_call(solution, reference, FN, x, params, num_heads=h, norm_first=True, hint=hint)


def test_one_head(solution, reference):
    for norm_first in (False, True):
        x, params = _inputs(30 + norm_first, 2, 4, 6, 8)
        check_call(
            solution,
            reference,
            FN,
            x,
            params,
            num_heads=1,
            norm_first=norm_first,
            hint=note("one_head"),
        )


def test_heads_of_width_one(solution, reference):
    for norm_first in (False, True):
        x, params = _inputs(32 + norm_first, 2, 3, 4, 5, scale=2.0)
        check_call(
            solution,
            reference,
            FN,
            x,
            params,
            num_heads=4,
            norm_first=norm_first,
            hint=note("heads_of_width_one"),
        )


def test_params_found_by_name(solution, reference):
    # the same twelve arrays in another order: a dict is read by key, never by position
    x, params = _inputs(40, 2, 3, 8, 6)
    order = np.random.default_rng(41).permutation(len(NAMES))
    shuffled = {NAMES[i]: params[NAMES[i]] for i in order}
    for norm_first in (False, True):
        check_call(
            solution,
            reference,
            FN,
            x,
            shuffled,
            num_heads=2,
            norm_first=norm_first,
            hint=note("params_by_name"),
        )


def test_eps(solution, reference):
    # a large eps and rows of small spread: eps inside the square root, in both norms
    for norm_first in (False, True):
        x, params = _inputs(45 + norm_first, 2, 3, 6, 4, scale=0.3)
        check_call(
            solution,
            reference,
            FN,
            x,
            params,
            num_heads=3,
            norm_first=norm_first,
            eps=0.25,
            hint=note("eps"),
        )


def test_causal_mask(solution, reference):
    for norm_first in (False, True):
        x, params = _inputs(50 + norm_first, 2, 5, 8, 6)
        check_call(
            solution,
            reference,
            FN,
            x,
            params,
            num_heads=2,
            norm_first=norm_first,
            mask=_causal(5),
            hint=note("mask"),
        )


def test_mask_true_where_allowed(solution, reference):
    # not symmetric, not triangular; every query keeps one key, and some keep all but one
    mask = np.array(
        [
            [False, True, True, False],
            [True, False, True, True],
            [False, False, False, True],
            [True, True, False, True],
        ]
    )
    for norm_first in (False, True):
        x, params = _inputs(55 + norm_first, 3, 4, 6, 5)
        check_call(
            solution,
            reference,
            FN,
            x,
            params,
            num_heads=3,
            norm_first=norm_first,
            mask=mask,
            hint=note("mask"),
        )


def test_stable_for_large_inputs(solution, reference):
    for seed, (norm_first, mask) in enumerate(
        [(False, None), (False, _causal(4)), (True, None), (True, _causal(4))]
    ):
        x, params = _inputs(60 + seed, 2, 4, 8, 6, scale=1e4)
        check_call(
            solution.stable,
            reference,
            FN,
            x,
            params,
            num_heads=2,
            norm_first=norm_first,
            mask=mask,
            hint=note("stable"),
        )


def test_blocked_key_gets_no_weight(solution, reference):
    # E = 4, four heads of width 1, q = 4x and k = -4x exactly: head 0 scores query i against
    # key j as -16 * x[i, 0] * x[j, 0], one product that every correct implementation rounds
    # alike. Queries 0 and 1 may see keys 0 and 1 only, whose scores are about -1.6e9 (20
    # apart); the blocked key 2 scores about -1.6e5 for them and must still get no weight.
    rng = np.random.default_rng(65)
    params = _params(rng, 4, 6)
    params["in_proj_weight"][:4] = 4.0 * np.eye(4)
    params["in_proj_weight"][4:8] = -4.0 * np.eye(4)
    params["in_proj_bias"][:8] = 0.0
    x = np.array([[[1e4, 3.0, 0.5, -2.0], [1e4 + 1.25e-4, -1.0, 1.0, 0.25], [1.0, 2.0, -1.0, 1.5]]])
    mask = np.array([[True, True, False], [True, True, False], [False, True, True]])
    check_call(
        solution,
        reference,
        FN,
        x,
        params,
        num_heads=4,
        mask=mask,
        hint=note("blocked_key"),
    )


def test_heads_must_divide_embedding(solution):
    # E = 6 with 4 heads, E = 8 with 3: reshaping to (..., -1, E // num_heads) would still work
    for e, heads in ((6, 4), (8, 3)):
        x, params = _inputs(70, 2, 3, e, 5)
        expect_value_error(
            solution,
            FN,
            x,
            params,
            num_heads=heads,
            because=note("heads_do_not_divide", e=e, heads=heads),
        )


def test_x_must_be_three_dimensional(solution):
    x, params = _inputs(71, 2, 3, 4, 5)
    expect_value_error(solution, FN, x[0], params, num_heads=2, because=note("x_without_batch"))
    expect_value_error(solution, FN, x[None], params, num_heads=2, because=note("x_four_d"))


def test_mask_must_be_square_over_positions(solution):
    # each of these broadcasts against the scores (N, H, L, L) = (2, 2, 3, 3)
    x, params = _inputs(72, 2, 3, 4, 5)
    for shape in ((3,), (1, 3, 3), (2, 1, 3, 3), (3, 1)):
        expect_value_error(
            solution,
            FN,
            x,
            params,
            num_heads=2,
            mask=np.ones(shape, dtype=bool),
            because=note("mask_shape", shape=shape),
        )


def test_query_with_no_key_raises(solution):
    x, params = _inputs(73, 2, 4, 4, 5)
    mask = _causal(4)
    mask[2] = False
    for norm_first in (False, True):
        expect_value_error(
            solution,
            FN,
            x,
            params,
            num_heads=2,
            norm_first=norm_first,
            mask=mask,
            because=note("empty_query_row"),
        )
