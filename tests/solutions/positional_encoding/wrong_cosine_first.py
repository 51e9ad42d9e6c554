# wrong(positional_encoding): cosines in the even columns, sines in the odd (odd d ends on cos)
import numpy as np


def positional_encoding(seq_len, d_model):
    if seq_len < 0 or d_model < 1:
        raise ValueError("bad sizes")
    two_i = np.arange(0, d_model, 2)
    angle = np.arange(seq_len)[:, None] / 10000 ** (two_i / d_model)
    pe = np.zeros((seq_len, d_model))
    pe[:, 0::2] = np.cos(angle)
    pe[:, 1::2] = np.sin(angle[:, : d_model // 2])
    return pe
