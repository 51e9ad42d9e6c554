"""A state that stays in the learner's process (an optimiser's moments, kept behind a handle and
handed back on the next call) is the learner's to update in place, as the contract's optimisers
allow; the parameter and the gradient passed in are still inputs that must not change."""

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


def momentum_step(param, grad, state, *, lr):
    if state is None:
        state = {"buffer": grad.copy()}
    else:
        state["buffer"] *= 0.9
        state["buffer"] += grad
    return param - lr * state["buffer"], state


def sloppy_step(param, grad, state, *, lr):
    grad *= 2.0
    return param - lr * grad, state
"""


@pytest.fixture
def solution(tmp_path: Path) -> Iterator[SolutionProxy]:
    path = tmp_path / "learner.py"
    path.write_text(LEARNER, encoding="utf-8")
    names = ["momentum_step", "sloppy_step"]
    worker = WorkerProcess(path, names, Limits())
    worker.start()
    assert worker.wait_ready().get("import_error") is None
    yield SolutionProxy(worker, frozenset(names))
    worker.close()


def test_a_state_handed_back_may_be_updated_in_place(solution: SolutionProxy) -> None:
    param, state, buffer = np.ones(3), None, np.zeros(3)
    for step, lr in enumerate([0.1, 0.05, 0.2]):
        grad = np.array([1.0, -2.0, 0.5]) * (step + 1)
        param_before, grad_before = param.copy(), grad.copy()
        new_param, state = solution.momentum_step(param, grad, state, lr=lr)
        buffer = grad if step == 0 else 0.9 * buffer + grad
        np.testing.assert_allclose(new_param, param_before - lr * buffer)
        assert np.array_equal(grad, grad_before)
        param = new_param


def test_the_parameter_and_the_gradient_are_still_inputs(solution: SolutionProxy) -> None:
    _, state = solution.momentum_step(np.ones(2), np.ones(2), None, lr=0.1)
    with pytest.raises(LearnerError) as raised:
        solution.sloppy_step(np.ones(2), np.ones(2), state, lr=0.1)
    assert raised.value.kind == "modified" or "in place" in raised.value.message
