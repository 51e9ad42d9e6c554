"""A cheat for the salt's tests: a `linear` solution that knows no linear algebra, only a table
of every call the hidden tests make locally and the reference's answer to it.

The table is recorded by running `linear`'s hidden tests in a subprocess of their own, with the
reference (wrapped to record each call) as the solution; the solution file then looks each call
up by its arguments' bytes, and answers zeros to a call it has never seen.
"""

from __future__ import annotations

import hashlib
import inspect
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from dlkata.catalogue import load_catalogue
from dlkata.judge import notes
from dlkata.judge.plugin import load_module
from dlkata.judge.proxy import ReferenceImpl
from dlkata.judge.proxy import _learner_error as as_the_proxy_reports
from dlkata.limits import Limits
from tests.support import ROOT

FORWARD, BACKWARD = "linear_forward", "linear_backward"


def fingerprint(*values: Any) -> str:
    """The same in the judge and in the learner's process: each array's dtype, shape and bytes."""
    digest = hashlib.sha256()
    for value in values:
        if isinstance(value, np.ndarray):
            digest.update(f"{value.dtype.str}{value.shape}".encode())
            digest.update(np.ascontiguousarray(value).tobytes())
        else:
            digest.update(repr(value).encode())
    return digest.hexdigest()


def _answer(value: Any) -> Any:
    if isinstance(value, tuple):
        return [_answer(v) for v in value]
    return {"dtype": value.dtype.str, "shape": value.shape, "data": value.ravel().tolist()}


class _Recorder:
    """The reference, answering as it does, with every call written into `table`."""

    def __init__(self, reference: Any, table: dict[str, Any], caches: dict[str, Any]) -> None:
        self._reference, self._table, self._caches = reference, table, caches

    @property
    def stable(self) -> _Recorder:
        return _Recorder(self._reference.stable, self._table, self._caches)

    def call(self, name: str, *args: Any, **kwargs: Any) -> Any:
        return getattr(self, name)(*args, **kwargs)

    def call_many(self, name: str, calls: list, pick: list[int] | None = None) -> list[Any]:
        results = [getattr(self, name)(*a, **k) for a, k in calls]
        if pick is None:
            return results
        return [tuple(r[i] for i in pick) for r in results]

    def bind(self, name: str, args: tuple, kwargs: dict) -> dict[str, Any]:
        return self._reference.bind(name, args, kwargs)

    def __getattr__(self, name: str) -> Any:
        if name not in (FORWARD, BACKWARD):
            raise AttributeError(name)

        def call(*args: Any) -> Any:
            if name == BACKWARD:
                dout, token = args
                key = fingerprint(BACKWARD, token, dout)
                args = (dout, self._caches.get(token, token))
            else:
                key = fingerprint(FORWARD, *args)
            try:
                result = getattr(self._reference, name)(*args)
            except ValueError as error:  # as the proxy reports a learner's ValueError
                self._table[key] = {"raise": str(error)}
                raised = {"kind": "value_error", "type": "ValueError", "message": str(error)}
                raise as_the_proxy_reports(name, raised, Limits()) from None
            if name == FORWARD:
                self._caches[key] = result[1]
                result = (result[0], key)
                self._table[key] = {"return": _answer(result[0])}
            else:
                self._table[key] = {"return": _answer(result)}
            return result

        return call


class _Plugin:
    """The judge's fixtures, with the recorder in place of the learner's process."""

    def __init__(self) -> None:
        self.kata = load_catalogue()["linear"]
        self.table: dict[str, Any] = {}
        self.reference = ReferenceImpl(load_module(self.kata.reference_path, "_reference"))

    def pytest_runtest_setup(self, item: Any) -> None:
        notes.use_notes(self.kata.notes)

    @pytest.fixture
    def solution(self) -> _Recorder:
        return _Recorder(self.reference, self.table, {})

    @pytest.fixture(name="reference")
    def reference_fixture(self) -> Any:
        return self.reference


def _record(out: str) -> None:
    """In the subprocess: run the hidden tests, write the table as JSON to `out`."""
    plugin = _Plugin()
    args = [str(plugin.kata.tests_path), "-q", "-p", "no:cacheprovider", "--noconftest"]
    code = pytest.main(args, plugins=[plugin])
    assert code == 0, f"the recorded run failed ({code})"
    Path(out).write_text(json.dumps(plugin.table), encoding="utf-8")


def memorising_solution(folder: Path) -> Path:
    """`folder/linear.py`: every local call of `linear`'s hidden tests, answered from a table."""
    table = folder / "table.json"
    subprocess.run(
        [sys.executable, "-c", f"from tests.memorising import _record; _record({str(table)!r})"],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    path = folder / "linear.py"
    source = _SOURCE.replace("__FINGERPRINT__", inspect.getsource(fingerprint))
    path.write_text(source.replace("__TABLE_JSON__", repr(table.read_text(encoding="utf-8"))))
    return path


_SOURCE = """\
# wrong(linear_forward): answers memorised from a local run, no arithmetic at all
import hashlib
import json
from typing import Any

import numpy as np

_TABLE = json.loads(__TABLE_JSON__)


__FINGERPRINT__

def _array(answer):
    return np.array(answer["data"], dtype=answer["dtype"]).reshape(answer["shape"])


def _look_up(key):
    found = _TABLE.get(key)
    if found is None:
        return None
    if "raise" in found:
        raise ValueError(found["raise"])
    return found["return"]


def linear_forward(x, w, b):
    key = fingerprint("linear_forward", x, w, b)
    found = _look_up(key)
    if found is None:  # never seen: a guess of the right shape
        return np.zeros((np.shape(x)[0], np.shape(w)[0])), key
    return _array(found), key


def linear_backward(dout, cache):
    found = _look_up(fingerprint("linear_backward", cache, dout))
    if found is None:
        x_shape, w_shape = (len(dout), 1), (np.shape(dout)[1], 1)
        return np.zeros(x_shape), np.zeros(w_shape), np.zeros(np.shape(dout)[1])
    return tuple(_array(a) for a in found)
"""
