"""`dlkata explain`: a kata's explanation, and its reference on request, without losing a word.

On a terminal the Markdown is drawn by rich at the terminal's width: paragraphs, lists and code
blocks wrap, and a table too wide for the terminal is drawn as one record per row (each cell
named by its column) instead of being cut. Anywhere else (a pipe, a file) the Markdown source is
printed as it is: it is written to be read as plain text, and nothing there decides a width.

A picture block (```` ```picture sliding-window ````, see `dlkata.explain_pictures`) is drawn
in both: on a terminal at its width and in colour when the terminal has it; piped, as plain text
in a plain fenced block at PIPE_WIDTH columns. Its YAML body is an instruction to draw, not
something to read, and a learner paging through `explain | less` wants the picture; the output
stays Markdown (the drawing is preformatted text to any Markdown viewer), and the drawing keeps
the block's caption and every number it was given. A block that cannot be read (which
`dlkata validate` reports) is shown as it was written.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.console import Console, ConsoleOptions, RenderResult
from rich.markdown import CodeBlock, Markdown
from rich.markup import escape
from rich.padding import Padding
from rich.syntax import Syntax
from rich.text import Text

from dlkata.catalogue import Kata
from dlkata.explain_pictures import INFO, PictureError, picture_blocks, read_picture
from dlkata.i18n import N_, _
from dlkata.render.explain_pictures import PictureView, picture_lines

PIPE_WIDTH = 100  # the width the explanations are written to

SPOILER = N_(
    "Spoiler warning: the reference solution follows. You learn more by finishing your own first."
)


def render_explanation(kata: Kata, console: Console, *, solution: bool = False) -> None:
    """The title and the explanation, then (with `solution`) a warning and the reference."""
    source = f"# {kata.title}\n\n" + kata.explanation_path.read_text("utf-8")
    reference = kata.reference_path.read_text("utf-8") if solution else None
    if not console.is_terminal:
        # as it is (no markup, emoji or wrap), its pictures drawn
        console.out(drawn_source(source).rstrip("\n"), highlight=False)
        if reference is not None:
            console.out(f"\n{_(SPOILER)}\n", highlight=False)
            console.out(reference.rstrip("\n"), highlight=False)
        return
    console.print(FittingMarkdown(source), soft_wrap=False)
    if reference is not None:
        console.print(f"\n[bold yellow]{escape(_(SPOILER))}[/bold yellow]\n", soft_wrap=False)
        console.print(Syntax(reference, "python", line_numbers=True, word_wrap=True))


def explanation_markdown(kata: Kata, *, solution: bool = False) -> str:
    """The title and the explanation as Markdown, pictures drawn; with `solution`, the warning
    and the reference in a Python block (for a notebook, which renders Markdown)."""
    text = drawn_source(f"# {kata.title}\n\n" + kata.explanation_path.read_text("utf-8"))
    if solution:
        reference = kata.reference_path.read_text("utf-8").rstrip("\n")
        text = f"{text.rstrip()}\n\n**{_(SPOILER)}**\n\n```python\n{reference}\n```\n"
    return text


def drawn_source(source: str) -> str:
    """The Markdown source with each picture block replaced by its drawing, as plain text in a
    plain fenced block (a block that cannot be read stays as it was)."""
    for block in reversed(list(picture_blocks(source))):
        try:
            picture = read_picture(block.kind, block.body)
        except PictureError:
            continue
        drawing = "\n".join(line.plain.rstrip() for line in picture_lines(picture, PIPE_WIDTH))
        start, end = block.span
        source = f"{source[:start]}```\n{drawing}\n```{source[end:]}"
    return source


class PictureOrCode(CodeBlock):
    """A fenced block: a picture when its info string names one it can read, code otherwise."""

    @classmethod
    def create(cls, markdown: Markdown, token: object) -> CodeBlock:
        block = super().create(markdown, token)  # type: ignore[arg-type]
        block.info = (getattr(token, "info", "") or "").split()
        return block

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        info = getattr(self, "info", [])
        if info and info[0] == INFO:
            try:
                picture = read_picture(" ".join(info[1:]), str(self.text))
            except PictureError:
                pass
            else:
                yield PictureView(picture)
                return
        yield from super().__rich_console__(console, options)


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

    elements: ClassVar[dict[str, Any]] = {**Markdown.elements, "fence": PictureOrCode}
    if "table_open" in Markdown.elements:
        elements["table_open"] = _record_table(Markdown.elements["table_open"])
