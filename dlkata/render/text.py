"""The terminal report: a panel per kata, each test passed or failed, and for the first failures
the facts that teach (what was checked, inputs, expected vs got, the gradient or the statistic),
a hint and the next step. Rich adapts it to where it goes (colour on a terminal, plain when piped,
NO_COLOR and FORCE_COLOR honoured)."""

from __future__ import annotations

from typing import Any

from rich.console import Console, Group, RenderableType
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from dlkata.results import KataResult, Status, TestResult

DETAILED_FAILURES = 3
_MARKS = {
    Status.PASSED: ("✓", "green"),
    Status.FAILED: ("✗", "red"),
    Status.ERROR: ("!", "red"),
    Status.NOT_STARTED: ("·", "yellow"),
    Status.SKIPPED: ("-", "dim"),
}
_HEADLINES = {
    Status.PASSED: "passed",
    Status.FAILED: "failed",
    Status.ERROR: "could not be graded",
    Status.NOT_STARTED: "not started",
    Status.SKIPPED: "skipped",
}


def render_text(results: list[KataResult], console: Console) -> None:
    for result in results:
        console.print(kata_panel(result))
    if len(results) > 1:
        passed = sum(r.status is Status.PASSED for r in results)
        console.print(f"[bold]{passed} of {len(results)} katas passed.[/bold]")


def kata_panel(result: KataResult) -> Panel:
    mark, colour = _MARKS[result.status]
    title = f"[bold]{escape(result.id)}[/bold] · {escape(result.title)}"
    subtitle = f"[{colour}]{mark} {_HEADLINES[result.status]}"
    if result.tests and result.status is not Status.NOT_STARTED:
        subtitle += f" · {result.passed}/{len(result.tests)} tests"
    parts: list[RenderableType] = []
    if result.error:
        parts.append(_error_block(result))
    if result.status is Status.NOT_STARTED:
        parts.append(
            Text(
                f"{len(result.tests) - result.passed} hidden tests are waiting for your "
                "implementation.",
                style="yellow",
            )
        )
    elif result.tests:
        parts.append(_test_table(result))
    if result.status is not Status.NOT_STARTED:
        for test in result.failures[:DETAILED_FAILURES]:
            parts.append(_failure_block(test))
        hidden = len(result.failures) - DETAILED_FAILURES
        if hidden > 0:
            parts.append(Text(f"... and {hidden} more failures (fix these first).", style="dim"))
    if result.output.strip():
        parts.append(
            Text.assemble(("Your code printed:\n", "bold"), (result.output.rstrip(), "dim"))
        )
    parts.append(Text.from_markup(next_step(result)))
    return Panel(
        Group(*parts),
        title=title,
        title_align="left",
        subtitle=subtitle,
        subtitle_align="right",
        border_style=colour,
    )


def _test_table(result: KataResult) -> Table:
    table = Table.grid(padding=(0, 1))
    for test in result.tests:
        mark, colour = _MARKS[test.status]
        table.add_row(Text(mark, style=colour), Text(test.description or test.name))
    return table


def _error_block(result: KataResult) -> RenderableType:
    error = result.error or {}
    lines = [f"[bold red]{escape(_error_headline(error))}[/bold red]"]
    if error.get("kind") == "syntax":
        lines.append(f"  {escape(result.file)}, line {error.get('line')}")
        text = error.get("text") or ""
        if text:
            lines.append(f"    {escape(text)}")
            offset = max(int(error.get("offset") or 1), 1)
            lines.append("    " + " " * (offset - 1) + "^")
    for frame in error.get("frames") or []:
        lines.append(
            f"  {escape(frame['file'])}:{frame['line']} in {escape(frame['function'])}: "
            f"{escape(frame['text'])}"
        )
    return Text.from_markup("\n".join(lines))


def _error_headline(error: dict[str, Any]) -> str:
    kind = error.get("kind")
    if kind == "syntax":
        return f"Syntax error: {error.get('message')}"
    if kind == "import":
        exc = error.get("type") or "an error"
        return f"Your file could not be imported: {exc}: {error.get('message')}"
    return str(error.get("message") or "The kata could not be graded.")


def _failure_block(test: TestResult) -> RenderableType:
    facts = test.facts
    lines = [f"[bold red]✗ {escape(test.description or test.name)}[/bold red]"]
    if test.function:
        lines[0] += f"  [dim]({escape(test.function)})[/dim]"
    lines.append(f"  {escape(test.message)}")
    if facts.get("inputs"):
        shown = " · ".join(f"{k}: {v}" for k, v in facts["inputs"].items())
        lines.append(f"  [dim]inputs[/dim]    {escape(shown)}")
    if "expected_shape" in facts and "got_shape" in facts:
        lines.append(
            f"  [dim]shapes[/dim]    expected {tuple(facts['expected_shape'])}, "
            f"got {tuple(facts['got_shape'])}"
        )
    if facts.get("samples"):
        got_label = "yours (analytic)" if test.kind == "gradient" else "got"
        expected_label = "numerical" if test.kind == "gradient" else "expected"
        lines.append(f"  [dim]{'index':<16} {expected_label:>16} {got_label:>18}[/dim]")
        for index, expected, got in facts["samples"]:
            lines.append(f"  {escape(str(tuple(index))):<16} {expected:>16.8g} {got:>18.8g}")
    if facts.get("statistic"):
        lines.append(
            f"  [dim]statistic[/dim] {facts['statistic']} = {facts.get('value', 0):.4g} "
            f"(threshold {facts.get('threshold')})"
        )
    if facts.get("diagnosis"):
        lines.append(f"  [dim]diagnosis[/dim] {escape(facts['diagnosis'])}")
    for frame in facts.get("traceback") or []:
        lines.append(
            f"  [dim]at[/dim] {escape(frame['file'])}:{frame['line']} in "
            f"{escape(frame['function'])}: {escape(frame['text'])}"
        )
    if test.hint:
        lines.append(f"  [yellow]hint[/yellow]      {escape(test.hint)}")
    return Text.from_markup("\n".join(lines))


def next_step(result: KataResult) -> str:
    kata = result.id
    if result.status is Status.PASSED:
        return (
            f"[green]Well done.[/green] Next: `dlkata explain {kata}` for the interview "
            "questions, or `dlkata list` to pick the next kata."
        )
    if result.status is Status.NOT_STARTED:
        return (
            f"Next: implement the functions in {escape(result.file)}, then "
            f"`dlkata check {kata}`. `dlkata explain {kata}` teaches the concept."
        )
    return (
        f"Next: fix the first failure above, then run `dlkata check {kata}` again. "
        f"Stuck? `dlkata hint {kata}`."
    )
