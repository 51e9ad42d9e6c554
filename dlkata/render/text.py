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
from dataclasses import dataclass, replace
from enum import Enum
from typing import Any

from rich.cells import cell_len
from rich.console import Console, Group, RenderableType
from rich.markup import escape
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from dlkata import i18n
from dlkata.i18n import N_, _, ngettext
from dlkata.render.pictures import pictures
from dlkata.results import KataResult, Status, TestResult

DETAILED_FAILURES = 3
PRINTING_TESTS = 3  # tests whose output is shown by default, besides the failures detailed
MARKS = {
    Status.PASSED: ("✓", "green"),
    Status.FAILED: ("✗", "red"),
    Status.ERROR: ("!", "red"),
    Status.NOT_STARTED: ("·", "yellow"),
}
# the words of each verdict, translated where they are shown: `_(HEADLINES[status])`
HEADLINES = {
    Status.PASSED: N_("passed"),
    Status.FAILED: N_("failed"),
    Status.ERROR: N_("could not be graded"),
    Status.NOT_STARTED: N_("not started"),
}
LABEL_WIDTH = 10  # cells: the labels of a failure's facts (`inputs`, `statistic`, `hint`)
COUNT_WIDTH = 9  # cells: the counts of the test summary (`12 passed`)
SAMPLE_WIDTHS = (16, 16, 18)  # cells: index, expected, got


def fit(text: str, width: int, *, right: bool = False) -> str:
    """`text` padded with spaces to `width` terminal cells (a Chinese character takes two),
    on the left with `right`; never cut."""
    gap = " " * max(width - cell_len(text), 0)
    return gap + text if right else text + gap


def sentences(*parts: str) -> str:
    """Whole sentences, each translated on its own, joined as the language joins them."""
    return i18n.SENTENCE_GAP[i18n.language()].join(parts)


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
        line = _("Not started, so skipped: {katas}.").format(katas=", ".join(skipped))
        console.print(f"[dim]{escape(line)}[/dim]", soft_wrap=True)
    if len(results) > 1 and verbosity is not Verbosity.QUIET:
        passed = sum(r.status is Status.PASSED for r in results)
        line = _("{passed} of {total} graded katas passed.").format(passed=passed, total=len(shown))
        console.print(f"[bold]{escape(line)}[/bold]")


def verdict_line(result: KataResult) -> Text:
    """`conv2d · 2-D convolution: ✗ failed · 9/52 tests`: the line `-q` prints per kata."""
    mark, colour = MARKS[result.status]
    return Text.from_markup(
        _("{kata} · {title}: {verdict}").format(
            kata=f"[bold]{escape(result.id)}[/bold]",
            title=escape(result.title),
            verdict=f"[{colour}]{mark} {_headline(result)}[/{colour}]",
        )
    )


def kata_panel(
    result: KataResult, verbosity: Verbosity = Verbosity.NORMAL, width: int = 80
) -> Panel:
    """The kata in a panel: the verdict on its first line and its last border. The title names
    the kata, with its long title only when that fits on the border (a border cuts text)."""
    mark, colour = MARKS[result.status]
    parts: list[RenderableType] = [Text.from_markup(f"[bold {colour}]{mark} {_headline(result)}")]
    title = f"[bold]{escape(result.id)}[/bold]"
    if cell_len(result.id) + cell_len(result.title) + 9 <= width:
        title += f" · {escape(result.title)}"
    else:  # a border cuts what does not fit: the title goes inside
        parts.append(Text(result.title, style="bold"))
    for block in _body(result, verbosity):
        if isinstance(block, list):
            parts.append(_summary_grid(block))
        else:
            indent, line = block
            drawn = _fact_grid(line) if isinstance(line, Fact) else Text.from_markup(line)
            parts.append(Padding(drawn, (0, 0, 0, indent)))
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
            width = max([COUNT_WIDTH, *(cell_len(_count(group)) for group in block)])
            lines += [f"  {_summary_line(group, width)}" for group in block]
        else:
            indent, line = block
            text = _fact(line) if isinstance(line, Fact) else line
            lines.append((" " * (indent + 2) + text).rstrip())
    return Text.from_markup("\n".join(lines))


def _headline(result: KataResult) -> str:
    verdict = _(HEADLINES[result.status])
    if result.tests and result.status is not Status.NOT_STARTED:
        return _("{verdict} · {passed}/{total} tests").format(
            verdict=verdict, passed=result.passed, total=len(result.tests)
        )
    return verdict


@dataclass(frozen=True)
class Fact:
    """A fact of a failure under its label (`hint`, `diagnosis`): in a panel, a long fact wraps
    under itself, not under its label."""

    label: str
    text: str  # markup
    style: str = "dim"
    width: int = LABEL_WIDTH  # the cells of the label column, the same for all of a failure


Block = tuple[int, str | Fact] | list[TestGroup]


def _body(result: KataResult, verbosity: Verbosity) -> list[Block]:
    """The report below the verdict, in the order a learner needs it: why it could not be
    graded, the facts of the failures to fix first, what the code printed, every test
    summarised (a list of groups, laid out as a grid in a panel and as lines otherwise), and the
    next step."""
    blocks: list[Block] = [(0, line) for line in _error_lines(result)]
    if result.status is Status.NOT_STARTED:
        waiting = len(result.tests) - result.passed
        line = (
            _("{waiting} of its {total} tests are waiting for your implementation.").format(
                waiting=waiting, total=len(result.tests)
            )
            if result.tests
            else _("There is no file yet: {file}").format(file=result.file)
        )
        blocks.append((0, f"[yellow]{escape(line)}[/yellow]"))
        return [*blocks, (0, next_step(result))]
    detailed = detailed_failures(result, verbosity)
    for test in detailed:
        first, *rest = _failure_rows(test)
        blocks += [(0, ""), (0, first)]
        blocks += [(2, line) for line in rest]
        if test.output.strip():
            blocks.append((2, f"[bold]{escape(_('It printed:'))}[/bold]"))
            blocks += _printed(test.output, 4)
    blocks += _output_blocks(result, detailed, verbosity)
    if result.tests:
        groups = test_groups(result, verbosity)
        blocks += [(0, ""), groups]
        if verbosity is Verbosity.NORMAL and (
            len(groups) < len(result.tests)
            or len(detailed_failures(result, verbosity)) < len(result.failures)
        ):
            line = _("`dlkata check {kata} -v` lists each test and every failure.").format(
                kata=result.id
            )
            blocks.append((0, f"[dim]{escape(line)}[/dim]"))
    return [*blocks, (0, next_step(result))]


def _output_blocks(
    result: KataResult, detailed: list[TestResult], verbosity: Verbosity
) -> list[Block]:
    """What the code printed while its file was imported, once, then under each test that
    printed (those not shown above with their failure): a few by default, all with -v."""
    printing = [t for t in result.tests if t.output.strip() and t not in detailed]
    if not result.output.strip() and not printing:
        return []
    blocks: list[Block] = [(0, f"[bold]{escape(_('Your code printed:'))}[/bold]")]
    if result.output.strip():
        blocks.append((2, escape(_("while your file was imported:"))))
        blocks += _printed(result.output, 4)
    shown = printing if verbosity is Verbosity.VERBOSE else printing[:PRINTING_TESTS]
    for test in shown:
        during = _("in the test: {test}").format(test=test.description or test.name)
        blocks.append((2, escape(during)))
        blocks += _printed(test.output, 4)
    if len(shown) < len(printing):
        more = ngettext(
            "{count} more test printed: `dlkata check {kata} -v` shows what each printed.",
            "{count} more tests printed: `dlkata check {kata} -v` shows what each printed.",
            len(printing) - len(shown),
        ).format(count=len(printing) - len(shown), kata=result.id)
        blocks.append((2, f"[dim]{escape(more)}[/dim]"))
    return blocks


def _printed(output: str, indent: int) -> list[Block]:
    return [(indent, f"[dim]{escape(line)}[/dim]") for line in output.rstrip().splitlines()]


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
    n = group.count
    if group.status is Status.PASSED:
        return _("{n} passed").format(n=n)
    if group.status is Status.FAILED:
        return _("{n} failed").format(n=n)
    if group.status is Status.ERROR:
        return ngettext("{n} error", "{n} errors", n).format(n=n)
    return _("{n} not started").format(n=n)


def _summary_line(group: TestGroup, width: int = COUNT_WIDTH) -> str:
    """A group as one line, its count right-aligned in `width` cells."""
    mark, colour = MARKS[group.status]
    count = escape(fit(_count(group), width, right=True))
    where = f"  [dim]({escape(group.function)})[/dim]" if group.function else ""
    return f"[{colour}]{mark} {count}[/{colour}]  {escape(group.description)}{where}"


def _summary_grid(groups: list[TestGroup]) -> Table:
    table = Table.grid(padding=(0, 1))
    table.add_column(no_wrap=True)
    table.add_column(justify="right", no_wrap=True)
    table.add_column(overflow="fold")  # a Chinese description has no space to wrap at
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
        where = _("{file}, line {line}").format(file=result.file, line=error.get("line"))
        lines.append(f"  {escape(where)}")
        text = error.get("text") or ""
        if text:
            lines.append(f"    {escape(text)}")
            offset = max(int(error.get("offset") or 1), 1)
            # under the character, counted in cells: a Chinese character before it takes two
            lines.append("    " + " " * cell_len(text[: offset - 1]) + "^")
    for frame in error.get("frames") or []:
        lines.append(f"  {escape(_frame(frame))}")
    return lines


def _frame(frame: dict[str, Any]) -> str:
    """`file.py:12 in conv2d: x = x.T`, a line of a traceback."""
    place = {"file": frame["file"], "line": frame["line"], "function": frame["function"]}
    if frame.get("text"):
        return _("{file}:{line} in {function}: {text}").format(**place, text=frame["text"])
    return _("{file}:{line} in {function}").format(**place)


def plain_error(result: KataResult) -> str:
    """Why a kata could not be graded, without markup, for JUnit and Markdown."""
    return "\n".join(Text.from_markup(line).plain for line in _error_lines(result))


def error_headline(error: dict[str, Any]) -> str:
    """One sentence for a kata that could not be graded (syntax error, failed import, grader)."""
    kind = error.get("kind")
    if kind == "syntax":
        return _("Syntax error: {message}").format(message=error.get("message"))
    if kind == "import":
        if error.get("type"):
            return _("Your file could not be imported: {type}: {message}").format(
                type=error["type"], message=error.get("message")
            )
        return _("Your file could not be imported: an error: {message}").format(
            message=error.get("message")
        )
    return str(error.get("message") or _("The kata could not be graded."))


def _fact(fact: Fact) -> str:
    """`inputs    x: (2, 3)`: the label, padded to its column's cells, then the fact (markup)."""
    label = f"[{fact.style}]{escape(fact.label)}[/{fact.style}]"
    return label + " " * (fact.width - cell_len(fact.label)) + fact.text


def _fact_grid(fact: Fact) -> Table:
    """A fact in a panel: the label in its column, the fact wrapping beside it."""
    grid = Table.grid()
    grid.add_column(width=fact.width, no_wrap=True)
    grid.add_column(overflow="fold")  # a Chinese hint has no space to wrap at
    grid.add_row(Text(fact.label, style=fact.style), Text.from_markup(fact.text))
    return grid


def failure_lines(test: TestResult) -> list[str]:
    """A failed test's facts as markup lines: the headline, then the message, the inputs, the
    values side by side, the statistic, a diagnosis, where it raised, and the hint."""
    return [_fact(row) if isinstance(row, Fact) else row for row in _failure_rows(test)]


def _failure_rows(test: TestResult) -> list[str | Fact]:
    """The lines of `failure_lines`, with the labelled facts kept apart."""
    facts = test.facts
    lines: list[str | Fact] = [f"[bold red]✗ {escape(test.description or test.name)}[/bold red]"]
    if test.function:
        lines[0] = f"{lines[0]}  [dim]({escape(test.function)})[/dim]"
    lines.append(escape(test.message))
    if facts.get("inputs"):
        shown = " · ".join(f"{k}: {v}" for k, v in facts["inputs"].items())
        lines.append(Fact(_("inputs"), escape(shown)))
    if "expected_shape" in facts and "got_shape" in facts:
        shapes = _("expected {expected}, got {got}").format(
            expected=tuple(facts["expected_shape"]), got=tuple(facts["got_shape"])
        )
        lines.append(Fact(_("shapes"), escape(shapes)))
    if facts.get("samples"):
        lines += _sample_lines(test)
    if facts.get("statistic"):
        statistic = _("{statistic} = {value} (threshold {threshold})").format(
            statistic=facts["statistic"],
            value=f"{facts.get('value', 0):.4g}",
            threshold=facts.get("threshold"),
        )
        lines.append(Fact(_("statistic"), escape(statistic)))
    if facts.get("diagnosis"):
        lines.append(Fact(_("diagnosis"), escape(facts["diagnosis"])))
    for picture in pictures(facts):
        first, *rest = picture
        lines.append(Fact(_("picture"), escape(first)))
        lines += [Fact("", escape(line)) for line in rest]
    for frame in facts.get("traceback") or []:
        place = {"file": frame["file"], "line": frame["line"], "function": frame["function"]}
        at = _("at {file}:{line} in {function}: {text}").format(**place, text=frame["text"])
        lines.append(escape(at))
    if test.hint:
        lines.append(Fact(_("hint"), escape(test.hint), "yellow"))
    lines += replay_rows(test.replay)
    # one column for every label of the failure, wider than LABEL_WIDTH only for a longer label
    labels = [cell_len(row.label) + 1 for row in lines if isinstance(row, Fact)]
    width = max([LABEL_WIDTH, *labels])
    return [replace(row, width=width) if isinstance(row, Fact) else row for row in lines]


def replay_rows(replay: dict[str, Any] | None) -> list[str | Fact]:
    """How to run the failing call again: the command, and the lines for a notebook or a
    debugger; or why it was not saved."""
    if not replay:
        return []
    if "case" not in replay:
        reason = {
            "too_big": _("not saved: its arrays take {size}, more than a saved case may hold"),
            "too_many": _("not saved: enough failing calls of this kata are saved already"),
            "budget": _("not saved: this check saved as many failing calls as it may"),
        }.get(replay.get("unsaved", ""), _("not saved: the call holds values that cannot be saved"))
        size = f"{replay.get('size', 0) / 1024**2:.1f} MB"
        return [Fact(_("replay"), escape(reason.format(size=size)))]
    kata, number, function = replay["kata"], replay["case"], replay["function"]
    module = f"{kata}.{function}(*case.args, **case.kwargs)"
    if replay.get("backward"):
        calls = [
            f"*out, cache = {module}",
            f"got = {kata}.{replay['backward']}(*case.upstream, cache)",
        ]
    else:
        calls = [f"got = {module}"]
    code = [
        f"import {kata}; from dlkata.notebook import load_case",
        f'case = load_case("{kata}", {number})',
        *calls,
        "case.check(got)",
    ]
    return [
        Fact(_("replay"), f"[bold]{escape(f'dlkata replay {kata} {number}')}[/bold]"),
        *(Fact(_("in Python") if i == 0 else "", escape(line)) for i, line in enumerate(code)),
    ]


def _sample_lines(test: TestResult) -> list[str]:
    """The worst values side by side under their headings, each column aligned in cells."""
    if test.kind == "gradient":
        expected_label, got_label = _("numerical"), _("yours (analytic)")
    else:
        expected_label, got_label = _("expected"), _("got")
    rows = [
        (str(tuple(index)), f"{expected:.8g}", f"{got:.8g}")
        for index, expected, got in test.facts["samples"]
    ]
    heading = (_("index"), expected_label, got_label)
    widths = [
        max([least, *(cell_len(row[n]) for row in [heading, *rows])])
        for n, least in enumerate(SAMPLE_WIDTHS)
    ]

    def line(cells: tuple[str, str, str]) -> str:
        index, expected, got = cells
        return " ".join(
            [
                fit(index, widths[0]),
                fit(expected, widths[1], right=True),
                fit(got, widths[2], right=True),
            ]
        )

    return [f"[dim]{escape(line(heading))}[/dim]", *(escape(line(row)) for row in rows)]


def plain_failure(test: TestResult) -> str:
    """The same facts without markup, for JUnit and Markdown."""
    return "\n".join(Text.from_markup(line).plain for line in failure_lines(test)[1:])


def next_step(result: KataResult) -> str:
    kata = result.id
    if result.status is Status.PASSED:
        then = _(
            "Next: `dlkata explain {kata}` for the interview questions, or `dlkata next` for "
            "the next kata."
        ).format(kata=kata)
        return sentences(f"[green]{escape(_('Well done.'))}[/green]", escape(then))
    if result.status is Status.NOT_STARTED and not result.tests:
        return escape(
            _("Next: `dlkata new {kata}` writes the stub to implement.").format(kata=kata)
        )
    if result.status is Status.NOT_STARTED:
        return escape(
            _(
                "Next: implement the functions in {file}, then `dlkata check {kata}`. "
                "`dlkata explain {kata}` teaches the concept."
            ).format(file=result.file, kata=kata)
        )
    return escape(
        _(
            "Next: fix the first failure above, then run `dlkata check {kata}` again. "
            "Stuck? `dlkata hint {kata}`."
        ).format(kata=kata)
    )
