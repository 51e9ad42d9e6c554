# wrong(positional_encoding): int() on the arguments before checking them: 2.5 quietly becomes 2
from __future__ import annotations

from correct_loops import positional_encoding as _compute


def positional_encoding(seq_len, d_model):
    return _compute(int(seq_len), int(d_model))
