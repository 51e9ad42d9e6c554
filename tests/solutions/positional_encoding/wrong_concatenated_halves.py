# wrong(positional_encoding): all sines in the first half, all cosines after (not interleaved)
import numpy as np


def positional_encoding(seq_len, d_model):
    if seq_len < 0 or d_model < 1:
        raise ValueError("bad sizes")
    two_i = np.arange(0, d_model, 2)
    angle = np.arange(seq_len)[:, None] / 10000 ** (two_i / d_model)
    return np.concatenate([np.sin(angle), np.cos(angle[:, : d_model // 2])], axis=1)
