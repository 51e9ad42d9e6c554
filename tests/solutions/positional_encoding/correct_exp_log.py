# correct: frequencies as exp(-2i ln(10000) / d), sin/cos stacked on a new axis then flattened
import numpy as np


def positional_encoding(seq_len, d_model):
    for value in (seq_len, d_model):
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
            raise ValueError("seq_len and d_model must be integers")
    if seq_len < 0:
        raise ValueError("seq_len must not be negative")
    if d_model <= 0:
        raise ValueError("d_model must be positive")
    n_pairs = (d_model + 1) // 2
    freq = np.exp(-np.arange(n_pairs) * 2.0 * np.log(10000.0) / d_model)
    angle = np.outer(np.arange(seq_len), freq)  # (seq_len, n_pairs)
    both = np.stack([np.sin(angle), np.cos(angle)], axis=-1)  # (seq_len, n_pairs, 2)
    return both.reshape(seq_len, 2 * n_pairs)[:, :d_model].copy()
