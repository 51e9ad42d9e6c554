"""Grade learner files: split the katas over judge processes (one per core) and gather results.

This is the library entry point that the CLI and the notebook API share. The judge processes are
trusted; each starts its own learner processes. A judge that dies or hangs turns into an `error`
result for its katas, never into an exception here.

Judges start before they are needed: a `JudgePool` warmed at the start of a command (or kept by
`dlkata watch` between saves) holds judges that have imported pytest and NumPy, each with a
learner process waiting beside it, so that grading begins the moment the katas are known.
"""

from __future__ import annotations

import contextlib
import json
import os
import selectors
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import IO, Any

from dlkata import i18n
from dlkata.catalogue import Kata
from dlkata.limits import Limits
from dlkata.resources import PACKAGE_DIR
from dlkata.results import KataResult, Status
from dlkata.worker.spawn import ONE_THREAD

_JUDGE_GRACE = 30.0
# the judge's first step is to start a learner process, before its own imports
_BOOTSTRAP = (
    "import sys; sys.path.insert(0, sys.argv[1]); "
    "from dlkata.worker.spawn import spawn_worker; spare = spawn_worker(); "
    "from dlkata.judge.session import main; main(spare)"
)
_MAX_EVENT_BYTES = 64 * 1024**2

# told (kata, tests with a result, tests in all) while a kata is graded
OnProgress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class GradeRequest:
    kata: Kata
    solution: Path


class Judge:
    """One judge process: started at once, given its katas later, read as it reports."""

    def __init__(self) -> None:
        # The judge starts isolated, like the learner's process: no current folder on sys.path
        # (a `pytest.py` beside the learner's file changes nothing), no PYTHON* or PYTEST*
        # variables, no plugins loaded from the environment, and a scratch folder as its cwd.
        env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "PYTHON"))}
        env["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"
        env |= ONE_THREAD
        self.scratch = tempfile.TemporaryDirectory(prefix="dlkata-")
        self.stderr = tempfile.TemporaryFile()  # a file, not a pipe: it can never fill up
        self.process = subprocess.Popen(
            [sys.executable, "-I", "-c", _BOOTSTRAP, str(PACKAGE_DIR.parent)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.stderr,
            env=env,
            cwd=self.scratch.name,
        )
        # katas, limits, language, salt
        self.prepared: tuple[list[str], Limits, str, str | None] | None = None
        self.group: list[GradeRequest] = []
        self.allowed = self.deadline = 0.0
        self.results: dict[str, KataResult] = {}
        self.problem = ""
        self._buffer = b""

    def prepare(self, katas: list[Kata], limits: Limits, salt: str | None = None) -> None:
        """Name the katas: the judge collects their tests, then waits for the learner's files.
        `salt` (class grading's) is the order's, for the hidden tests' random inputs."""
        self.prepared = ([k.id for k in katas], limits, i18n.language(), salt)
        order = {"katas": [k.to_json() for k in katas], "language": i18n.language(), "salt": salt}
        self._write({**order, "limits": asdict(limits)})

    def submit(
        self,
        group: list[GradeRequest],
        limits: Limits,
        cases: bool = False,
        salt: str | None = None,
    ) -> None:
        """Give the learner's files (naming the katas first unless `prepare` did); with
        `cases`, failing calls come back with the results (for `dlkata replay`)."""
        if self.prepared is None:
            self.prepare([r.kata for r in group], limits, salt)
        self.group = group
        self.allowed = limits.kata_timeout * len(group) + _JUDGE_GRACE
        self.deadline = time.monotonic() + self.allowed
        solutions = {r.kata.id: str(r.solution.resolve()) for r in group}
        self._write({"solutions": solutions, "cases": cases})
        try:
            assert self.process.stdin is not None
            self.process.stdin.close()
        except OSError:
            pass

    def _write(self, order: dict[str, Any]) -> None:
        try:
            assert self.process.stdin is not None
            self.process.stdin.write((json.dumps(order) + "\n").encode())
            self.process.stdin.flush()
        except OSError:
            pass  # it died already: `finish` says how

    @property
    def events(self) -> IO[bytes]:
        assert self.process.stdout is not None
        return self.process.stdout

    def read_events(self, on_progress: OnProgress | None) -> bool:
        """Take what the judge has written; False once it has closed its side."""
        chunk = os.read(self.events.fileno(), 1 << 16)
        if not chunk:
            return False
        self._buffer += chunk
        if len(self._buffer) > _MAX_EVENT_BYTES:
            self.problem = "it wrote more than the grader reads"
            return False
        *lines, self._buffer = self._buffer.split(b"\n")
        for line in lines:
            self._take(json.loads(line), on_progress)
        return True

    def _take(self, event: dict[str, Any], on_progress: OnProgress | None) -> None:
        if event.get("event") == "progress" and on_progress is not None:
            on_progress(event["kata"], event["done"], event["total"])
        elif event.get("event") == "results":
            for data in event["results"]:
                self.results[data["id"]] = KataResult.from_dict(data)

    def finish(self, timed_out: bool) -> dict[str, KataResult]:
        """The results, with an error result for each kata the judge did not report."""
        if timed_out:
            self.process.kill()
            self.problem = f"it did not finish within {self.allowed:.0f} s"
        code = self.process.wait()
        if not self.problem and not self.results:
            self.stderr.seek(0)
            self.problem = self.stderr.read().decode(errors="replace").strip()[-2000:]
            if code < 0:
                self.problem = f"it was killed by signal {_signal_name(-code)}. {self.problem}"
        self.close()
        results = dict(self.results)
        for r in self.group:
            if r.kata.id in results:
                results[r.kata.id].file = results[r.kata.id].file or str(r.solution)
            else:
                results[r.kata.id] = KataResult(
                    id=r.kata.id,
                    title=r.kata.title,
                    status=Status.ERROR,
                    file=str(r.solution),
                    error={
                        "kind": "grader",
                        "message": f"the grader itself failed: {self.problem}",
                    },
                )
        return results

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        for stream in (self.process.stdin, self.process.stdout, self.stderr):
            if stream is not None:
                stream.close()
        self.scratch.cleanup()


@dataclass
class JudgePool:
    """Judges started ahead of need; `take` hands one out (a new one if none is waiting).
    Use it as a context manager, so that judges never taken are stopped."""

    waiting: list[Judge] = field(default_factory=list)

    def warm(
        self,
        count: int,
        katas: list[Kata] | None = None,
        limits: Limits | None = None,
        salt: str | None = None,
    ) -> None:
        """Have `count` judges waiting; with `katas`, new ones collect their tests at once."""
        while len(self.waiting) < count:
            judge = Judge()
            if katas:
                judge.prepare(katas, limits or Limits(), salt)
            self.waiting.append(judge)

    def take(self, group: list[GradeRequest], limits: Limits, salt: str | None = None) -> Judge:
        """A judge prepared for exactly these katas, limits and salt, else one not prepared yet,
        else a new one. Judges prepared for other katas keep waiting until the pool is closed."""
        wanted = ([r.kata.id for r in group], limits, i18n.language(), salt)
        for fits in (lambda j: j.prepared == wanted, lambda j: j.prepared is None):
            for judge in self.waiting:
                if fits(judge):
                    self.waiting.remove(judge)
                    return judge
        return Judge()

    def close(self) -> None:
        for judge in self.waiting:
            judge.close()
        self.waiting.clear()

    def __enter__(self) -> JudgePool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def default_jobs(katas: int) -> int:
    return max(1, min(os.cpu_count() or 1, katas))


def grade(
    requests: list[GradeRequest],
    limits: Limits | None = None,
    jobs: int | None = None,
    *,
    pool: JudgePool | None = None,
    on_progress: OnProgress | None = None,
    cases: bool = False,
    salt: str | None = None,
) -> list[KataResult]:
    """Grade every request and return the results in the same order; with `cases`, each
    failing comparison's call comes with its test (`TestResult.case`). `salt` goes to the
    judges' order (class grading's; None grades with the kata's own seeds)."""
    if not requests:
        return []
    limits = limits or Limits()
    jobs = min(jobs or default_jobs(len(requests)), len(requests))
    groups = [requests[i::jobs] for i in range(jobs)]
    # a pool of the caller's is left open: its waiting judges are the caller's to stop
    with JudgePool() if pool is None else contextlib.nullcontext(pool) as judges:
        by_id = _grade_groups(groups, limits, judges, on_progress, cases, salt)
        # A judge that failed as a whole (it crashed or hung) failed every kata it held: grade
        # those again, each in a judge of its own, so that one kata never takes the others down.
        again = [
            r
            for group in groups
            if len(group) > 1
            for r in group
            if (by_id[r.kata.id].error or {}).get("kind") == "grader"
        ]
        for start in range(0, len(again), jobs):
            batch = [[r] for r in again[start : start + jobs]]
            by_id.update(_grade_groups(batch, limits, judges, on_progress, cases, salt))
    return [by_id[r.kata.id] for r in requests]


def _grade_groups(
    groups: list[list[GradeRequest]],
    limits: Limits,
    pool: JudgePool,
    on_progress: OnProgress | None,
    cases: bool = False,
    salt: str | None = None,
) -> dict[str, KataResult]:
    """One judge per group, all at once; each group's katas graded one after another."""
    judges = []
    for group in groups:
        judge = pool.take(group, limits, salt)
        judge.submit(group, limits, cases, salt)
        judges.append(judge)
    by_id: dict[str, KataResult] = {}
    with selectors.DefaultSelector() as selector:
        for judge in judges:
            selector.register(judge.events, selectors.EVENT_READ, judge)
        running = set(judges)
        while running:
            wait = max(min(j.deadline for j in running) - time.monotonic(), 0.0)
            ready = selector.select(timeout=wait)
            for key, _ in ready:
                judge = key.data
                try:
                    going = judge.read_events(on_progress)
                except (ValueError, KeyError, TypeError) as exc:
                    judge.problem, going = f"its report could not be read ({exc})", False
                if not going:
                    selector.unregister(judge.events)
                    running.discard(judge)
                    by_id.update(judge.finish(timed_out=False))
            for judge in [j for j in running if time.monotonic() >= j.deadline]:
                selector.unregister(judge.events)
                running.discard(judge)
                by_id.update(judge.finish(timed_out=True))
    return by_id


def _signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return str(number)
