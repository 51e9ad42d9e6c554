"""Hidden tests for the positional_encoding kata."""

from __future__ import annotations

import numpy as np

from dlkata.judge import assert_close, check_call, expect_value_error, note

FN = "positional_encoding"


def test_first_rows(solution, reference):
    pe = solution.positional_encoding(3, 6)
    assert_close(
        np.asarray(pe)[:1],
        np.tile([0.0, 1.0], 3)[None],
        what="row 0 (position 0)",
        function=FN,
        hint=note("first_rows"),
    )
    check_call(solution, reference, FN, 3, 6, hint=note("pair"))


def test_interleaved_even_width(solution, reference):
    check_call(
        solution,
        reference,
        FN,
        5,
        4,
        hint=note("interleaved_even_width"),
    )


def test_frequency_per_pair(solution, reference):
    for seq_len, d_model in [(10, 6), (8, 2), (12, 16)]:
        check_call(solution, reference, FN, seq_len, d_model, hint=note("pair"))


def test_odd_width_ends_on_sine(solution, reference):
    for seq_len, d_model in [(4, 1), (6, 5), (10, 7), (3, 3), (64, 33)]:
        check_call(
            solution,
            reference,
            FN,
            seq_len,
            d_model,
            hint=note("odd_width_ends_on_sine"),
        )


def test_long_table_in_float64(solution, reference):
    check_call(
        solution,
        reference,
        FN,
        100,
        32,
        hint=note("long_table_in_float64"),
    )


def test_empty_sequence(solution, reference):
    check_call(solution, reference, FN, 0, 4, hint=note("empty_sequence"))


def test_negative_length_raises(solution):
    for seq_len in (-1, -3):
        expect_value_error(
            solution, FN, seq_len, 4, because=note("negative_length", seq_len=seq_len)
        )


def test_non_positive_width_raises(solution):
    for d_model in (0, -2):
        expect_value_error(
            solution, FN, 3, d_model, because=note("non_positive_width", d_model=d_model)
        )


def test_non_integer_raises(solution):
    expect_value_error(solution, FN, 2.5, 4, because=note("length_not_int"))
    expect_value_error(solution, FN, 3, 4.0, because=note("width_not_int"))
