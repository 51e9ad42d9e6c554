"""Contract rule 2 (inputs are never modified) covers the lists and dicts a function receives,
not only their arrays: an entry replaced, added or removed is a change the caller would see, even
though the judge, holding its own copy, would not."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pytest

from dlkata.judge.failures import LearnerError
from dlkata.judge.proxy import SolutionProxy, WorkerProcess
from dlkata.limits import Limits

LEARNER = """\
import numpy as np


def reads(params, xs):
    return params["w"] @ xs[0]


def replaces_an_entry(params, xs):
    params["w"] = params["w"] * 2.0
    return params["w"] @ xs[0]


def adds_a_key(params, xs):
    params["cache"] = xs[0]
    return params["w"] @ xs[0]


def pops_from_the_list(params, xs):
    first = xs.pop(0)
    return params["w"] @ first


def sorts_a_nested_list(params, xs):
    params["order"].sort()
    return params["w"] @ xs[0]
"""
NAMES = ["reads", "replaces_an_entry", "adds_a_key", "pops_from_the_list", "sorts_a_nested_list"]


@pytest.fixture(scope="module")
def solution(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SolutionProxy]:
    path = tmp_path_factory.mktemp("learner") / "learner.py"
    path.write_text(LEARNER, encoding="utf-8")
    worker = WorkerProcess(path, NAMES, Limits())
    worker.start()
    assert worker.wait_ready().get("import_error") is None
    yield SolutionProxy(worker, keep_cache=frozenset())
    worker.close()


def arguments() -> tuple[dict, list]:
    return {"w": np.eye(2), "order": [3, 1, 2]}, [np.ones(2), np.zeros(2)]


def test_reading_a_dict_and_a_list_is_fine(solution: SolutionProxy) -> None:
    np.testing.assert_array_equal(solution.reads(*arguments()), np.ones(2))


@pytest.mark.parametrize(
    ("name", "changed"),
    [
        ("replaces_an_entry", "params"),
        ("adds_a_key", "params"),
        ("pops_from_the_list", "xs"),
        ("sorts_a_nested_list", "params['order']"),
    ],
)
def test_a_changed_list_or_dict_is_a_modified_input(
    solution: SolutionProxy, name: str, changed: str
) -> None:
    with pytest.raises(LearnerError) as raised:
        getattr(solution, name)(*arguments())
    assert f"`{changed}`" in raised.value.message, raised.value.message
