"""One call of `dlkata replay` or `dlkata try`: the learner's result beside the expected one,
the report's diff when they differ, and what the call printed."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.markup import escape

from dlkata.i18n import _
from dlkata.render.text import error_headline, failure_lines, fit
from dlkata.replay import Replayed

_VALUE_LINES = 6  # of one value printed beside the other


def render_replay(done: Replayed, console: Console, title: str) -> None:
    """`title` names the call (`conv2d case 3`, `conv2d_forward on your inputs`)."""
    if done.error is not None:
        console.print(f"[bold]{escape(title)}[/bold]", soft_wrap=True)
        console.print(
            f"  [bold red]{escape(error_headline(done.error))}[/bold red]", soft_wrap=True
        )
        _printed(done, console)
        return
    if done.from_reference:
        words = _("matches the reference") if done.matches else _("differs from the reference")
    else:
        words = (
            _("matches the expected result")
            if done.matches
            else _("differs from the expected result")
        )
    verdict = (
        f"[green]✓ {escape(words)}[/green]" if done.matches else f"[red]✗ {escape(words)}[/red]"
    )
    called = (
        _("{backward} after {forward}").format(backward=done.function, forward=done.forward)
        if done.forward
        else done.function
    )
    console.print(
        f"[bold]{escape(title)}[/bold] · {escape(called)} · {escape(done.file)}: {verdict}",
        soft_wrap=True,
    )
    if done.inputs:
        shown = " · ".join(f"{k}: {v}" for k, v in done.inputs.items())
        console.print(f"  [dim]{escape(fit(_('inputs'), 10))}[/dim]{escape(shown)}", soft_wrap=True)
    side = [] if done.got is None and done.failure is not None else [(_("yours"), done.got)]
    if done.reference_error is None:
        side.append((_("reference") if done.from_reference else _("expected"), done.expected))
    for label, value in side:
        for i, line in enumerate(_values(value, done.outputs)):
            head = fit(label if i == 0 else "", 10)
            console.print(f"  [dim]{escape(head)}[/dim]{escape(line)}", soft_wrap=True)
    if done.reference_error is not None:
        line = _("the reference refused these inputs: {error}").format(error=done.reference_error)
        console.print(f"  [yellow]{escape(line)}[/yellow]", soft_wrap=True)
    if done.failure is not None:
        for line in failure_lines(done.failure)[1:]:
            console.print(f"  {line}", soft_wrap=True)
    _printed(done, console)


def _printed(done: Replayed, console: Console) -> None:
    if done.output.strip():
        console.print(f"  [bold]{escape(_('Your code printed:'))}[/bold]")
        for line in done.output.rstrip().splitlines():
            console.print(f"    [dim]{escape(line)}[/dim]", soft_wrap=True)


def _values(value: Any, outputs: list[str] | None) -> list[str]:
    """The value as lines: each named output of a tuple on its own, arrays summarised."""
    if outputs and isinstance(value, (tuple, list)):
        lines = []
        for name, item in zip(outputs, value):
            lines += [f"{name}: {line}" if i == 0 else line for i, line in enumerate(_value(item))]
        return lines
    return _value(value)


def _value(value: Any) -> list[str]:
    import numpy as np

    from dlkata.judge.compare import describe

    if isinstance(value, np.ndarray) and value.dtype.kind in "biufc":
        text = np.array2string(value, threshold=24, edgeitems=2, precision=5, max_line_width=100)
        lines = text.splitlines()
        if len(lines) > _VALUE_LINES:
            lines = [*lines[: _VALUE_LINES - 1], "..."]
        return [describe(value), *lines]
    return [describe(value)]
