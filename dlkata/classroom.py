"""Grading a class (`dlkata grade`): many submissions, read-only, in parallel, resumable.

A submission is only ever a set of kata files: `<kata>.py` in the submission's folder, or in the
folder its own `dlkata.yaml` names as `workspace:` (the one setting read from it, and only when it
stays inside the submission). Each file is read once, refusing symbolic links (a link to the
teacher's reference is not a solution) and files over `MAX_FILE_BYTES`, and copied into a scratch
folder of the teacher's; the judge grades the copies with the teacher's katas, hidden tests,
references and limits. Nothing is written into a submission and nothing in it is imported here.

Results are kept per submission in the teacher's state folder (`--state`), keyed by the
submission's files, the salt, the limits and the grader (dlkata's version and the graded katas'
own files), so that an interrupted run resumes where it stopped and a rerun grades only what
changed.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import csv
import hashlib
import json
import os
import stat
import tempfile
import threading
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dlkata import __version__
from dlkata.catalogue import Kata
from dlkata.gradebook import Gradebook, KataScore, Scoring, StudentGrades, salt_id
from dlkata.i18n import _
from dlkata.limits import Limits
from dlkata.results import Status
from dlkata.workspace import CONFIG_NAME, WorkspaceError, write_atomic

if TYPE_CHECKING:
    from dlkata.grading import JudgePool

MAX_FILE_BYTES = 1024**2  # a kata file larger than this is not graded
MAX_MESSAGE = 500  # characters of an error's message kept in the gradebook
_MAX_CONFIG_BYTES = 64 * 1024
STATE_FOLDER = ".dlkata-grade"

# told (student id, whether its results were kept from an earlier run) as each one is done
OnDone = Callable[[str, bool], None]


@dataclass(frozen=True)
class Submission:
    """One student's folder (it need not exist: a student who handed nothing in)."""

    id: str
    folder: Path
    # the folder as the roster or the command line wrote it, for the gradebook: the same on
    # every machine of a CI matrix
    given: str = ""


def from_folders(folders: Sequence[Path]) -> list[Submission]:
    """Submissions named by their folders: each folder's name is the student's id."""
    submissions = [Submission(folder.resolve().name, folder, str(folder)) for folder in folders]
    return _unique(submissions, _("two submission folders have the same name"))


def read_roster(path: Path) -> list[Submission]:
    """A roster: CSV with the header `student,folder`, each folder relative to the roster."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as stream:
            rows = list(csv.DictReader(stream))
            header = rows[0].keys() if rows else set()
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise WorkspaceError(
            _("The roster {path} cannot be read: {problem}").format(path=path, problem=exc)
        ) from None
    if not {"student", "folder"} <= set(header):
        raise WorkspaceError(
            _(
                "The roster {path} needs a header line `student,folder` and one line per "
                "student, e.g. `ada,submissions/ada`."
            ).format(path=path)
        )
    submissions = []
    for line, row in enumerate(rows, start=2):
        student, folder = (row.get("student") or "").strip(), (row.get("folder") or "").strip()
        if not student or not folder:
            raise WorkspaceError(
                _("The roster {path}, line {line}: give both a student and a folder.").format(
                    path=path, line=line
                )
            )
        submissions.append(Submission(student, path.parent / folder, folder))
    return _unique(submissions, _("the roster {path} names a student twice").format(path=path))


def _unique(submissions: list[Submission], problem: str) -> list[Submission]:
    seen: set[str] = set()
    for submission in submissions:
        if submission.id in seen:
            raise WorkspaceError(f"{problem}: {submission.id}")
        seen.add(submission.id)
    return submissions


def shard(submissions: Sequence[Submission], index: int, count: int) -> list[Submission]:
    """The `index`-th (from 1) of `count` slices: students in id order, dealt round-robin, so
    that every machine of a CI matrix gets the same slice and the slices are even."""
    ordered = sorted(submissions, key=lambda s: s.id)
    return ordered[index - 1 :: count]


# --- reading a submission, read-only ----------------------------------------------------------


def kata_folder(submission: Path) -> Path:
    """Where the submission keeps its kata files: its root, or its own `dlkata.yaml`'s
    `workspace:` if that stays inside the submission (nothing else of that file is read)."""
    import yaml

    config = submission / CONFIG_NAME
    try:
        if config.is_symlink() or not config.is_file() or config.stat().st_size > _MAX_CONFIG_BYTES:
            return submission
        data = yaml.safe_load(config.read_text(encoding="utf-8"))
        folder = data.get("workspace") if isinstance(data, dict) else None
        if not isinstance(folder, str):
            return submission
        inside = Path(os.path.realpath(submission / folder))
        root = Path(os.path.realpath(submission))
        return inside if inside == root or root in inside.parents else submission
    except (OSError, ValueError, UnicodeDecodeError, yaml.YAMLError):
        return submission


def read_kata_file(path: Path) -> bytes | str | None:
    """The file's bytes; None when there is none; a problem (str) when it cannot be graded: a
    symbolic link, not a plain file, too large, or unreadable."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except FileNotFoundError:
        return None
    except OSError as exc:
        if path.is_symlink():
            return _("{name} is a symbolic link: only plain files are graded").format(
                name=path.name
            )
        return _("{name} cannot be read: {problem}").format(name=path.name, problem=exc.strerror)
    with os.fdopen(fd, "rb") as stream:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return _("{name} is not a plain file").format(name=path.name)
        if info.st_size > MAX_FILE_BYTES:
            return _("{name} is larger than {size} MiB").format(
                name=path.name, size=MAX_FILE_BYTES // 1024**2
            )
        return stream.read(MAX_FILE_BYTES + 1)


def submission_files(submission: Submission, katas: Sequence[str]) -> dict[str, bytes | str | None]:
    folder = kata_folder(submission.folder)
    return {kata: read_kata_file(folder / f"{kata}.py") for kata in katas}


# --- results kept between runs ----------------------------------------------------------------


def grader_digest(katas: Sequence[Kata], limits: Limits, salt: str) -> str:
    """What the verdicts depend on besides the files: dlkata's version, each graded kata's
    own files (kata.yaml, hidden tests, reference), the limits and the salt."""
    digest = hashlib.sha256(f"{__version__}\0{salt}\0{sorted(asdict(limits).items())}".encode())
    for kata in katas:
        for path in (kata.folder / "kata.yaml", kata.tests_path, kata.reference_path):
            digest.update(kata.id.encode() + b"\0")
            with contextlib.suppress(OSError):
                digest.update(path.read_bytes())
    return digest.hexdigest()


def submission_key(grader: str, files: dict[str, bytes | str | None]) -> str:
    """The key of a submission's kept results: its files' bytes (a file that cannot be graded
    and a missing one each by a mark of its own, whatever the language of the problem's words)
    under the grader's digest."""
    digest = hashlib.sha256(grader.encode())
    for kata, content in sorted(files.items()):
        digest.update(f"\0{kata}\0".encode())
        if isinstance(content, bytes):
            digest.update(b"file\0" + hashlib.sha256(content).digest())
        else:
            digest.update(b"missing" if content is None else b"unreadable")
    return digest.hexdigest()


@dataclass
class ResultStore:
    """The state folder: one JSON file of outcomes per graded submission, by key."""

    folder: Path
    graded: int = 0  # submissions graded in this run
    reused: int = 0  # submissions whose results were kept from an earlier run

    def path(self, key: str) -> Path:
        return self.folder / "results" / f"{key}.json"

    def get(self, key: str) -> dict[str, Any] | None:
        try:
            data = json.loads(self.path(key).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None  # not graded yet, or unreadable: grade again
        return data if isinstance(data, dict) else None

    def put(self, key: str, outcomes: dict[str, Any]) -> None:
        write_atomic(self.path(key), json.dumps(outcomes, sort_keys=True))


# --- grading ----------------------------------------------------------------------------------


@dataclass
class ClassRun:
    """A class graded: the gradebook, and how many submissions were graded or kept."""

    gradebook: Gradebook
    graded: int = 0
    reused: int = 0
    warnings: list[str] = field(default_factory=list)


def grade_class(
    submissions: Sequence[Submission],
    katas: Sequence[Kata],
    scoring: Scoring,
    limits: Limits,
    salt: str,
    *,
    state: Path,
    jobs: int = 1,
    on_done: OnDone | None = None,
    generated_salt: bool = False,
) -> ClassRun:
    """Grade every submission (`jobs` at a time, each in a judge of its own, under the
    teacher's `limits`), keeping results in `state`; the gradebook lists students by id."""
    store = ResultStore(state)
    grader = grader_digest(katas, limits, salt)
    ids = [k.id for k in katas]
    warnings = [
        _("{folder} does not exist: every kata of {student} is missing.").format(
            folder=s.folder, student=s.id
        )
        for s in submissions
        if not s.folder.is_dir()
    ]
    lock = threading.Lock()
    local = threading.local()
    pools: list[JudgePool] = []

    def one(submission: Submission) -> StudentGrades:
        files = submission_files(submission, ids)
        key = submission_key(grader, files)
        # a submission with no kata file at all has nothing to grade, nor to keep
        outcomes = store.get(key) if any(f is not None for f in files.values()) else {}
        reused = bool(outcomes)
        if outcomes is None:
            outcomes = _grade_files(files, katas, limits, salt, _pool(local, pools, lock))
            # a failure of the grader itself (an interrupt, a judge that died) is graded again
            if not any(o.get("grader_failed") for o in outcomes.values()):
                store.put(key, outcomes)
        with lock:
            store.reused += reused
            store.graded += not reused and bool(outcomes)
        if on_done is not None:
            on_done(submission.id, reused)
        scores = {k: KataScore.from_outcome(outcomes.get(k), k, scoring) for k in ids}
        return StudentGrades(submission.id, submission.given or str(submission.folder), scores)

    executor = concurrent.futures.ThreadPoolExecutor(max_workers=max(1, jobs))
    try:
        students = list(executor.map(one, submissions))
    finally:
        executor.shutdown(wait=True, cancel_futures=True)
        for pool in pools:
            pool.close()
    students.sort(key=lambda s: s.id)
    book = Gradebook(salt_id(salt), ids, students, salt if generated_salt else None)
    return ClassRun(book, store.graded, store.reused, warnings)


def _pool(local: threading.local, pools: list[JudgePool], lock: threading.Lock) -> JudgePool:
    """This thread's judges: one grading, one starting for the next submission."""
    from dlkata.grading import JudgePool

    if not hasattr(local, "pool"):
        local.pool = JudgePool()
        with lock:
            pools.append(local.pool)
    return local.pool


def _grade_files(
    files: dict[str, bytes | str | None],
    katas: Sequence[Kata],
    limits: Limits,
    salt: str,
    pool: JudgePool,
) -> dict[str, Any]:
    """Each kata's outcome (`{"status", "tests", "message"}`): the files copied into a scratch
    folder and graded there; a file that cannot be graded is an error, a missing one absent."""
    from dlkata.grading import GradeRequest, grade

    outcomes: dict[str, Any] = {}
    pool.warm(2, list(katas), limits, salt)
    with tempfile.TemporaryDirectory(prefix="dlkata-grade-") as scratch:
        requests = []
        for kata in katas:
            content = files[kata.id]
            if isinstance(content, str):
                outcomes[kata.id] = {"status": Status.ERROR.value, "tests": [], "message": content}
            elif content is not None:
                copy = Path(scratch) / f"{kata.id}.py"
                copy.write_bytes(content)
                requests.append(GradeRequest(kata, copy))
        for result in grade(requests, limits, jobs=1, pool=pool, salt=salt):
            error = result.error or {}
            outcomes[result.id] = {
                "status": result.status.value,
                "message": str(error.get("message", "")).strip()[:MAX_MESSAGE] or None,
                "grader_failed": error.get("kind") == "grader",
                "tests": [
                    {"name": t.name, "status": t.status.value, "function": t.function}
                    for t in result.tests
                ],
            }
    return outcomes
