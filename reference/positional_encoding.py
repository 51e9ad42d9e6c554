"""Reference solution: sinusoidal positional encoding of "Attention Is All You Need" (NumPy)."""

from __future__ import annotations

import numpy as np


def positional_encoding(seq_len: int, d_model: int) -> np.ndarray:
    """The sinusoidal table `PE (seq_len, d_model)`, float64.

    `PE[pos, 2i] = sin(pos / 10000 ** (2i / d_model))` and `PE[pos, 2i + 1] = cos(...)` with the
    same angle; an odd `d_model` ends on a sine column.

    Raises:
        ValueError: if `seq_len` or `d_model` is not an integer, `seq_len < 0` or `d_model < 1`.
    """
    for name, value in (("seq_len", seq_len), ("d_model", d_model)):
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
            raise ValueError(f"{name} must be an integer; got {value!r}")
    if seq_len < 0:
        raise ValueError(f"seq_len must be >= 0; got {seq_len}")
    if d_model < 1:
        raise ValueError(f"d_model must be >= 1; got {d_model}")

    pos = np.arange(seq_len, dtype=np.float64)[:, None]  # (seq_len, 1)
    # One frequency per pair of columns (2i, 2i + 1): the exponent uses the even column index 2i
    # for both members of the pair. ceil(d_model / 2) pairs cover an odd d_model too.
    two_i = np.arange(0, d_model, 2, dtype=np.float64)  # 0, 2, 4, ...
    angle = pos / 10000.0 ** (two_i / d_model)  # (seq_len, ceil(d_model / 2))

    pe = np.empty((pos.shape[0], d_model), dtype=np.float64)  # one row per position
    pe[:, 0::2] = np.sin(angle)
    pe[:, 1::2] = np.cos(angle[:, : d_model // 2])  # an odd d_model has one cosine fewer
    return pe
