# wrong(positional_encoding): exponent col / d_model uses the column index, not the pair's 2i
import numpy as np


def positional_encoding(seq_len, d_model):
    if seq_len < 0 or d_model < 1:
        raise ValueError("bad sizes")
    col = np.arange(d_model)
    angle = np.arange(seq_len)[:, None] / 10000 ** (col / d_model)  # odd columns: (2i+1)/d
    return np.where(col % 2 == 0, np.sin(angle), np.cos(angle))
