"""A call whose output is a matrix of weights in [0, 1] (attention weights): on a failure, the
learner's weights beside the expected ones, as small heat maps for the report to draw."""

from __future__ import annotations

import copy
from typing import Any

import numpy as np

from dlkata.judge.compare import check_call
from dlkata.judge.failures import GradingFailure, Hint, LearnerError
from dlkata.judge.pictures import MAP_COLUMNS, MAP_ROWS


def check_with_heatmap(
    solution: Any,
    reference: Any,
    function: str,
    *args: Any,
    outputs: tuple[str, ...],
    heatmap: str,
    hint: Hint = None,
    **kwargs: Any,
) -> Any:
    """`check_call`; a failure (on any output: a wrong `out` often comes from wrong weights)
    also carries `heatmap`, the output `heatmap` of the learner and the expected one, for the
    matrix (one batch element, one head) where they differ most, when they differ."""
    try:
        return check_call(
            solution, reference, function, *args, outputs=outputs, hint=hint, **kwargs
        )
    except GradingFailure as failure:
        if not isinstance(failure, LearnerError):
            picture = _heatmap(solution, reference, function, args, kwargs, outputs, heatmap)
            if picture is not None:
                failure.facts["heatmap"] = picture
        raise


def _heatmap(
    solution: Any,
    reference: Any,
    function: str,
    args: tuple,
    kwargs: dict[str, Any],
    outputs: tuple[str, ...],
    name: str,
) -> dict[str, Any] | None:
    try:
        got = solution.call(function, *copy.deepcopy(args), **copy.deepcopy(kwargs))
    except GradingFailure:
        return None
    expected = reference.call(function, *copy.deepcopy(args), **copy.deepcopy(kwargs))
    position = outputs.index(name)
    if not isinstance(got, (tuple, list)) or len(got) <= position:
        return None
    mine, theirs = got[position], np.asarray(expected[position], dtype=np.float64)
    if (
        not isinstance(mine, np.ndarray)
        or mine.dtype.kind != "f"
        or mine.shape != theirs.shape
        or theirs.ndim < 2
    ):
        return None
    mine = mine.reshape(-1, *theirs.shape[-2:])
    theirs = theirs.reshape(-1, *theirs.shape[-2:])
    with np.errstate(invalid="ignore", over="ignore"):
        distance = np.nan_to_num(np.abs(mine - theirs), nan=np.inf).max(axis=(1, 2))
    worst = int(np.argmax(distance))
    if distance[worst] == 0:
        return None  # the weights are right: the mistake is elsewhere
    index = [int(i) for i in np.unravel_index(worst, expected[position].shape[:-2])]
    rows, columns = min(MAP_ROWS, mine.shape[1]), min(MAP_COLUMNS, mine.shape[2])
    return {
        "output": name,
        "index": index,
        "shape": list(theirs.shape[1:]),
        "yours": _cells(mine[worst, :rows, :columns]),
        "expected": _cells(theirs[worst, :rows, :columns]),
    }


def _cells(matrix: np.ndarray) -> list[list[float | None]]:
    """Values rounded for the picture; a value that is not finite as None."""
    return [[round(float(v), 2) if np.isfinite(v) else None for v in row] for row in matrix]
