"""Failing calls saved in the workspace, so that a learner can replay them outside the grader.

A local check writes each failing comparison's call (as the judge sent it with the test's
result) to `.dlkata/failures/<kata>/<n>.npz`, numbered from 1 in the order the tests ran; the
kata's folder is emptied first, so a file there always belongs to the latest check. An `.npz`
holds only arrays, read with `allow_pickle=False`: each array of the call under its name (`x`,
`w`, `expected_out`, `upstream`), and the call's structure as JSON text under `__case__`.
`load_case` rebuilds the call; nothing in a case file can run code when it is read.
"""

from __future__ import annotations

import base64
import contextlib
import json
import math
import os
import re
import shutil
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dlkata.i18n import _
from dlkata.workspace import Workspace, WorkspaceError, file_errors, make_state_dir

if TYPE_CHECKING:
    from dlkata.results import KataResult

STRUCTURE = "__case__"
FORMAT = 1
_RNG_NAMES = ("PCG64", "PCG64DXSM", "MT19937", "Philox", "SFC64")
_ARRAY_KINDS = "biufc"


class CaseError(Exception):
    """A case file that does not exist or cannot be read; the message says what to do."""


def folder(workspace: Workspace, kata_id: str) -> Path:
    return workspace.state_dir / "failures" / kata_id


def saved(workspace: Workspace, kata_id: str) -> list[int]:
    """The numbers of the cases saved for a kata, in order."""
    place = folder(workspace, kata_id)
    if not place.is_dir():
        return []
    numbers = (re.fullmatch(r"([1-9][0-9]{0,5})\.npz", p.name) for p in place.iterdir())
    return sorted(int(m.group(1)) for m in numbers if m)


def save_cases(workspace: Workspace, results: list[KataResult]) -> list[str]:
    """Write the failing calls of each graded kata (after emptying its folder) and tell each
    test where its case went, or why it was not saved; warnings for what could not be written."""
    warnings = []
    for result in results:
        try:
            _save_kata(workspace, result)
        except WorkspaceError as exc:
            warnings.append(
                _("{problem} (The failing calls were not saved for `dlkata replay`.)").format(
                    problem=exc
                )
            )
        for test in result.tests:  # what was not written never reaches a report
            test.case = None
    return warnings


def _save_kata(workspace: Workspace, result: KataResult) -> None:
    place = folder(workspace, result.id)
    with file_errors(place, _("cannot write")):
        if place.is_dir() and not place.is_symlink():
            shutil.rmtree(place)
        elif place.exists() or place.is_symlink():
            place.unlink()
    number = 0
    for test in result.tests:
        payload, test.case = test.case, None
        if payload is None:
            continue
        if "unsaved" in payload:
            test.replay = {"unsaved": str(payload["unsaved"]), "size": int(payload.get("size", 0))}
            continue
        number += 1
        make_state_dir(workspace.state_dir)
        path = place / f"{number}.npz"
        with file_errors(path, _("cannot write")):
            place.mkdir(parents=True, exist_ok=True)
            _write_npz(path, payload, result.id)
        test.replay = {
            "kata": result.id,
            "case": number,
            "file": str(path),
            "function": payload["function"],
            "backward": payload.get("backward"),
        }


def _write_npz(path: Path, payload: dict[str, Any], kata_id: str) -> None:
    """The case's arrays by name, and its structure as JSON text; written whole or not at all."""
    import numpy as np

    arrays = {name: _array(spec) for name, spec in payload["arrays"].items() if name != STRUCTURE}
    structure = {k: v for k, v in payload.items() if k != "arrays"}
    structure |= {"format": FORMAT, "kata": kata_id}
    handle, temporary = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=".npz", dir=path.parent)
    try:
        entries = {**arrays, STRUCTURE: np.array(json.dumps(structure))}
        with (
            os.fdopen(handle, "wb") as stream,
            zipfile.ZipFile(stream, "w", compression=zipfile.ZIP_DEFLATED) as archive,
        ):
            for name, array in entries.items():
                with archive.open(f"{name}.npy", "w", force_zip64=True) as member:
                    np.lib.format.write_array(member, array, allow_pickle=False)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


def _array(spec: dict[str, Any]) -> Any:
    import numpy as np

    dtype = np.dtype(spec["dtype"])
    data = base64.b64decode(spec["data"])
    shape = [int(n) for n in spec["shape"]]
    if dtype.kind not in _ARRAY_KINDS or math.prod(shape) * dtype.itemsize != len(data):
        raise WorkspaceError(_("a failing call sent by the grader is malformed"))
    return np.frombuffer(data, dtype).reshape(shape).copy()


@dataclass
class SavedCase:
    """A saved call: `function(*args, **kwargs)`, then for a backward case
    `backward(*upstream, cache)`; `expected` is what the compared results should have been."""

    kata: str
    number: int
    function: str
    args: list[Any]
    kwargs: dict[str, Any]
    expected: Any
    outputs: list[str] | None = None
    backward: str | None = None
    upstream: list[Any] = field(default_factory=list)
    length: int | None = None
    rtol: float | None = None
    floor: float | None = None
    names: list[str] = field(default_factory=list)  # the arrays in the file
    parameters: list[str] = field(default_factory=list)  # of the positional arguments

    def check(self, got: Any) -> str:
        """Compare what your function returned (the backward's gradients for a backward case)
        with `expected`, as the report does: the report's diff, or that it matches."""
        from dlkata.judge.compare import ABS_SCALE, DEFAULT_RTOL, compare_result
        from dlkata.judge.failures import GradingFailure

        function = self.backward or self.function
        if self.length is not None and isinstance(got, (tuple, list)):
            got = tuple(got[: len(self.outputs or ())])
        elif self.backward and not isinstance(got, (tuple, list)):
            got = (got,)
        try:
            compare_result(
                got,
                self.expected,
                function,
                {},
                tuple(self.outputs) if self.outputs else None,
                None,
                DEFAULT_RTOL if self.rtol is None else self.rtol,
                ABS_SCALE if self.floor is None else self.floor,
            )
        except GradingFailure as failure:
            return failure.message
        return _("matches the expected result")

    def __repr__(self) -> str:
        call = f"{self.backward} after {self.function}" if self.backward else self.function
        return f"<dlkata case {self.kata} {self.number}: {call}; arrays {', '.join(self.names)}>"


def load_case(workspace: Workspace, kata_id: str, number: int) -> SavedCase:
    """Case `number` of a kata; `CaseError` naming the cases that exist when it does not."""
    path = folder(workspace, kata_id) / f"{number}.npz"
    if not path.is_file():
        raise CaseError(missing_case(workspace, kata_id, number))
    import numpy as np

    try:
        with np.load(path, allow_pickle=False) as data:
            arrays = {name: data[name] for name in data.files}
        structure = json.loads(str(arrays.pop(STRUCTURE)[()]))
        if structure.get("format") != FORMAT:
            raise ValueError("format")
        rebuild = _Rebuild(arrays)
        return SavedCase(
            kata=kata_id,
            number=number,
            function=str(structure["function"]),
            args=[rebuild(v) for v in structure["args"]],
            kwargs={str(k): rebuild(v) for k, v in structure["kwargs"].items()},
            expected=rebuild(structure["expected"]),
            outputs=structure.get("outputs"),
            backward=structure.get("backward"),
            upstream=[rebuild(v) for v in structure.get("upstream") or []],
            length=structure.get("length"),
            rtol=structure.get("rtol"),
            floor=structure.get("floor"),
            names=sorted(arrays),
            parameters=[str(n) for n in structure.get("parameters") or []],
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError, zipfile.BadZipFile) as exc:
        raise CaseError(
            _(
                "{path} cannot be read ({error}): run `dlkata check {kata}` again to save the "
                "failing calls afresh."
            ).format(path=path, error=f"{type(exc).__name__}: {exc}", kata=kata_id)
        ) from None


def missing_case(workspace: Workspace, kata_id: str, number: int) -> str:
    numbers = saved(workspace, kata_id)
    if not numbers:
        return _(
            "No failing call of {kata} is saved: `dlkata check {kata}` saves them when a "
            "comparison fails."
        ).format(kata=kata_id)
    return _("{kata} has no case {number}; the saved cases are {numbers}.").format(
        kata=kata_id, number=number, numbers=", ".join(str(n) for n in numbers)
    )


class _Rebuild:
    """The inverse of the judge's encoding (`dlkata.judge.cases`): values from markers."""

    def __init__(self, arrays: dict[str, Any]) -> None:
        self.arrays = arrays

    def __call__(self, data: Any) -> Any:
        import numpy as np

        if isinstance(data, list):
            return [self(v) for v in data]
        if not isinstance(data, dict):
            return data
        if "$a" in data:
            return self.arrays[data["$a"]]
        if "$s" in data:
            return self.arrays[data["$s"]][()]
        if "$t" in data:
            return tuple(self(v) for v in data["$t"])
        if "$d" in data:
            return {str(k): self(v) for k, v in data["$d"]}
        if "$float" in data:
            return float(data["$float"])
        if "$rng" in data:
            state = _state(data["$rng"])
            name = state.get("bit_generator") if isinstance(state, dict) else None
            if name not in _RNG_NAMES:
                raise ValueError(f"generator {name!r}")
            bit_generator = getattr(np.random, name)()
            bit_generator.state = state
            return np.random.Generator(bit_generator)
        raise ValueError("marker")


def _state(data: Any) -> Any:
    import numpy as np

    if isinstance(data, dict):
        if "$list" in data:
            return np.array(data["$list"], dtype=np.dtype(data["dtype"]))
        return {k: _state(v) for k, v in data.items()}
    return data
