"""Central differences of a learner's function, run in the learner's process in one batch, and
the rule that tells a real disagreement with an analytic gradient from rounding noise."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

# Central differences in float64 with step EPS: the truncation error is O(EPS^2 * f''') ~ 1e-12
# and the rounding error ~ machine_eps * |L| / EPS ~ 1e-10 * |L|. A relative error
# |a - n| / max(|a| + |n|, tiny) above 1e-5 is therefore a real mistake, never noise; elements
# whose absolute difference is below ABS_FLOOR * max(1, |L|) are rounding noise around zero.
EPS = 1e-6
THRESHOLD = 1e-5
ABS_FLOOR = 1e-7
_TINY = 1e-30


def central_differences(
    impl: Any,
    function: str,
    inputs: dict[str, Any],
    kwargs: dict[str, Any],
    name: str,
    flats: np.ndarray,
    objective: Callable[[Any], float],
    pick: list[int] | None,
) -> tuple[np.ndarray, float]:
    """The derivative of `objective(function(...))` with respect to the elements `flats` of the
    input `name`, and the objective's scale (for the noise floor): all calls in one message."""
    base = np.asarray(inputs[name], dtype=np.float64)
    calls = []
    for flat in flats:
        for step in (EPS, -EPS):
            moved = base.copy()
            moved.flat[flat] += step
            args = tuple(moved if key == name else v for key, v in inputs.items())
            calls.append((args, kwargs))
    with np.errstate(invalid="ignore", over="ignore"):
        values = [objective(r) for r in impl.call_many(function, calls, pick=pick)]
    numeric = (np.array(values[0::2]) - np.array(values[1::2])) / (2 * EPS)
    scale = max(1.0, max((abs(v) for v in values if np.isfinite(v)), default=1.0))
    return numeric, scale


def disagreement(
    analytic: np.ndarray, numeric: np.ndarray, scale: float
) -> tuple[np.ndarray, np.ndarray]:
    """Which elements disagree (a NaN or inf anywhere is a disagreement, never a match), and
    their relative errors."""
    with np.errstate(invalid="ignore", over="ignore"):
        diff = np.abs(analytic - numeric)
        relative = diff / np.maximum(np.abs(analytic) + np.abs(numeric), _TINY)
    bad = ~((relative <= THRESHOLD) | (diff <= ABS_FLOOR * scale))
    return bad, relative
