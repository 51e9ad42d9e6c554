# wrong(positional_encoding): the tutorial code; an odd d_model crashes on the cosine assignment
import math

import numpy as np


def positional_encoding(seq_len, d_model):
    if seq_len < 0 or d_model < 1:
        raise ValueError("bad sizes")
    position = np.arange(seq_len)[:, None]
    div_term = np.exp(np.arange(0, d_model, 2) * (-math.log(10000.0) / d_model))
    pe = np.zeros((seq_len, d_model))
    pe[:, 0::2] = np.sin(position * div_term)
    pe[:, 1::2] = np.cos(position * div_term)  # ceil(d/2) cosines into floor(d/2) columns
    return pe
