"""Blame follows cause: a backward pass is judged only on a right forward pass, and a wrong
gradient is named by central differences of the learner's own forward.

A wrong forward makes every gradient wrong too; blaming the backward for it sends the learner to
the wrong function. With the forward right, its central differences are the true gradients, so
the learner's gradients that disagree with them are wrong, and those that agree are not.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from dlkata import i18n
from dlkata.i18n import _, ngettext
from dlkata.judge.compare import assert_close, output_alternatives
from dlkata.judge.differences import central_differences, disagreement
from dlkata.judge.failures import GradingFailure

# elements of each gradient checked against central differences: those furthest from the
# expected gradient, where a wrong one shows
_ELEMENTS = 3


def forward_first(
    got: Any,
    expected: Any,
    outputs: tuple[str, ...],
    *,
    forward: str,
    backward: str,
    inputs: dict[str, Any],
    floor: float,
    flips: Sequence[tuple[str, Callable[[], Any]]] = (),
) -> None:
    """Fail, naming the forward function, when its outputs (all but the cache) differ from the
    reference's: the backward pass is then not judged. `flips`: the reference's results with a
    kernel flipped, for the diagnosis."""
    for i, name in enumerate(outputs):
        try:
            assert_close(
                got[i],
                expected[i],
                what=_("`{function}`: {output}").format(function=forward, output=name),
                function=forward,
                inputs=inputs,
                floor=floor,
                alternatives=output_alternatives(flips, i),
            )
        except GradingFailure as failure:
            message = _(
                "`{backward}` was not judged, because your forward pass is wrong on the same "
                "inputs: {problem}"
            ).format(backward=backward, problem=failure.message)
            raise GradingFailure(
                message,
                kind="forward_first",
                function=forward,
                hint=_(
                    "Fix the forward pass `{forward}` first: the gradients of a wrong forward "
                    "pass are wrong too, so `{backward}` is judged once `{forward}` is right."
                ).format(forward=forward, backward=backward),
                backward=backward,
                **failure.facts,
            ) from None


def blame_gradients(
    failure: GradingFailure,
    solution: Any,
    *,
    forward: str,
    inputs: dict[str, Any],
    kwargs: dict[str, Any],
    outputs: tuple[str, ...],
    upstream: tuple[str, ...],
    douts: list[np.ndarray],
    got: tuple,
    expected: tuple,
    grads: tuple[str, ...],
) -> None:
    """Add to a gradient's failure which gradients disagree with central differences of the
    learner's own forward and which agree (`gradients`: name -> `wrong` or `right`), where the
    check can tell: a gradient of a float input, of the input's shape, at elements where the
    reference's gradient agrees with the same central differences (not at a kink)."""
    verdicts: dict[str, str] = {}
    picked = [outputs.index(name) for name in upstream]

    def objective(result: Any) -> float:
        parts = result if isinstance(result, (tuple, list)) else (result,)
        return float(sum(np.sum(np.asarray(o, dtype=np.float64) * d) for o, d in zip(parts, douts)))

    try:
        for grad, mine, theirs in zip(grads, got, expected):
            base = inputs.get(grad[1:])
            if not _checkable(base, mine) or np.shape(theirs) != np.shape(base):
                continue
            with np.errstate(invalid="ignore", over="ignore"):
                distance = np.abs(mine - np.asarray(theirs, dtype=np.float64))
            flats = np.argsort(np.nan_to_num(distance, nan=np.inf), axis=None)[::-1][:_ELEMENTS]
            numeric, scale = central_differences(
                solution, forward, inputs, kwargs, grad[1:], flats, objective, picked
            )
            bad, _relative = disagreement(mine.flat[flats], numeric, scale)
            reliable, _errors = disagreement(np.asarray(theirs).flat[flats], numeric, scale)
            if reliable.any():
                continue  # not differentiable there (a tie in a max): central differences lie
            verdicts[grad] = "wrong" if bad.any() else "right"
    except (GradingFailure, TypeError, ValueError, FloatingPointError):
        return  # the learner's forward broke on a nudged input: nothing certain to add
    wrong = [g for g, v in verdicts.items() if v == "wrong"]
    right = [g for g, v in verdicts.items() if v == "right"]
    if not wrong:
        return
    parts = [
        ngettext(
            "{names} is wrong: it disagrees with central differences of your own `{forward}`.",
            "{names} are wrong: they disagree with central differences of your own `{forward}`.",
            len(wrong),
        ).format(names=", ".join(wrong), forward=forward)
    ]
    if right:
        parts.append(
            ngettext("{names} agrees with them.", "{names} agree with them.", len(right)).format(
                names=", ".join(right)
            )
        )
    blame = i18n.SENTENCE_GAP[i18n.language()].join(parts)
    failure.message = _("{message}. {blame}").format(message=failure.message, blame=blame)
    failure.args = (failure.message,)
    failure.facts["gradients"] = verdicts


def _checkable(base: Any, gradient: Any) -> bool:
    return (
        isinstance(base, np.ndarray)
        and base.dtype.kind == "f"
        and base.size > 0
        and isinstance(gradient, np.ndarray)
        and gradient.dtype.kind == "f"
        and gradient.shape == base.shape
    )
