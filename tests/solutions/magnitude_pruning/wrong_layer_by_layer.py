# wrong(global_prune_by_magnitude): prunes each array separately by the same amount, not globally
from __future__ import annotations

from correct_argsort import prune_by_magnitude


def global_prune_by_magnitude(ws, amount):
    results = [prune_by_magnitude(w, amount) for w in ws]
    return [p for p, _ in results], [m for _, m in results]
