"""`dlkata explain`: a kata's explanation, and its reference on request, without losing a word.

On a terminal the Markdown is drawn by rich at the terminal's width: paragraphs, lists and code
blocks wrap, and a table too wide for the terminal is drawn as one record per row (each cell
named by its column) instead of being cut. Anywhere else (a pipe, a file) the Markdown source is
printed as it is: it is written to be read as plain text, and nothing there decides a width.
"""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, RenderResult
from rich.markdown import Markdown
from rich.markup import escape
from rich.padding import Padding
from rich.syntax import Syntax
from rich.text import Text

from dlkata.catalogue import Kata
from dlkata.i18n import N_, _

SPOILER = N_(
    "Spoiler warning: the reference solution follows. You learn more by finishing your own first."
)


def render_explanation(kata: Kata, console: Console, *, solution: bool = False) -> None:
    """The title and the explanation, then (with `solution`) a warning and the reference."""
    source = f"# {kata.title}\n\n" + kata.explanation_path.read_text("utf-8")
    reference = kata.reference_path.read_text("utf-8") if solution else None
    if not console.is_terminal:
        console.out(source.rstrip("\n"), highlight=False)  # as it is: no markup, emoji or wrap
        if reference is not None:
            console.out(f"\n{_(SPOILER)}\n", highlight=False)
            console.out(reference.rstrip("\n"), highlight=False)
        return
    console.print(FittingMarkdown(source), soft_wrap=False)
    if reference is not None:
        console.print(f"\n[bold yellow]{escape(_(SPOILER))}[/bold yellow]\n", soft_wrap=False)
        console.print(Syntax(reference, "python", line_numbers=True, word_wrap=True))


def _record_table(base: type) -> type:
    """rich's table element, drawn as rich draws it when every word of every cell survives at
    this width; otherwise one record per row, `column: cell` for each cell."""

    class RecordTable(base):  # type: ignore[valid-type, misc]
        def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
            table = next(iter(super().__rich_console__(console, options)))
            headers = [cell.content for cell in self.header.row.cells] if self.header else []
            rows = (
                [[cell.content for cell in row.cells] for row in self.body.rows]
                if self.body
                else []
            )
            drawn = "".join(
                segment.text for line in console.render_lines(table, options) for segment in line
            )
            words = {
                word
                for cell in [*headers, *(cell for row in rows for cell in row)]
                for word in cell.plain.split()
            }
            if all(word in drawn for word in words):
                yield table
                return
            for row in rows:
                named = [
                    Text.assemble((f"{headers[n].plain}: " if n < len(headers) else ""), cell)
                    for n, cell in enumerate(row)
                ]
                yield Padding(Text.assemble("• ", named[0]), (0, 0, 0, 1))
                yield Padding(Text("  ·  ").join(named[1:]), (0, 0, 0, 3))

    return RecordTable


class FittingMarkdown(Markdown):
    """Markdown whose tables never crop a cell (an older rich that draws no tables leaves them
    as text, which loses nothing either)."""

    if "table_open" in Markdown.elements:
        elements = {
            **Markdown.elements,
            "table_open": _record_table(Markdown.elements["table_open"]),
        }
