"""Kata: sinusoidal positional encoding.

Implement `positional_encoding(seq_len, d_model)` in NumPy (float64): the fixed position table of
"Attention Is All You Need", added to token embeddings so that attention can tell positions
apart.
"""

from __future__ import annotations

import numpy as np


def positional_encoding(seq_len: int, d_model: int) -> np.ndarray:
    """The sinusoidal positional-encoding table.

    For pos = 0 .. seq_len - 1 and every pair of columns (2i, 2i + 1):
        PE[pos, 2i]     = sin(pos / 10000 ** (2i / d_model))
        PE[pos, 2i + 1] = cos(pos / 10000 ** (2i / d_model))   (the same angle)
    Sines and cosines are interleaved column by column. An odd d_model ends on a sine column
    (its last column 2i = d_model - 1 has no cosine partner).

    Args:
        seq_len: number of positions, an int >= 0 (0 gives an empty (0, d_model) table).
        d_model: number of features, an int >= 1.

    Returns:
        PE of shape (seq_len, d_model), float64.

    Raises:
        ValueError: if seq_len < 0, d_model < 1, or either is not an integer (a float such as
            2.5 or 4.0 is an error, never rounded or truncated).
    """
    raise NotImplementedError
