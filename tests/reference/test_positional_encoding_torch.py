"""Cross-check reference/positional_encoding.py against a direct torch computation."""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch

from tests.support import load_reference

ref = load_reference("positional_encoding")


def _torch_pe(seq_len: int, d_model: int) -> np.ndarray:
    """The formula written column by column in torch (no shared code with the reference)."""
    pos = torch.arange(seq_len, dtype=torch.float64)
    pe = torch.zeros(seq_len, d_model, dtype=torch.float64)
    for col in range(d_model):
        two_i = col - col % 2  # the even column of this column's pair
        angle = pos / torch.tensor(10000.0, dtype=torch.float64) ** (two_i / d_model)
        pe[:, col] = torch.sin(angle) if col % 2 == 0 else torch.cos(angle)
    return pe.numpy()


def _torch_pe_tutorial(seq_len: int, d_model: int) -> np.ndarray:
    """The well-known exp/log formulation (even d_model only)."""
    position = torch.arange(seq_len, dtype=torch.float64).unsqueeze(1)
    div_term = torch.exp(
        torch.arange(0, d_model, 2, dtype=torch.float64) * (-math.log(10000.0) / d_model)
    )
    pe = torch.zeros(seq_len, d_model, dtype=torch.float64)
    pe[:, 0::2] = torch.sin(position * div_term)
    pe[:, 1::2] = torch.cos(position * div_term)
    return pe.numpy()


@pytest.mark.parametrize(
    "seq_len, d_model",
    [
        (1, 1),
        (1, 2),
        (4, 1),
        (5, 4),
        (7, 6),
        (6, 5),
        (10, 7),
        (50, 16),
        (3, 33),
        (128, 64),
        (64, 33),
    ],
)
def test_matches_torch_formula(seq_len, d_model):
    pe = ref.positional_encoding(seq_len, d_model)
    assert pe.shape == (seq_len, d_model) and pe.dtype == np.float64
    np.testing.assert_allclose(pe, _torch_pe(seq_len, d_model), rtol=1e-12, atol=1e-12)


@pytest.mark.parametrize("seq_len, d_model", [(5, 4), (50, 16), (128, 64), (9, 2)])
def test_matches_exp_log_formulation(seq_len, d_model):
    np.testing.assert_allclose(
        ref.positional_encoding(seq_len, d_model),
        _torch_pe_tutorial(seq_len, d_model),
        rtol=1e-12,
        atol=1e-12,
    )


def test_odd_d_model_ends_on_sine_and_extends_the_even_table():
    pe5 = ref.positional_encoding(8, 5)
    pos = np.arange(8)
    np.testing.assert_allclose(pe5[:, 4], np.sin(pos / 10000 ** (4 / 5)), rtol=1e-13)
    assert ref.positional_encoding(0, 3).shape == (0, 3)


def test_value_errors():
    for args in ((-1, 4), (-3, 4), (3, 0), (3, -2), (2.5, 4), (3, 4.0)):
        with pytest.raises(ValueError):
            ref.positional_encoding(*args)


def test_each_call_returns_a_new_array():
    first = ref.positional_encoding(4, 6)
    first += 1.0
    np.testing.assert_allclose(ref.positional_encoding(4, 6), _torch_pe(4, 6), rtol=1e-12)
