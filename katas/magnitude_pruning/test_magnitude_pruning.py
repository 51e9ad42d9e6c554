"""Hidden tests for `magnitude_pruning`: which entries are pruned (count and order, ties allowed),
how `amount` is read (count or fraction, rounding halves to even), zeros ranked like any entry,
global ranking across arrays, the masks' dtype, and the error rules."""

from __future__ import annotations

import numpy as np
import pytest

from dlkata.judge import assert_close, expect_array, expect_value_error, fail, note

SINGLE = "prune_by_magnitude"
GLOBAL = "global_prune_by_magnitude"


def normal(shape, seed, scale=1.0):
    return scale * np.random.default_rng(seed).standard_normal(shape)


def check_pruning(solution, reference, function, arrays, amount, *, hint):
    """Call `function` on `arrays` (one array for `prune_by_magnitude`) and check the masks: float64
    of 0.0 and 1.0 in each input's shape, exactly the reference's number of pruned entries, no
    pruned |w| above a kept one (any choice among tied entries passes), `pruned = w * mask`."""
    call = (arrays[0],) if function == SINGLE else (list(arrays),)
    got = solution.call(function, *call, amount)
    expected = reference.call(function, *call, amount)
    if not isinstance(got, (tuple, list)) or len(got) != 2:
        fail(note("two_results", got=type(got).__name__), function=function, hint=hint)
    if function == SINGLE:
        got_pruned, got_masks, ref_masks = [got[0]], [got[1]], [expected[1]]
    else:
        for part in got:
            if not isinstance(part, (list, tuple)) or len(part) != len(arrays):
                fail(
                    note("one_per_input", count=len(arrays), got=type(part).__name__),
                    function=function,
                    hint=hint,
                )
        got_pruned, got_masks, ref_masks = list(got[0]), list(got[1]), list(expected[1])
    for i, (w, mask, pruned) in enumerate(zip(arrays, got_masks, got_pruned, strict=True)):
        expect_array(mask, w.shape, function=function, what=f"mask[{i}]")
        expect_array(pruned, w.shape, function=function, what=f"pruned[{i}]")
        if not np.all((mask == 0.0) | (mask == 1.0)):
            fail(note("mask_values"), function=function, hint=hint)
    magnitudes = np.concatenate([np.abs(w).ravel() for w in arrays])
    mask = np.concatenate([m.ravel() for m in got_masks])
    k = int(np.sum(np.concatenate([m.ravel() for m in ref_masks]) == 0.0))
    count = int(np.sum(mask == 0.0))
    if count != k:
        fail(
            note("pruned_count", got=count, k=k, size=magnitudes.size, amount=repr(amount)),
            function=function,
            hint=hint,
        )
    if 0 < k < magnitudes.size:
        largest_pruned = float(magnitudes[mask == 0.0].max())
        smallest_kept = float(magnitudes[mask == 1.0].min())
        if largest_pruned > smallest_kept:
            fail(
                note("order", pruned=largest_pruned, kept=smallest_kept),
                function=function,
                hint=hint,
            )
    for i, (w, m, pruned) in enumerate(zip(arrays, got_masks, got_pruned, strict=True)):
        assert_close(
            pruned, w * m, what=f"pruned[{i}] = w * mask", function=function, hint=note("product")
        )


SHAPES = [(4, 5), (3, 2, 3, 3), (7,), (1, 1, 6), (2, 8)]


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("amount", [0.0, 0.2, 0.5, 0.9, 1.0])
def test_fraction(solution, reference, shape, amount):
    w = normal(shape, seed=len(shape) * 10 + shape[-1])
    check_pruning(solution, reference, SINGLE, [w], amount, hint=note("fraction"))


@pytest.mark.parametrize("shape", [(4, 5), (3, 2, 3, 3), (7,)])
def test_integer_count(solution, reference, shape):
    w = normal(shape, seed=3 + shape[0])
    size = int(np.prod(shape))
    for amount in (0, 1, 3, size - 1, size):
        check_pruning(solution, reference, SINGLE, [w], amount, hint=note("count"))


def test_one_is_a_count_and_one_point_zero_everything(solution, reference):
    w = normal((3, 4), seed=11)
    check_pruning(solution, reference, SINGLE, [w], 1, hint=note("one_and_one_point_zero"))
    check_pruning(solution, reference, SINGLE, [w], 1.0, hint=note("one_and_one_point_zero"))


@pytest.mark.parametrize("amount", [np.int64(4), np.int32(7), np.int64(1)])
def test_numpy_integer_is_a_count(solution, reference, amount):
    w = normal((3, 5), seed=int(amount))
    check_pruning(solution, reference, SINGLE, [w], amount, hint=note("numpy_integer"))


# (size, fraction): amount * size is 2.5, 1.5, 2.5, 4.5, 3.5, 1.5 (halves, to even), 2.7 and 29
# less a rounding error (floor is wrong), 0.5 of a single entry (rounds to 0)
ROUNDING = [(5, 0.5), (12, 0.125), (10, 0.25), (10, 0.45), (14, 0.25), (6, 0.25), (9, 0.3)]
ROUNDING += [(100, 0.29), (1, 0.5)]


@pytest.mark.parametrize(("size", "amount"), ROUNDING)
def test_fraction_rounds_half_to_even(solution, reference, size, amount):
    w = normal((size,), seed=size)
    check_pruning(
        solution,
        reference,
        SINGLE,
        [w],
        amount,
        hint=note("rounding", amount=amount, size=size, product=repr(amount * size)),
    )


def with_zeros(shape, zeros, seed):
    """A normal array with `zeros` entries already exactly 0 (an array pruned before)."""
    rng = np.random.default_rng(seed)
    w = rng.standard_normal(shape)
    w.ravel()[rng.choice(w.size, size=zeros, replace=False)] = 0.0
    return w


@pytest.mark.parametrize("amount", [0.25, 0.5, 0.75, 2, 5, 9, 0.3])
def test_zeros_are_ranked_like_any_entry(solution, reference, amount):
    w = with_zeros((4, 5), zeros=5, seed=21)
    check_pruning(solution, reference, SINGLE, [w], amount, hint=note("zeros"))


def test_all_zero(solution, reference):
    for amount in (0.5, 3, 1.0):
        check_pruning(solution, reference, SINGLE, [np.zeros((2, 3))], amount, hint=note("zeros"))


def tied(shape, seed):
    """Small integers with random signs: many entries share a magnitude."""
    rng = np.random.default_rng(seed)
    return rng.integers(1, 4, size=shape) * rng.choice([-1.0, 1.0], size=shape)


@pytest.mark.parametrize("amount", [0.25, 0.5, 3, 7, 0.9])
def test_ties_at_the_threshold(solution, reference, amount):
    w = tied((3, 4), seed=5)
    check_pruning(solution, reference, SINGLE, [w], amount, hint=note("ties"))


def test_magnitude_not_value(solution, reference):
    w = np.array([[-5.0, 0.1, -0.2, 3.0], [-4.0, 0.3, 2.0, -0.05]])
    for amount in (0.5, 2, 6):
        check_pruning(solution, reference, SINGLE, [w], amount, hint=note("magnitude"))


def test_empty(solution, reference):
    for amount in (0, 0.0, 0.5, 1.0):
        check_pruning(solution, reference, SINGLE, [np.zeros((0, 3))], amount, hint=note("count"))


def layers(seed):
    """Layers of different scales and shapes: a global ranking prunes them unevenly."""
    return [
        normal((4, 3), seed, scale=0.1),
        normal((2, 3, 2, 2), seed + 1, scale=1.0),
        normal((5,), seed + 2, scale=3.0),
    ]


@pytest.mark.parametrize("amount", [0.0, 0.3, 0.5, 0.8, 1.0, 0, 1, 12, 20, 40, 41])
def test_global(solution, reference, amount):
    check_pruning(solution, reference, GLOBAL, layers(seed=7), amount, hint=note("global"))


def test_global_numpy_integer(solution, reference):
    check_pruning(solution, reference, GLOBAL, layers(seed=9), np.int64(15), hint=note("global"))


# totals: 10 at 0.25 (2.5 -> 2), 14 at 0.25 (3.5 -> 4), 10 at 0.3 (3, where rounding each array
# gives 2 + 2), 4 at 0.25 (1, where each array gives 0 + 0), 9 at 0.3 (2.7 -> 3)
GLOBAL_ROUNDING = [((5,), (5,), 0.25), ((7,), (7,), 0.25), ((5,), (5,), 0.3), ((2,), (2,), 0.25)]
GLOBAL_ROUNDING += [((4,), (5,), 0.3)]


@pytest.mark.parametrize(("first", "second", "amount"), GLOBAL_ROUNDING)
def test_global_k_from_the_total(solution, reference, first, second, amount):
    arrays = [normal(first, seed=1), normal(second, seed=2, scale=1.5)]
    total = arrays[0].size + arrays[1].size
    check_pruning(
        solution,
        reference,
        GLOBAL,
        arrays,
        amount,
        hint=note("rounding", amount=amount, size=total, product=repr(amount * total)),
    )


def test_global_zeros_and_ties(solution, reference):
    arrays = [with_zeros((3, 3), zeros=3, seed=4), tied((2, 5), seed=6), with_zeros((4,), 4, 8)]
    for amount in (0.25, 0.5, 9, 0.75):
        check_pruning(solution, reference, GLOBAL, arrays, amount, hint=note("global", "zeros"))


def test_global_single_array_equals_single(solution, reference):
    w = normal((3, 4), seed=13)
    for amount in (0.5, 5):
        check_pruning(solution, reference, GLOBAL, [w], amount, hint=note("global"))


@pytest.mark.parametrize("amount", [1.5, -0.25, 1.0000001])
def test_error_fraction_outside_unit_interval(solution, amount):
    for function, arg in ((SINGLE, np.ones((2, 3))), (GLOBAL, [np.ones((2, 3)), np.ones(4)])):
        expect_value_error(solution, function, arg, amount, because=note("bad_fraction", a=amount))


@pytest.mark.parametrize("amount", [-1, -6, np.int64(-2)])
def test_error_negative_count(solution, amount):
    for function, arg in ((SINGLE, np.ones((2, 3))), (GLOBAL, [np.ones((2, 3)), np.ones(4)])):
        because = note("negative_count", a=amount)
        expect_value_error(solution, function, arg, amount, because=because)


def test_error_count_larger_than_size(solution):
    expect_value_error(solution, SINGLE, np.ones((2, 3)), 7, because=note("too_many", a=7, n=6))
    expect_value_error(
        solution, SINGLE, np.ones((2, 3)), np.int64(9), because=note("too_many", a=9, n=6)
    )
    expect_value_error(
        solution, GLOBAL, [np.ones((2, 3)), np.ones(4)], 11, because=note("too_many", a=11, n=10)
    )
