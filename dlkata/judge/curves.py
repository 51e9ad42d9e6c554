"""Calls of one function along an axis (a learning-rate schedule step by step), compared one by
one; a failure carries both curves, the learner's and the expected, for the report to draw."""

from __future__ import annotations

import copy
import math
from collections.abc import Sequence
from typing import Any

import numpy as np

from dlkata.judge.compare import check_call
from dlkata.judge.failures import GradingFailure, Hint

MAX_POINTS = 200


def check_curve(
    solution: Any,
    reference: Any,
    function: str,
    calls: Sequence[tuple[float, tuple, dict[str, Any]]],
    *,
    hint: Hint = None,
) -> None:
    """Each `(x, args, kwargs)` call compared as `check_call` does, in order. The first failure
    also carries `curve`: x, the learner's value and the expected one at every x (None where
    the learner's is not a finite number), the x of the failing call, and the function."""
    for i, (_x, args, kwargs) in enumerate(calls):
        try:
            check_call(solution, reference, function, *args, hint=hint, **kwargs)
        except GradingFailure as failure:
            if len(calls) <= MAX_POINTS:
                curve = _curve(solution, reference, function, calls)
                if curve is not None:
                    failure.facts["curve"] = {**curve, "failed_at": calls[i][0]}
            raise


def _curve(
    solution: Any, reference: Any, function: str, calls: Sequence[tuple[float, tuple, dict]]
) -> dict[str, Any] | None:
    """Both curves; None when the learner's function raises on any call (nothing to draw)."""
    batch = [(args, kwargs) for _x, args, kwargs in calls]
    try:
        yours = solution.call_many(function, copy.deepcopy(batch))
    except GradingFailure:
        return None
    expected = reference.call_many(function, copy.deepcopy(batch))
    return {
        "function": function,
        "x": [float(x) for x, _args, _kwargs in calls],
        "yours": [_number(v) for v in yours],
        "expected": [_number(v) for v in expected],
    }


def _number(value: Any) -> float | None:
    """A finite real number as a float; anything else (hostile or wrong) as None."""
    if isinstance(value, (np.generic, np.ndarray)) and np.shape(value) == ():
        value = value.item()
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    try:
        number = float(value)
    except OverflowError:
        return None
    return number if math.isfinite(number) else None
