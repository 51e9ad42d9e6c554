"""GitHub Actions workflow commands: one `::error` annotation per failing test, placed on the
`def` line of the learner's function, so a pull request or a commit shows the failure in the code.

GitHub shows at most 10 error annotations per step, so the first failure of every kata comes
first and the rest follow. Escaping follows GitHub's toolkit: `%`, CR and LF in a message, and
also `:` and `,` in a property (file, title).
"""

from __future__ import annotations

import re
import secrets
from pathlib import Path

from rich.console import Console

from dlkata.i18n import _
from dlkata.render.text import Verbosity, error_headline, plain_failure, render_text
from dlkata.results import KataResult, Status


def render_github_log(
    results: list[KataResult], console: Console, root: Path, *, verbosity: Verbosity
) -> None:
    """The step's log: the readable report, then the annotations. The report quotes the learner's
    output and messages, so it is fenced with a one-time token: no line of it can be read by the
    runner as a workflow command."""
    token = secrets.token_hex(16)
    console.print(f"::stop-commands::{token}", markup=False, highlight=False, soft_wrap=True)
    render_text(results, console, panels=False, verbosity=verbosity)
    console.print(f"::{token}::", markup=False, highlight=False, soft_wrap=True)
    annotations = render_github(results, root)
    if annotations:  # written as they are: rich would read `:name:` in a message as an emoji
        console.file.write(annotations + "\n")
        console.file.flush()


def render_github(results: list[KataResult], root: Path) -> str:
    """The annotation lines; paths are made relative to `root` (the checkout, GITHUB_WORKSPACE)."""
    first: list[str] = []
    rest: list[str] = []
    for result in results:
        lines = _kata_annotations(result, root)
        first += lines[:1]
        rest += lines[1:]
    return "\n".join(first + rest)


def _kata_annotations(result: KataResult, root: Path) -> list[str]:
    path = Path(result.file)
    where = _relative(path, root)
    if result.skipped:
        return []
    if result.error:
        line = _error_line(result, path)
        title = _("{kata}: could not be graded").format(kata=result.id)
        return [_error(where, line, title, error_headline(result.error))]
    if result.status is Status.NOT_STARTED:
        message = _(
            "{kata} is required but not started: `dlkata new {kata}`, then implement it."
        ).format(kata=result.id)
        title = _("{kata}: not started").format(kata=result.id)
        return [_error(where if path.is_file() else None, 1, title, message)]
    if result.status is not Status.FAILED:
        return []
    return [
        _error(
            where,
            definition_line(path, test.function) if test.function else 1,
            f"{result.id}: {test.description or test.name}",
            plain_failure(test),
        )
        for test in result.failures
    ]


def definition_line(path: Path, function: str) -> int:
    """The line of `def function` in the learner's file (top level preferred), else 1."""
    try:
        source = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return 1
    pattern = re.compile(rf"^([ \t]*)(?:async\s+)?def\s+{re.escape(function)}\s*\(", re.MULTILINE)
    matches = sorted(pattern.finditer(source), key=lambda m: len(m.group(1)))
    return source.count("\n", 0, matches[0].start()) + 1 if matches else 1


def _error_line(result: KataResult, path: Path) -> int:
    error = result.error or {}
    if error.get("kind") == "syntax" and error.get("line"):
        return int(error["line"])
    lines = [f["line"] for f in error.get("frames") or [] if Path(f["file"]).name == path.name]
    return int(lines[-1]) if lines else 1


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


def _error(file: str | None, line: int, title: str, message: str) -> str:
    properties = [f"file={escape_property(file)}", f"line={line}"] if file else []
    properties.append(f"title={escape_property(title)}")
    return f"::error {','.join(properties)}::{escape_data(message)}"


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")
