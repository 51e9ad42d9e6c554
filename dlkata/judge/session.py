"""The judge process: grades a few katas with pytest and reports as it goes.

It is trusted code (hidden tests, references, helpers) and never imports the learner's file: each
kata's learner process is a `WorkerProcess`. Started by `dlkata.grading`, one per core, before
the katas are known: it imports what it needs, with a learner process starting beside it, and
then reads its order as JSON lines on stdin (the katas, then the learner's files). It writes
events as JSON lines on its stdout: `progress` as tests finish, then `results`.
"""

from __future__ import annotations

import json
import os
import resource
import sys
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

import pytest

from dlkata import i18n
from dlkata.catalogue import Kata
from dlkata.judge.plugin import JudgePlugin, Progress
from dlkata.judge.proxy import WorkerProcess
from dlkata.judge.salt import salted_inputs
from dlkata.limits import Limits
from dlkata.results import KataResult, kata_status
from dlkata.worker.spawn import Spawned

_PYTEST_ARGS = [
    "-p",
    "no:cacheprovider",
    "-p",
    "no:terminal",
    "-p",
    "no:stepwise",
    # plugins the judge does not use, each of which costs time: output capture swaps file
    # descriptors around every test, and the unraisable-exception plugin collects garbage twice
    "-p",
    "no:unraisableexception",
    "-p",
    "no:threadexception",
    "-p",
    "no:faulthandler",
    "-p",
    "no:doctest",
    "-p",
    "no:junitxml",
    "-p",
    "no:pastebin",
    "-p",
    "no:legacypath",
    "--capture=no",
    "--noconftest",
    "--assert=plain",
    "--import-mode=importlib",
    "-W",
    "ignore::pytest.PytestAssertRewriteWarning",
    "-c",
    str(Path(__file__).with_name("pytest.ini")),
]


def run(
    katas: dict[str, Kata],
    limits: Limits,
    read_solutions: Callable[[], dict[str, Any]],
    spare: Spawned | None = None,
    progress: Progress | None = None,
) -> list[dict[str, Any]]:
    """Grade `katas`. Their tests are collected first; `read_solutions` is then asked for the
    learner's files (in `dlkata watch`, it waits for the next save): the order's `solutions`,
    and `cases` (send the failing calls, for a local check). `spare` is a learner process
    started early, for the first kata."""
    solutions: dict[str, Path] = {}

    def start_workers() -> dict[str, WorkerProcess]:
        nonlocal spare
        order = read_solutions()
        solutions.update({k: Path(v) for k, v in order["solutions"].items()})
        plugin.keep_cases = bool(order.get("cases"))
        workers = {}
        for kata_id, kata in katas.items():
            workers[kata_id] = WorkerProcess(
                solutions[kata_id], kata.function_names, limits, spare, kata.folder
            )
            workers[kata_id].start()
            spare = None
        return workers

    plugin = JudgePlugin(katas, start_workers, progress)
    paths = [str(kata.tests_path) for kata in katas.values()]
    root = os.path.commonpath([str(kata.folder.parent) for kata in katas.values()])
    try:
        exit_code = pytest.main([*paths, *_PYTEST_ARGS, "--rootdir", root], plugins=[plugin])
    finally:
        for worker in plugin.workers.values():
            worker.close()
    results = []
    for kata_id, kata in katas.items():
        tests, error = plugin.tests(kata_id), plugin.suite_problem(kata_id, int(exit_code))
        worker = plugin.workers.get(kata_id)
        results.append(
            KataResult(
                id=kata_id,
                title=kata.title,
                status=kata_status(tests, error, plugin.expected.get(kata_id)),
                file=str(solutions.get(kata_id, "")),
                tests=tests,
                error=error,
                output=worker.output(0, plugin.imported_at.get(kata_id)) if worker else "",
                sandbox=(worker.ready_message or {}).get("sandbox") if worker else None,
                duration=plugin.durations[kata_id],
            ).to_dict()
        )
    return results


# The judge's own memory ceiling: what a learner's process sends it is bounded (256 MB a
# message, arrays checked against their dtype and shape), and a judge that still runs out fails
# alone, as an error of its katas, instead of taking the machine's memory.
JUDGE_MEMORY_BYTES = 8 * 1024**3


def main(spare: Spawned | None = None) -> None:
    """Read the order in two lines: the katas, limits and salt (their tests are collected at
    once), then the learner's files. A line that never comes (the command ended, or a waiting judge
    was let go) ends the judge quietly."""
    resource.setrlimit(resource.RLIMIT_AS, (JUDGE_MEMORY_BYTES, JUDGE_MEMORY_BYTES))
    events = _events_channel()
    order = _read_order()
    i18n.use(order["language"])
    katas = {item["id"]: Kata.from_json(item) for item in order["katas"]}

    def read_solutions() -> dict[str, Any]:
        return _read_order()

    def progress(kata_id: str, done: int, total: int) -> None:
        _emit(events, {"event": "progress", "kata": kata_id, "done": done, "total": total})

    # salted before the hidden tests are imported: a draw at import is salted too
    with salted_inputs(order.get("salt")):
        results = run(katas, Limits(**order["limits"]), read_solutions, spare, progress)
    _emit(events, {"event": "results", "results": results})
    # done: skip the interpreter's teardown of NumPy, pytest and the hidden tests' modules, which
    # the learner waits for and nobody needs
    sys.stderr.flush()
    os._exit(0)


def _read_order() -> dict[str, Any]:
    line = sys.stdin.readline()
    if not line:
        os._exit(0)
    return json.loads(line)


def _events_channel() -> IO[str]:
    """The original stdout, kept for events; file descriptor 1 itself then points nowhere, so
    that nothing a hidden test or a library prints can be mistaken for an event."""
    events = os.fdopen(os.dup(1), "w", encoding="utf-8")
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.close(devnull)
    return events


def _emit(events: IO[str], event: dict[str, Any]) -> None:
    events.write(json.dumps(event) + "\n")
    events.flush()
