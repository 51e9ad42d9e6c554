"""Hidden tests for the positional_encoding kata."""

from __future__ import annotations

import numpy as np

from dlkata.judge import assert_close, check_call, expect_value_error

FN = "positional_encoding"

HINT_PAIR = (
    "Columns 2i and 2i + 1 share one angle, pos / 10000 ** (2i / d_model), where 2i is the even "
    "column of the pair: the cosine column does not get exponent (2i + 1) / d_model, and the "
    "exponent is 2i / d_model, not i / d_model."
)


def test_first_rows(solution, reference):
    """Row 0 is 0, 1, 0, 1, ... and row 1 holds sin(1), cos(1), ... (positions start at 0)."""
    pe = solution.positional_encoding(3, 6)
    assert_close(
        np.asarray(pe)[:1],
        np.tile([0.0, 1.0], 3)[None],
        what="row 0 (position 0)",
        function=FN,
        hint="Positions run 0 .. seq_len - 1, and sines (even columns) come before cosines "
        "(odd columns) within each pair, interleaved.",
    )
    check_call(solution, reference, FN, 3, 6, hint=HINT_PAIR)


def test_interleaved_even_width(solution, reference):
    """Sines and cosines interleave column by column for an even d_model."""
    check_call(
        solution,
        reference,
        FN,
        5,
        4,
        hint="Interleave: pe[:, 0::2] are sines and pe[:, 1::2] cosines, not all sines first "
        "and all cosines after.",
    )


def test_frequency_per_pair(solution, reference):
    """Each pair of columns uses pos / 10000 ** (2i / d_model) for sine and cosine alike."""
    for seq_len, d_model in [(10, 6), (8, 2), (12, 16)]:
        check_call(solution, reference, FN, seq_len, d_model, hint=HINT_PAIR)


def test_odd_width_ends_on_sine(solution, reference):
    """An odd d_model ends on a sine column (d_model = 1, 3, 5, 7 and 33)."""
    for seq_len, d_model in [(4, 1), (6, 5), (10, 7), (3, 3), (64, 33)]:
        check_call(
            solution,
            reference,
            FN,
            seq_len,
            d_model,
            hint="For odd d_model there are ceil(d_model / 2) sine columns and d_model // 2 "
            "cosine columns; the last column is the sine of its own pair 2i = d_model - 1.",
        )


def test_long_table_in_float64(solution, reference):
    """A long table (seq_len 100, d_model 32) matches in float64 precision."""
    check_call(
        solution,
        reference,
        FN,
        100,
        32,
        hint="Compute in float64 (contract rule 2); float32 angles lose about 1e-5 at "
        "position 100.",
    )


def test_empty_sequence(solution, reference):
    """seq_len = 0 gives an empty table of shape (0, d_model)."""
    check_call(solution, reference, FN, 0, 4, hint="np.arange(0) is empty: no special case needed.")


def test_negative_length_raises(solution):
    """A negative seq_len is a ValueError (np.arange(-1) would give an empty table)."""
    for seq_len in (-1, -3):
        expect_value_error(solution, FN, seq_len, 4, because=f"seq_len must be >= 0, got {seq_len}")


def test_non_positive_width_raises(solution):
    """d_model = 0 (which gives a silent (3, 0) table) or below is a ValueError."""
    for d_model in (0, -2):
        expect_value_error(solution, FN, 3, d_model, because=f"d_model must be >= 1, got {d_model}")


def test_non_integer_raises(solution):
    """A float seq_len or d_model is a ValueError, not rounded or truncated."""
    expect_value_error(
        solution, FN, 2.5, 4, because="seq_len must be an integer; np.arange(2.5) has 3 entries"
    )
    expect_value_error(solution, FN, 3, 4.0, because="d_model must be an integer, got 4.0")
