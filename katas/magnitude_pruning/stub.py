"""Kata `magnitude_pruning`: unstructured magnitude (L1) pruning, as `torch.nn.utils.prune`.

Zero the weights with the smallest absolute values, in one array (`l1_unstructured`) or in several
arrays ranked together (`global_unstructured`), and return the pruned weights with their masks.
All arrays are float64; never modify an input in place.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def prune_by_magnitude(w: np.ndarray, amount: int | float) -> tuple[np.ndarray, np.ndarray]:
    """Unstructured L1 pruning of one array, as `torch.nn.utils.prune.l1_unstructured`.

    The `k` entries of `w` with the smallest `|w|` are pruned. Every entry is ranked, entries that
    are already 0 included (they are simply the smallest).

    Args:
        w: weights of any shape (a linear `(out, in)` or a convolution `(C_out, C_in, KH, KW)`
            weight, a vector...).
        amount: how much to prune, as torch reads it. An integer (a Python `int` or a NumPy
            integer) is the count, `k = amount`, with `0 <= amount <= w.size`. A float is a
            fraction, `0.0 <= amount <= 1.0`, and `k = round(amount * w.size)` with Python's
            `round`, which rounds halves to even (0.5 of 5 entries prunes 2). So `amount=1`
            prunes one entry and `amount=1.0` prunes all of them.

    Returns:
        `(pruned, mask)`, both float64 arrays of `w`'s shape: `mask` is `0.0` for a pruned entry
        and `1.0` for a kept one, and `pruned = w * mask`. Where several entries tie in `|w|` at
        the threshold, any choice among them is valid, as long as exactly `k` entries are pruned
        and no pruned `|w|` exceeds a kept one.

    Raises:
        ValueError: a float `amount` outside `[0, 1]`, a negative integer `amount`, or an integer
            `amount` larger than `w.size`.
    """
    raise NotImplementedError


def global_prune_by_magnitude(
    ws: Sequence[np.ndarray], amount: int | float
) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """Global unstructured L1 pruning, as `torch.nn.utils.prune.global_unstructured` with
    `pruning_method=L1Unstructured`.

    The arrays are ranked together as one flattened vector, so some layers lose more entries than
    others; `k` is computed from the total number of entries, with the same rules for `amount` as
    `prune_by_magnitude`.

    Args:
        ws: a list of weight arrays of any shapes.
        amount: an integer count (`0 <= amount <=` the total number of entries) or a float
            fraction in `[0, 1]` of the total, rounded with Python's `round`.

    Returns:
        `(pruned_list, mask_list)`: one pruned array and one float64 mask per input, in the
        inputs' order and each in its input's shape, with `pruned_list[i] = ws[i] * mask_list[i]`.

    Raises:
        ValueError: a float `amount` outside `[0, 1]`, a negative integer `amount`, or an integer
            `amount` larger than the total number of entries.
    """
    raise NotImplementedError
