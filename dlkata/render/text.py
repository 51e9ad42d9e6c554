"""The human report: for each kata, each test passed or failed, and for the first failures the
facts that teach (what was checked, inputs, expected vs got, the gradient or the statistic), a
hint and the next step.

It adapts to where it goes: panels and colour on an interactive terminal; plain lines, never
hard-wrapped, when piped, with NO_COLOR or in a CI log (a log viewer wraps long lines itself, and
a panel cut at 80 columns is hard to read there). Rich honours NO_COLOR and FORCE_COLOR. The same
failure facts, as plain text, feed the JUnit and Markdown reports.
"""

from __future__ import annotations

import os
from typing import Any

from rich.console import Console, Group, RenderableType
from rich.markup import escape
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from dlkata.results import KataResult, Status, TestResult

DETAILED_FAILURES = 3
MARKS = {
    Status.PASSED: ("✓", "green"),
    Status.FAILED: ("✗", "red"),
    Status.ERROR: ("!", "red"),
    Status.NOT_STARTED: ("·", "yellow"),
}
HEADLINES = {
    Status.PASSED: "passed",
    Status.FAILED: "failed",
    Status.ERROR: "could not be graded",
    Status.NOT_STARTED: "not started",
}


def wants_panels(console: Console) -> bool:
    """Panels only on a terminal with styles (FORCE_COLOR counts as one; NO_COLOR and a dumb
    terminal do not), and never in a CI log."""
    return (
        console.is_terminal
        and not console.no_color
        and console.color_system is not None
        and not os.environ.get("CI")
    )


def render_text(results: list[KataResult], console: Console, *, panels: bool | None = None) -> None:
    """Every graded kata in full; katas skipped because not started on one line at the end."""
    panels = wants_panels(console) if panels is None else panels
    shown = [r for r in results if not r.skipped]
    skipped = [r.id for r in results if r.skipped]
    for result in shown:
        if panels:
            console.print(kata_panel(result))
        else:
            console.print(_plain(result), soft_wrap=True)
    if skipped:
        console.print(
            f"[dim]Not started, so skipped: {escape(', '.join(skipped))}.[/dim]", soft_wrap=True
        )
    if len(results) > 1:
        passed = sum(r.status is Status.PASSED for r in results)
        console.print(f"[bold]{passed} of {len(shown)} graded katas passed.[/bold]")


def kata_panel(result: KataResult) -> Panel:
    mark, colour = MARKS[result.status]
    parts: list[RenderableType] = []
    for indent, line in _body(result):
        parts.append(Padding(Text.from_markup(line), (0, 0, 0, indent)))
    if _lists_tests(result):
        parts.insert(len(_error_lines(result)), _test_table(result))
    return Panel(
        Group(*parts),
        title=f"[bold]{escape(result.id)}[/bold] · {escape(result.title)}",
        title_align="left",
        subtitle=f"[{colour}]{mark} {_headline(result)}",
        subtitle_align="right",
        border_style=colour,
    )


def _plain(result: KataResult) -> Text:
    mark, colour = MARKS[result.status]
    lines = [
        f"[bold]{escape(result.id)}[/bold] · {escape(result.title)}: "
        f"[{colour}]{mark} {_headline(result)}[/{colour}]"
    ]
    body = _body(result)
    if _lists_tests(result):
        at = len(_error_lines(result))
        body[at:at] = [(0, _test_line(test)) for test in result.tests]
    lines += [(" " * (indent + 2) + line).rstrip() for indent, line in body]
    return Text.from_markup("\n".join(lines))


def _headline(result: KataResult) -> str:
    text = HEADLINES[result.status]
    if result.tests and result.status is not Status.NOT_STARTED:
        text += f" · {result.passed}/{len(result.tests)} tests"
    return text


def _lists_tests(result: KataResult) -> bool:
    return bool(result.tests) and result.status is not Status.NOT_STARTED


def _body(result: KataResult) -> list[tuple[int, str]]:
    """The report below the title, as (indent, markup) lines; the test list is added by the
    layout (a grid in a panel, plain lines otherwise)."""
    lines = [(0, line) for line in _error_lines(result)]
    if result.status is Status.NOT_STARTED:
        waiting = len(result.tests) - result.passed
        lines.append(
            (
                0,
                f"[yellow]{waiting} of its {len(result.tests)} tests are waiting for your "
                "implementation.[/yellow]",
            )
            if result.tests
            else (0, f"[yellow]There is no file yet: {escape(result.file)}[/yellow]")
        )
    else:
        for test in result.failures[:DETAILED_FAILURES]:
            first, *rest = failure_lines(test)
            lines += [(0, ""), (0, first)]
            lines += [(2, line) for line in rest]
        hidden = len(result.failures) - DETAILED_FAILURES
        if hidden > 0:
            lines.append((0, f"[dim]... and {hidden} more failures (fix these first).[/dim]"))
    if result.output.strip():
        lines.append((0, "[bold]Your code printed:[/bold]"))
        lines += [(2, f"[dim]{escape(line)}[/dim]") for line in result.output.rstrip().splitlines()]
    lines.append((0, next_step(result)))
    return lines


def _test_line(test: TestResult) -> str:
    mark, colour = MARKS[test.status]
    return f"[{colour}]{mark}[/{colour}] {escape(test.description or test.name)}"


def _test_table(result: KataResult) -> Table:
    table = Table.grid(padding=(0, 1))
    for test in result.tests:
        mark, colour = MARKS[test.status]
        table.add_row(Text(mark, style=colour), Text(test.description or test.name))
    return table


def _error_lines(result: KataResult) -> list[str]:
    if not result.error:
        return []
    error = result.error
    lines = [f"[bold red]{escape(error_headline(error))}[/bold red]"]
    if error.get("kind") == "syntax":
        lines.append(f"  {escape(result.file)}, line {error.get('line')}")
        text = error.get("text") or ""
        if text:
            lines.append(f"    {escape(text)}")
            offset = max(int(error.get("offset") or 1), 1)
            lines.append("    " + " " * (offset - 1) + "^")
    for frame in error.get("frames") or []:
        text = f": {escape(frame['text'])}" if frame.get("text") else ""
        lines.append(
            f"  {escape(frame['file'])}:{frame['line']} in {escape(frame['function'])}{text}"
        )
    return lines


def plain_error(result: KataResult) -> str:
    """Why a kata could not be graded, without markup, for JUnit and Markdown."""
    return "\n".join(Text.from_markup(line).plain for line in _error_lines(result))


def error_headline(error: dict[str, Any]) -> str:
    """One sentence for a kata that could not be graded (syntax error, failed import, grader)."""
    kind = error.get("kind")
    if kind == "syntax":
        return f"Syntax error: {error.get('message')}"
    if kind == "import":
        exc = error.get("type") or "an error"
        return f"Your file could not be imported: {exc}: {error.get('message')}"
    return str(error.get("message") or "The kata could not be graded.")


def failure_lines(test: TestResult) -> list[str]:
    """A failed test's facts as markup lines: the headline, then the message, the inputs, the
    values side by side, the statistic, a diagnosis, where it raised, and the hint."""
    facts = test.facts
    lines = [f"[bold red]✗ {escape(test.description or test.name)}[/bold red]"]
    if test.function:
        lines[0] += f"  [dim]({escape(test.function)})[/dim]"
    lines.append(escape(test.message))
    if facts.get("inputs"):
        shown = " · ".join(f"{k}: {v}" for k, v in facts["inputs"].items())
        lines.append(f"[dim]inputs[/dim]    {escape(shown)}")
    if "expected_shape" in facts and "got_shape" in facts:
        lines.append(
            f"[dim]shapes[/dim]    expected {tuple(facts['expected_shape'])}, "
            f"got {tuple(facts['got_shape'])}"
        )
    if facts.get("samples"):
        got_label = "yours (analytic)" if test.kind == "gradient" else "got"
        expected_label = "numerical" if test.kind == "gradient" else "expected"
        lines.append(f"[dim]{'index':<16} {expected_label:>16} {got_label:>18}[/dim]")
        for index, expected, got in facts["samples"]:
            lines.append(f"{escape(str(tuple(index))):<16} {expected:>16.8g} {got:>18.8g}")
    if facts.get("statistic"):
        lines.append(
            f"[dim]statistic[/dim] {facts['statistic']} = {facts.get('value', 0):.4g} "
            f"(threshold {facts.get('threshold')})"
        )
    if facts.get("diagnosis"):
        lines.append(f"[dim]diagnosis[/dim] {escape(facts['diagnosis'])}")
    for frame in facts.get("traceback") or []:
        lines.append(
            f"[dim]at[/dim] {escape(frame['file'])}:{frame['line']} in "
            f"{escape(frame['function'])}: {escape(frame['text'])}"
        )
    if test.hint:
        lines.append(f"[yellow]hint[/yellow]      {escape(test.hint)}")
    return lines


def plain_failure(test: TestResult) -> str:
    """The same facts without markup, for JUnit and Markdown."""
    return "\n".join(Text.from_markup(line).plain for line in failure_lines(test)[1:])


def next_step(result: KataResult) -> str:
    kata = result.id
    if result.status is Status.PASSED:
        return (
            f"[green]Well done.[/green] Next: `dlkata explain {kata}` for the interview "
            "questions, or `dlkata next` for the next kata."
        )
    if result.status is Status.NOT_STARTED and not result.tests:
        return f"Next: `dlkata new {kata}` writes the stub to implement."
    if result.status is Status.NOT_STARTED:
        return (
            f"Next: implement the functions in {escape(result.file)}, then "
            f"`dlkata check {kata}`. `dlkata explain {kata}` teaches the concept."
        )
    return (
        f"Next: fix the first failure above, then run `dlkata check {kata}` again. "
        f"Stuck? `dlkata hint {kata}`."
    )
