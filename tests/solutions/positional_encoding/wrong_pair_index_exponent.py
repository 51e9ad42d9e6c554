# wrong(positional_encoding): angle pos / 10000 ** (i / d_model) with the pair index i instead of 2i
import numpy as np


def positional_encoding(seq_len, d_model):
    if seq_len < 0 or d_model < 1:
        raise ValueError("bad sizes")
    i = np.arange((d_model + 1) // 2)
    angle = np.arange(seq_len)[:, None] / 10000 ** (i / d_model)
    pe = np.zeros((seq_len, d_model))
    pe[:, 0::2] = np.sin(angle)
    pe[:, 1::2] = np.cos(angle[:, : d_model // 2])
    return pe
