"""A pytest plugin for the benchmark's baseline: the hidden tests with the reference module as
`solution`, in one process, with no isolation. What isolation costs is the difference."""

from __future__ import annotations

from pathlib import Path

import pytest

from dlkata.judge.plugin import load_module
from dlkata.judge.proxy import ReferenceImpl
from dlkata.resources import reference_dir


def _reference(request: pytest.FixtureRequest) -> ReferenceImpl:
    kata_id = Path(request.node.path).parent.name
    return ReferenceImpl(load_module(reference_dir() / f"{kata_id}.py", f"_bench_{kata_id}"))


@pytest.fixture
def solution(request: pytest.FixtureRequest) -> ReferenceImpl:
    return _reference(request)


@pytest.fixture
def reference(request: pytest.FixtureRequest) -> ReferenceImpl:
    return _reference(request)
