"""One `dlkata check`, as a library call: which files to grade, with which limits, and what the
verdicts mean for a course (a kata not started is skipped, not failed, unless it is required).

The CLI, `dlkata watch` and the notebook API share this, so they agree on every verdict. Errors
the learner can fix (an unknown kata, a missing file, a bad `dlkata.yaml`) are `WorkspaceError`s
whose message says what to do.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dlkata.catalogue import UnknownKata, get_kata, load_catalogue
from dlkata.failure_cases import save_cases
from dlkata.i18n import _
from dlkata.problems import shown
from dlkata.results import KataResult, Status, Summary, summarise
from dlkata.workspace import DEFAULT_FOLDER, Workspace, WorkspaceError, file_errors

if TYPE_CHECKING:
    from dlkata.grading import JudgePool, OnProgress
    from dlkata.limits import Limits

DEFAULT_LIMITS: dict[str, Any] = {"timeout": 10.0, "kata_timeout": 60.0, "memory_limit": "2G"}
_MIN_MEMORY = 64 * 1024**2


def parse_memory(text: str | int) -> int:
    """`512M`, `2G`, `1.5GiB` or a number of bytes; at least 64M, as Python and NumPy need it."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([KMG]?)i?B?\s*", str(text), re.IGNORECASE)
    if not match:
        raise ValueError(_("'{text}' is not a size: use e.g. 512M or 2G").format(text=text))
    number, unit = float(match.group(1)), match.group(2).upper()
    size = int(number * {"": 1, "K": 1024, "M": 1024**2, "G": 1024**3}[unit])
    if size < _MIN_MEMORY:
        raise ValueError(
            _("'{text}' is too small: at least 64M (Python and NumPy need that much)").format(
                text=text
            )
        )
    return size


def resolve_limits(workspace: Workspace, **overrides: Any) -> Limits:
    """The limits for learner code: an option given on the command line, else the `limits:` of
    `dlkata.yaml` (checked by its schema when it was read), else the defaults. Keys: `timeout`,
    `kata_timeout`, `memory_limit`."""
    from dlkata.limits import Limits

    chosen = {**DEFAULT_LIMITS, **(workspace.config.limits if workspace.config else {})}
    chosen.update({k: v for k, v in overrides.items() if v is not None})
    return Limits(
        call_timeout=float(chosen["timeout"]),
        kata_timeout=float(chosen["kata_timeout"]),
        memory_bytes=parse_memory(chosen["memory_limit"]),
    )


@dataclass
class CheckOutcome:
    """The verdicts of one check, and warnings about dlkata's own state for the learner."""

    results: list[KataResult]
    warnings: list[str] = field(default_factory=list)
    graded: int = 0  # how many kata files were found and graded

    @property
    def summary(self) -> Summary:
        """The verdict (a kata that failed, could not be graded or is required but not started
        fails the check; skipped katas are fine; no kata file at all is `nothing_graded`) and
        the counts."""
        return summarise(self.results, self.graded)


def run_check(
    workspace: Workspace,
    names: Sequence[str] = (),
    *,
    all_katas: bool = False,
    file: Path | None = None,
    limits: Limits | None = None,
    lenient: bool = False,
    require_all: bool = False,
    pool: JudgePool | None = None,
    on_progress: OnProgress | None = None,
    keep_cases: bool = False,
) -> CheckOutcome:
    """Grade the named katas (or every kata with `all_katas`, or one `file`), record the verdicts
    of the workspace's files, and mark a kata not started as skipped when `lenient` (CI, --all)
    unless the course requires it or `require_all`. Judges come from `pool` (`dlkata watch`
    keeps one warm), else from a pool started here, before the katas are even looked up.
    `keep_cases` (a local check, never CI) saves each failing call for `dlkata replay`."""
    from dlkata.grading import GradeRequest, JudgePool, default_jobs, grade

    # a file graded with --file has its calls saved only in a workspace that exists already:
    # grading a file never creates a workspace
    keep_cases = keep_cases and (file is None or workspace.root.is_dir())

    with JudgePool() if pool is None else contextlib.nullcontext(pool) as judges:
        judges.warm(default_jobs(len(load_catalogue())) if all_katas or len(names) > 1 else 1)
        required = required_katas(workspace)
        targets = _targets(workspace, names, all_katas, file)
        requests = [
            GradeRequest(get_kata(kata_id), path) for kata_id, path in targets if path.is_file()
        ]
        graded = {
            r.id: r
            for r in grade(requests, limits, pool=judges, on_progress=on_progress, cases=keep_cases)
        }
    results = [graded.get(kata_id) or _not_started(kata_id, path) for kata_id, path in targets]
    warnings = _record(workspace, list(graded.values())) if file is None and graded else []
    if keep_cases:
        warnings += save_cases(workspace, list(graded.values()))
    for result in results:
        if (
            result.status is Status.NOT_STARTED
            and lenient
            and not require_all
            and result.id not in required
        ):
            result.skipped = True
    return CheckOutcome(
        results, warnings + sandbox_warnings(list(graded.values())), graded=len(requests)
    )


def _record(workspace: Workspace, results: list[KataResult]) -> list[str]:
    """Record the verdicts for `list` and `status`; a workspace that cannot be written (a
    read-only checkout) still gets its report, with a warning instead of the record."""
    from dlkata.progress import record_results

    try:
        return record_results(workspace, results)
    except WorkspaceError as exc:
        return [
            _(
                "{problem} (The verdicts below were graded but not recorded for `dlkata status`.)"
            ).format(problem=exc)
        ]


KERNEL_LAYERS = ("landlock", "seccomp")


def sandbox_warnings(results: list[KataResult]) -> list[str]:
    """One line when the learner's process ran without a kernel layer of the sandbox, so that a
    weaker guarantee is said once rather than silently (README: what the sandbox guarantees)."""
    reported = [set(r.sandbox) for r in results if r.sandbox is not None]
    missing = sorted({name for layers in reported for name in KERNEL_LAYERS if name not in layers})
    if not missing:
        return []
    layers = (
        _("{first} or {second}").format(first=missing[0], second=missing[1])
        if len(missing) == 2
        else missing[0]
    )
    return [
        _(
            "This system has no {layers} for the grader's sandbox, so solutions ran with the "
            "audit hook alone: see 'What the sandbox guarantees' in dlkata's README."
        ).format(layers=layers)
    ]


def required_katas(workspace: Workspace) -> set[str]:
    """The katas `dlkata.yaml` requires (its schema made sure that each is a kata)."""
    return set(workspace.config.required) if workspace.config else set()


def _targets(
    workspace: Workspace, names: Sequence[str], all_katas: bool, file: Path | None
) -> list[tuple[str, Path]]:
    if file is not None:
        if all_katas or len(names) != 1:
            raise WorkspaceError(
                _("--file grades one kata: name it, e.g. `dlkata check conv2d --file my.py`")
            )
        if file.is_dir():
            raise WorkspaceError(
                _(
                    "--file {file} is a folder: name the file to grade, e.g. --file {file}/my.py"
                ).format(file=file)
            )
        if not _readable(file):
            raise WorkspaceError(_("{path} does not exist.").format(path=file))
        return [(_known(names[0]), file)]
    if all_katas:
        if names:
            raise WorkspaceError(_("give kata names or --all, not both"))
        targets = [(kata_id, workspace.file_for(kata_id)) for kata_id in load_catalogue()]
        for _kata_id, path in targets:
            _readable(path)
        return targets
    if not names:
        raise WorkspaceError(_("name a kata (e.g. `dlkata check linear`) or use --all."))
    targets = []
    for name in dict.fromkeys(names):
        kata_id = _known(name)
        path = workspace.file_for(kata_id)
        if not _readable(path):
            default = (
                workspace.config.folder if workspace.config else Path(DEFAULT_FOLDER).resolve()
            )
            where = "" if workspace.root == default else f" --dir {workspace.root}"
            raise WorkspaceError(
                _("{path} does not exist. Create it with `dlkata new {kata}{where}`.").format(
                    path=path, kata=kata_id, where=where
                )
            )
        targets.append((kata_id, path))
    return targets


def _readable(path: Path) -> bool:
    """Whether the learner's file exists; `WorkspaceError` when it does but cannot be graded (a
    folder, or a file dlkata may not read), so that no judge starts for it."""
    if path.is_dir():
        raise WorkspaceError(
            _(
                "{path} is a folder where your kata file should be. Move it away, e.g. "
                "`mv {path} {path}.old`."
            ).format(path=shown(path))
        )
    if not path.exists():
        return False
    with file_errors(path, _("cannot read")):
        path.open("rb").close()
    return True


def _known(name: str) -> str:
    try:
        return get_kata(name).id
    except UnknownKata as exc:
        raise WorkspaceError(str(exc)) from exc


def _not_started(kata_id: str, path: Path) -> KataResult:
    """A kata with no file yet: not started, and not graded (there is nothing to grade)."""
    return KataResult(
        id=kata_id, title=get_kata(kata_id).title, status=Status.NOT_STARTED, file=str(path)
    )
