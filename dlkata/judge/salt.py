"""Salted inputs: while a course's salt is set, every seeded generator the hidden tests make is
drawn from the salt and its seed together.

Hidden tests (and the judge helpers they call) make their inputs, and the `rng` they pass to the
learner, with `np.random.default_rng(seed)`. Answers memorised from local runs (outputs recorded
for the fixed seeds' inputs) then fail a class grading, while the same salt gives the same inputs,
so the same verdicts, every time. The salt lives in the judge process only: learner processes are
started afresh (never forked from the judge) and receive generators as their state alone.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Iterator
from typing import Any

import numpy as np


def salt_entropy(salt: str) -> int:
    """The salt as a 256-bit number: any string, from a course's secret, is a good salt."""
    return int.from_bytes(hashlib.sha256(salt.encode("utf-8")).digest(), "big")


def salted_seed(salt: str, seed: Any) -> Any:
    """What `default_rng(seed)` is given under `salt`: integer seeds (one, or a sequence) are
    mixed with it; None (fresh entropy) and generators or seed sequences pass unchanged."""
    if isinstance(seed, (int, np.integer)):
        return [salt_entropy(salt), int(seed)]
    if isinstance(seed, (list, tuple, np.ndarray)):
        values = np.asarray(seed)
        if values.size and values.dtype.kind in "iub":
            return [salt_entropy(salt), *(int(s) for s in values.ravel())]
    return seed


@contextlib.contextmanager
def salted_inputs(salt: str | None) -> Iterator[None]:
    """Within the block, `np.random.default_rng(seed)` draws from `salt` and `seed`; without a
    salt nothing changes. Installed before the hidden tests are imported, so that a test module
    that binds `default_rng` at import, or draws at import, is salted too."""
    if salt is None:
        yield
        return
    original = np.random.default_rng

    def default_rng(seed: Any = None) -> np.random.Generator:
        return original(salted_seed(salt, seed))

    np.random.default_rng = default_rng
    try:
        yield
    finally:
        np.random.default_rng = original
