"""The failing call of a comparison, kept so that a learner can replay it outside the grader.

A helper that compares the learner's result with the reference's (`check_call`,
`check_backward`) knows the function, its arguments and the expected result: it wraps the
comparison in `recording`, and a `GradingFailure` raised inside carries the `Case`. The judge
turns it into plain data (`to_payload`: JSON, arrays as base64 of their raw bytes, bounded) that
travels with the test's result; the checking layer writes it to the workspace
(`dlkata.failure_cases`). A learner's cache cannot be kept: a backward case holds the forward
call's inputs and the upstream gradients instead, so the replay runs forward, then backward.
"""

from __future__ import annotations

import base64
import contextlib
import copy
import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from dlkata.judge.failures import GradingFailure

# the raw bytes of one case's arrays; a larger case is reported as too big to save
CASE_BYTES = 1024**2
# the raw bytes of all the cases one judge sends with its results (its event must stay small)
JUDGE_BYTES = 24 * 1024**2
MAX_CASES = 20  # per kata: a suite failing everywhere does not need forty replays


class Unsaveable(Exception):
    """A value that cannot be written as plain data (an object, a cache handle)."""


@dataclass
class Case:
    """One call of the learner's function and the result it should have given. `outputs` names
    the compared elements of a tuple result (None: the whole result is compared); `backward`
    is a backward call after the forward one: its function, upstream gradients and the
    gradients' names."""

    function: str
    args: tuple
    kwargs: dict[str, Any]
    names: list[str]
    expected: Any
    outputs: list[str] | None = None
    backward: str | None = None
    upstream: list[Any] = field(default_factory=list)
    length: int | None = None  # of the whole tuple returned, when only some of it is compared
    rtol: float | None = None  # the comparison's tolerances, when not the defaults
    floor: float | None = None


@contextlib.contextmanager
def recording(make: Callable[[], Case]) -> Iterator[None]:
    """A `GradingFailure` raised inside carries the case `make` builds (only then is it built),
    unless it carries one already."""
    try:
        yield
    except GradingFailure as failure:
        if getattr(failure, "case", None) is None:
            failure.case = make()  # type: ignore[attr-defined]
        raise


def snapshot(args: tuple, kwargs: dict[str, Any]) -> tuple[tuple, dict[str, Any]]:
    """The arguments as they were before a call (a call advances a generator passed in)."""
    return copy.deepcopy(args), copy.deepcopy(kwargs)


class Budget:
    """What is left of the judge's allowance for cases, and how many each kata has sent."""

    def __init__(self, total: int = JUDGE_BYTES) -> None:
        self.left = total
        self.counts: dict[str, int] = {}

    def take(self, kata: str, size: int) -> str | None:
        """None when a case of `size` bytes may be sent, else why not (`too_big`, `budget`,
        `too_many`)."""
        if size > CASE_BYTES:
            return "too_big"
        if self.counts.get(kata, 0) >= MAX_CASES:
            return "too_many"
        if size > self.left:
            return "budget"
        self.left -= size
        self.counts[kata] = self.counts.get(kata, 0) + 1
        return None


def to_payload(case: Case, kata: str, budget: Budget) -> dict[str, Any]:
    """The case as JSON-able data: the call's structure with each array named (`x`, `w`,
    `expected_out`, ...), and the arrays apart. A case that cannot be saved is `{"unsaved":
    reason, "size": bytes}`."""
    arrays: dict[str, np.ndarray] = {}
    try:
        structure = {
            "function": case.function,
            "parameters": case.names,
            "args": [
                _encode(value, _name(case.names, i), arrays) for i, value in enumerate(case.args)
            ],
            "kwargs": {key: _encode(v, key, arrays) for key, v in case.kwargs.items()},
            "outputs": case.outputs,
            "expected": _encode(case.expected, "expected", arrays, case.outputs),
            "backward": case.backward,
            "length": case.length,
            "rtol": case.rtol,
            "floor": case.floor,
            "upstream": [
                _encode(v, f"upstream{i if len(case.upstream) > 1 else ''}", arrays)
                for i, v in enumerate(case.upstream)
            ],
        }
    except (Unsaveable, RecursionError):
        return {"unsaved": "unsaveable", "size": 0}
    size = sum(a.nbytes for a in arrays.values())
    refused = budget.take(kata, size)
    if refused is not None:
        return {"unsaved": refused, "size": size}
    structure["arrays"] = {
        name: {
            "dtype": a.dtype.str,
            "shape": list(a.shape),
            "data": base64.b64encode(np.ascontiguousarray(a).tobytes()).decode("ascii"),
        }
        for name, a in arrays.items()
    }
    return structure


def _name(names: list[str], index: int) -> str:
    return names[index] if index < len(names) else f"arg{index}"


def _encode(
    value: Any, name: str, arrays: dict[str, np.ndarray], labels: list[str] | None = None
) -> Any:
    """Plain JSON with markers: `$a` an array by name, `$s` a NumPy scalar, `$t` a tuple, `$d`
    a dict, `$rng` a generator's state, `$float` a float JSON cannot spell. `labels` name a
    tuple's elements (`expected_out` rather than `expected_0`)."""
    if isinstance(value, (np.ndarray, np.generic)):
        array = np.asarray(value)
        if array.dtype.kind not in "biufc":
            raise Unsaveable(name)
        unique = re.sub(r"[^\w.-]", "_", name)
        while unique in arrays:
            unique += "_"
        arrays[unique] = array
        return {"$a" if isinstance(value, np.ndarray) else "$s": unique}
    if value is None or isinstance(value, (bool, str, int)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else {"$float": repr(value)}
    if isinstance(value, (tuple, list)):
        items = [
            _encode(v, f"{name}_{labels[i] if labels and i < len(labels) else i}", arrays)
            for i, v in enumerate(value)
        ]
        return {"$t": items} if isinstance(value, tuple) else items
    if isinstance(value, dict) and all(isinstance(k, str) for k in value):
        return {"$d": [[k, _encode(v, f"{name}_{k}", arrays)] for k, v in value.items()]}
    if isinstance(value, np.random.Generator):
        return {"$rng": _plain_state(value.bit_generator.state)}
    raise Unsaveable(name)


def _plain_state(state: Any) -> Any:
    """A bit generator's state as JSON (MT19937's key is an array: a list here)."""
    if isinstance(state, dict):
        return {k: _plain_state(v) for k, v in state.items()}
    if isinstance(state, np.ndarray):
        return {"$list": state.tolist(), "dtype": state.dtype.str}
    if isinstance(state, np.generic):
        return state.item()
    return state
