"""The judge process: grades a few katas with pytest and writes their results as JSON.

It is trusted code (hidden tests, references, helpers) and never imports the learner's file: each
kata's learner process is a `WorkerProcess`. Started by `dlkata.grading`, one per core.
"""

from __future__ import annotations

import contextlib
import json
import os
import resource
import sys
from pathlib import Path
from typing import Any

from dlkata.catalogue import get_kata
from dlkata.judge.proxy import WorkerProcess
from dlkata.limits import Limits
from dlkata.resources import katas_dir
from dlkata.results import KataResult, kata_status

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


def run(spec: dict[str, Any]) -> list[dict[str, Any]]:
    limits = Limits(**spec["limits"])
    katas = {item["id"]: get_kata(item["id"]) for item in spec["katas"]}
    solutions = {item["id"]: Path(item["solution"]) for item in spec["katas"]}
    workers = {
        kata_id: WorkerProcess(solutions[kata_id], kata.function_names, limits)
        for kata_id, kata in katas.items()
    }
    for worker in workers.values():
        worker.start()
    # pytest is imported while the learner processes start up, not before
    import pytest

    from dlkata.judge.plugin import JudgePlugin

    plugin = JudgePlugin(katas, workers)
    paths = [str(kata.tests_path) for kata in katas.values()]
    try:
        with open(os.devnull, "w") as sink, contextlib.redirect_stdout(sink):
            exit_code = pytest.main(
                [*paths, *_PYTEST_ARGS, "--rootdir", str(katas_dir())], plugins=[plugin]
            )
    finally:
        for worker in workers.values():
            worker.close()
    results = []
    for kata_id, kata in katas.items():
        tests, error = plugin.tests(kata_id), plugin.suite_problem(kata_id, int(exit_code))
        results.append(
            KataResult(
                id=kata_id,
                title=kata.title,
                status=kata_status(tests, error, plugin.expected.get(kata_id)),
                file=str(solutions[kata_id]),
                tests=tests,
                error=error,
                output=workers[kata_id].output(),
                sandbox=(workers[kata_id].ready_message or {}).get("sandbox"),
                duration=plugin.durations[kata_id],
            ).to_dict()
        )
    return results


# The judge's own memory ceiling: what a learner's process sends it is bounded (256 MB a
# message, arrays checked against their headers), and a judge that still runs out fails alone,
# as an error of its katas, instead of taking the machine's memory.
JUDGE_MEMORY_BYTES = 8 * 1024**3


def main() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (JUDGE_MEMORY_BYTES, JUDGE_MEMORY_BYTES))
    spec = json.loads(Path(sys.argv[1]).read_text())
    results = run(spec)
    Path(spec["result_file"]).write_text(json.dumps(results))
    # done: skip the interpreter's teardown of NumPy, pytest and the hidden tests' modules, which
    # the learner waits for and nobody needs
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


if __name__ == "__main__":
    main()
