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
from dataclasses import dataclass
from enum import Enum
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


class Verbosity(Enum):
    """How much of a kata's report to show: only its verdict line (`-q`), the verdict, the facts
    of its first failures and its tests summarised per group (the default), or every test and
    every failure in full (`-v`)."""

    QUIET = "quiet"
    NORMAL = "normal"
    VERBOSE = "verbose"


@dataclass(frozen=True)
class TestGroup:
    """Tests of one status from one test function (the cases of one parametrised test)."""

    status: Status
    description: str
    count: int
    function: str | None = None


def render_text(
    results: list[KataResult],
    console: Console,
    *,
    panels: bool | None = None,
    verbosity: Verbosity = Verbosity.NORMAL,
) -> None:
    """Every graded kata, its verdict first; katas skipped because not started on one line at
    the end, and with several katas the count that passed."""
    panels = wants_panels(console) if panels is None else panels
    shown = [r for r in results if not r.skipped]
    skipped = [r.id for r in results if r.skipped]
    for result in shown:
        if verbosity is Verbosity.QUIET:
            console.print(verdict_line(result), soft_wrap=not panels)
        elif panels:
            console.print(kata_panel(result, verbosity, console.width))
        else:
            console.print(_plain(result, verbosity), soft_wrap=True)
    if skipped:
        console.print(
            f"[dim]Not started, so skipped: {escape(', '.join(skipped))}.[/dim]", soft_wrap=True
        )
    if len(results) > 1 and verbosity is not Verbosity.QUIET:
        passed = sum(r.status is Status.PASSED for r in results)
        console.print(f"[bold]{passed} of {len(shown)} graded katas passed.[/bold]")


def verdict_line(result: KataResult) -> Text:
    """`conv2d · 2-D convolution: ✗ failed · 9/52 tests`: the line `-q` prints per kata."""
    mark, colour = MARKS[result.status]
    return Text.from_markup(
        f"[bold]{escape(result.id)}[/bold] · {escape(result.title)}: "
        f"[{colour}]{mark} {_headline(result)}[/{colour}]"
    )


def kata_panel(
    result: KataResult, verbosity: Verbosity = Verbosity.NORMAL, width: int = 80
) -> Panel:
    """The kata in a panel: the verdict on its first line and its last border. The title names
    the kata, with its long title only when that fits on the border (a border cuts text)."""
    mark, colour = MARKS[result.status]
    parts: list[RenderableType] = [Text.from_markup(f"[bold {colour}]{mark} {_headline(result)}")]
    title = f"[bold]{escape(result.id)}[/bold]"
    if len(result.id) + len(result.title) + 9 <= width:
        title += f" · {escape(result.title)}"
    else:  # a border cuts what does not fit: the title goes inside
        parts.append(Text(result.title, style="bold"))
    for block in _body(result, verbosity):
        if isinstance(block, list):
            parts.append(_summary_grid(block))
        else:
            indent, line = block
            parts.append(Padding(Text.from_markup(line), (0, 0, 0, indent)))
    return Panel(
        Group(*parts),
        title=title,
        title_align="left",
        subtitle=f"[{colour}]{mark} {_headline(result)}",
        subtitle_align="right",
        border_style=colour,
    )


def _plain(result: KataResult, verbosity: Verbosity) -> Text:
    lines = [verdict_line(result).markup]
    for block in _body(result, verbosity):
        if isinstance(block, list):
            lines += [f"  {_summary_line(group)}" for group in block]
        else:
            indent, line = block
            lines.append((" " * (indent + 2) + line).rstrip())
    return Text.from_markup("\n".join(lines))


def _headline(result: KataResult) -> str:
    text = HEADLINES[result.status]
    if result.tests and result.status is not Status.NOT_STARTED:
        text += f" · {result.passed}/{len(result.tests)} tests"
    return text


Block = tuple[int, str] | list[TestGroup]


def _body(result: KataResult, verbosity: Verbosity) -> list[Block]:
    """The report below the verdict, in the order a learner needs it: why it could not be
    graded, the facts of the failures to fix first, what the code printed, every test
    summarised (a list of groups, laid out as a grid in a panel and as lines otherwise), and the
    next step."""
    blocks: list[Block] = [(0, line) for line in _error_lines(result)]
    if result.status is Status.NOT_STARTED:
        waiting = len(result.tests) - result.passed
        blocks.append(
            (
                0,
                f"[yellow]{waiting} of its {len(result.tests)} tests are waiting for your "
                "implementation.[/yellow]",
            )
            if result.tests
            else (0, f"[yellow]There is no file yet: {escape(result.file)}[/yellow]")
        )
        return [*blocks, (0, next_step(result))]
    for test in detailed_failures(result, verbosity):
        first, *rest = failure_lines(test)
        blocks += [(0, ""), (0, first)]
        blocks += [(2, line) for line in rest]
    if result.output.strip():
        blocks.append((0, "[bold]Your code printed:[/bold]"))
        blocks += [
            (2, f"[dim]{escape(line)}[/dim]") for line in result.output.rstrip().splitlines()
        ]
    if result.tests:
        groups = test_groups(result, verbosity)
        blocks += [(0, ""), groups]
        if verbosity is Verbosity.NORMAL and (
            len(groups) < len(result.tests)
            or len(detailed_failures(result, verbosity)) < len(result.failures)
        ):
            blocks.append(
                (0, f"[dim]`dlkata check {result.id} -v` lists each test and every failure.[/dim]")
            )
    return [*blocks, (0, next_step(result))]


def detailed_failures(result: KataResult, verbosity: Verbosity) -> list[TestResult]:
    """The failures shown with all their facts: every one with -v; otherwise the first of each
    function at fault (a second failure of the same function is usually the same mistake), at
    most DETAILED_FAILURES."""
    if verbosity is Verbosity.VERBOSE:
        return result.failures
    firsts: dict[str | None, TestResult] = {}
    for test in result.failures:
        firsts.setdefault(test.function, test)
    return list(firsts.values())[:DETAILED_FAILURES]


def test_groups(result: KataResult, verbosity: Verbosity) -> list[TestGroup]:
    """The tests, failures first, then the passed: one group per test function and status
    (-v: one per test), in the order the tests ran."""
    groups: dict[tuple[str, Status], list[TestResult]] = {}
    for test in result.tests:
        key = test.name if verbosity is Verbosity.VERBOSE else test.name.split("[", 1)[0]
        groups.setdefault((key, test.status), []).append(test)
    ordered = sorted(groups.values(), key=lambda tests: tests[0].status is Status.PASSED)
    return [
        TestGroup(
            tests[0].status,
            _group_description(tests[0], whole=len(tests) == 1),
            len(tests),
            tests[0].function if len({t.function for t in tests}) == 1 else None,
        )
        for tests in ordered
    ]


def _group_description(test: TestResult, *, whole: bool) -> str:
    """A test's description; for a group of cases, without the case's id (`[3-4]`)."""
    text = test.description or test.name
    case = test.name.partition("[")[2]
    if not whole and case and text.endswith(f" [{case}"):
        text = text[: -len(case) - 2]
    return text


def _count(group: TestGroup) -> str:
    """`12 passed`, `3 failed`, `1 error`, `2 errors`."""
    if group.status is Status.ERROR:
        return f"{group.count} error" + ("s" if group.count > 1 else "")
    return f"{group.count} {group.status.value.replace('_', ' ')}"


def _summary_line(group: TestGroup) -> str:
    mark, colour = MARKS[group.status]
    count = _count(group)
    where = f"  [dim]({escape(group.function)})[/dim]" if group.function else ""
    return f"[{colour}]{mark} {count:>9}[/{colour}]  {escape(group.description)}{where}"


def _summary_grid(groups: list[TestGroup]) -> Table:
    table = Table.grid(padding=(0, 1))
    table.add_column(no_wrap=True)
    table.add_column(justify="right", no_wrap=True)
    table.add_column()
    for group in groups:
        mark, colour = MARKS[group.status]
        count = _count(group)
        description = Text(group.description)
        if group.function:
            description.append(f"  ({group.function})", style="dim")
        table.add_row(Text(mark, style=colour), Text(count, style=colour), description)
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
