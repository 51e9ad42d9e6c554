# wrong(positional_encoding): memoises each table and returns the cached array, shared by callers
from __future__ import annotations

from correct_loops import positional_encoding as _compute

_tables = {}


def positional_encoding(seq_len, d_model):
    key = (seq_len, d_model)
    if key not in _tables:
        _tables[key] = _compute(seq_len, d_model)
    return _tables[key]
