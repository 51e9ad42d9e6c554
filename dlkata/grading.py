"""Grade learner files: split the katas over judge processes (one per core) and gather results.

This is the library entry point that the CLI and the notebook API share. The judge processes are
trusted; each starts its own learner processes. A judge that dies or hangs turns into an `error`
result for its katas, never into an exception here.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from dlkata.catalogue import Kata
from dlkata.limits import Limits
from dlkata.resources import PACKAGE_DIR
from dlkata.results import KataResult, Status

_JUDGE_GRACE = 30.0


@dataclass(frozen=True)
class GradeRequest:
    kata: Kata
    solution: Path


def grade(
    requests: list[GradeRequest], limits: Limits | None = None, jobs: int | None = None
) -> list[KataResult]:
    """Grade every request and return the results in the same order."""
    if not requests:
        return []
    limits = limits or Limits()
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(requests)))
    groups = [requests[i::jobs] for i in range(jobs)]
    by_id = _grade_groups(groups, limits)
    # A judge that failed as a whole (it crashed or hung) failed every kata it held: grade those
    # again, each in a judge of its own, so that one kata never takes the others down with it.
    again = [
        r
        for group in groups
        if len(group) > 1
        for r in group
        if (by_id[r.kata.id].error or {}).get("kind") == "grader"
    ]
    for start in range(0, len(again), jobs):
        by_id.update(_grade_groups([[r] for r in again[start : start + jobs]], limits))
    return [by_id[r.kata.id] for r in requests]


def _grade_groups(groups: list[list[GradeRequest]], limits: Limits) -> dict[str, KataResult]:
    """One judge process per group, all at once; each group's katas graded one after another."""
    by_id: dict[str, KataResult] = {}
    with tempfile.TemporaryDirectory(prefix="dlkata-") as scratch:
        started = time.monotonic()
        judges = [_start_judge(group, limits, Path(scratch), n) for n, group in enumerate(groups)]
        for (process, result_file), group in zip(judges, groups):
            deadline = started + limits.kata_timeout * len(group) + _JUDGE_GRACE
            by_id.update(_finish_judge(process, result_file, group, deadline))
    return by_id


def _start_judge(
    group: list[GradeRequest], limits: Limits, scratch: Path, number: int
) -> tuple[subprocess.Popen[bytes], Path]:
    result_file = scratch / f"results-{number}.json"
    spec_file = scratch / f"spec-{number}.json"
    spec = {
        "katas": [{"id": r.kata.id, "solution": str(r.solution.resolve())} for r in group],
        "limits": asdict(limits),
        "result_file": str(result_file),
    }
    spec_file.write_text(json.dumps(spec))
    # The judge starts isolated, like the learner's process: no current folder on sys.path (a
    # `pytest.py` or `numpy.py` beside the learner's file changes nothing), no PYTHON* or PYTEST*
    # variables, no plugins loaded from the environment.
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "PYTHON"))}
    env["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"
    env |= {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
    bootstrap = (
        "import sys; sys.path.insert(0, sys.argv[2]); from dlkata.judge.session import main; main()"
    )
    process = subprocess.Popen(
        [sys.executable, "-I", "-c", bootstrap, str(spec_file), str(PACKAGE_DIR.parent)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        cwd=scratch,
    )
    return process, result_file


def _finish_judge(
    process: subprocess.Popen[bytes], result_file: Path, group: list[GradeRequest], deadline: float
) -> dict[str, KataResult]:
    timeout = max(deadline - time.monotonic(), 0.1)
    try:
        _, stderr = process.communicate(timeout=timeout)
        problem = stderr.decode(errors="replace").strip()[-2000:]
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        problem = f"it did not finish within {timeout:.0f} s"
    else:
        if process.returncode < 0:
            problem = f"it was killed by signal {_signal_name(-process.returncode)}. {problem}"
    results: dict[str, KataResult] = {}
    if process.returncode == 0:
        try:
            for data in json.loads(result_file.read_text()):
                results[data["id"]] = KataResult.from_dict(data)
        except (OSError, ValueError, KeyError, TypeError) as exc:
            problem = f"its results could not be read ({exc})"
    for r in group:
        if r.kata.id not in results:
            results[r.kata.id] = KataResult(
                id=r.kata.id,
                title=r.kata.title,
                status=Status.ERROR,
                file=str(r.solution),
                error={"kind": "grader", "message": f"the grader itself failed: {problem}"},
            )
    return results


def _signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return str(number)
