"""Tables whose cells wrap text that has no spaces (Chinese) instead of cutting it short.

rich wraps a cell at spaces and crops a longer run with '…'; a Chinese sentence is one such run.
Folding breaks it at the cell's edge (between characters, which Chinese allows), and English still
wraps at its spaces.
"""

from __future__ import annotations

from typing import Any

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.table import Table


class FoldingTable(Table):
    """A `rich.table.Table` whose wrapping columns fold (typer's help uses it in Chinese)."""

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for column in self.columns:
            if not column.no_wrap:
                column.overflow = "fold"
        yield from super().__rich_console__(console, options)


def stacked(items: list[RenderableType], *args: Any, **kwargs: Any) -> Group:
    """In place of typer's `Columns` for an option's help (its text, then its default): rich's
    `Columns` crops each item that has no space to wrap at; stacked, each item folds."""
    return Group(*items)
