# wrong(positional_encoding): loops over d_model // 2 pairs, odd d_model's last column stays 0
import numpy as np


def positional_encoding(seq_len, d_model):
    if seq_len < 0 or d_model < 1:
        raise ValueError("bad sizes")
    pe = np.zeros((seq_len, d_model))
    pos = np.arange(seq_len)
    for i in range(d_model // 2):  # the bug: should be ceil(d_model / 2) pairs
        angle = pos / 10000 ** (2 * i / d_model)
        pe[:, 2 * i] = np.sin(angle)
        pe[:, 2 * i + 1] = np.cos(angle)
    return pe
