"""A hidden test may pass one of its own functions to the learner's (`numerical_gradient(f, x)`):
the function's code never crosses the boundary; the learner's process calls it back, the judge
runs it and answers, and only during the call it was passed to."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from dlkata.judge.failures import LearnerError
from dlkata.judge.proxy import SolutionProxy, WorkerProcess
from dlkata.limits import Limits

LEARNER = """\
import numpy as np

kept = []


def numerical_gradient(f, x, *, h=1e-5):
    gradient = np.zeros_like(x)
    for index in np.ndindex(x.shape):
        saved = x[index]
        x[index] = saved + h
        above = f(x)
        x[index] = saved - h
        below = f(x)
        x[index] = saved
        gradient[index] = (above - below) / (2 * h)
    return gradient


def keep(f):
    kept.append(f)
    return repr(f)


def call_kept(x):
    return kept[0](x)


def call_with_an_object(f):
    return f(object())
"""

FUNCTIONS = ["numerical_gradient", "keep", "call_kept", "call_with_an_object"]


@pytest.fixture
def solution(tmp_path: Path) -> Iterator[SolutionProxy]:
    path = tmp_path / "learner.py"
    path.write_text(LEARNER, encoding="utf-8")
    worker = WorkerProcess(path, FUNCTIONS, Limits())
    worker.start()
    assert worker.wait_ready().get("import_error") is None
    yield SolutionProxy(worker, frozenset())
    worker.close()


def test_the_judges_function_is_called_back_with_the_learners_arrays(
    solution: SolutionProxy,
) -> None:
    weights = np.linspace(1.0, 2.0, 6).reshape(2, 3)
    seen: list[np.ndarray] = []

    def f(z: np.ndarray) -> float:
        seen.append(z.copy())
        return float(np.sum(weights * z**2))

    x = np.arange(6.0).reshape(2, 3) - 2.5
    gradient = solution.numerical_gradient(f, x, h=1e-5)
    np.testing.assert_allclose(gradient, 2 * weights * x, rtol=1e-7, atol=1e-7)
    assert len(seen) == 2 * 2 * x.size  # the first call of a function runs twice (rule 2)
    assert all(z.shape == x.shape for z in seen)


def test_what_the_judges_function_raises_is_an_error_in_the_learners_call(
    solution: SolutionProxy,
) -> None:
    with pytest.raises(LearnerError) as raised:
        solution.numerical_gradient(lambda z: 1 / 0, np.ones(2))
    assert "ZeroDivisionError" in raised.value.message
    assert raised.value.function == "numerical_gradient"


def test_only_data_crosses_and_the_function_answers_only_during_its_call(
    solution: SolutionProxy,
) -> None:
    shown = solution.keep(lambda z: 0.0)
    assert "lambda" not in shown and "grader" in shown  # a stand-in, not the code
    with pytest.raises(LearnerError) as raised:
        solution.call_kept(np.ones(2))
    assert "only during the call it was passed to" in raised.value.message


def test_only_data_goes_back_to_the_judges_function(solution: SolutionProxy) -> None:
    received: list[object] = []

    def f(value: object) -> float:
        received.append(value)
        return 0.0

    with pytest.raises(LearnerError) as raised:
        solution.call_with_an_object(f)
    assert "TypeError" in raised.value.message and "cannot be sent" in raised.value.message
    assert received == []  # an object never reaches the judge's function
