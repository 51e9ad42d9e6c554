# correct: plain Python loops over positions and columns with the math module
import math

import numpy as np


def positional_encoding(seq_len, d_model):
    if not isinstance(seq_len, int) or not isinstance(d_model, int):
        raise ValueError("seq_len and d_model must be integers")
    if seq_len < 0 or d_model < 1:
        raise ValueError(f"need seq_len >= 0 and d_model >= 1, got {seq_len}, {d_model}")
    pe = np.zeros((seq_len, d_model))
    for pos in range(seq_len):
        for col in range(d_model):
            pair_start = col - col % 2  # 2i for both columns 2i and 2i + 1
            angle = pos / 10000 ** (pair_start / d_model)
            pe[pos, col] = math.sin(angle) if col % 2 == 0 else math.cos(angle)
    return pe
