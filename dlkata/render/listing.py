"""`dlkata list` as a table that never cuts a kata id, its katas grouped by topic.

On a terminal the table fits the terminal's width: the title wraps, and when even that is not
enough the least useful columns are left out (difficulty, then topic, then title), with a line
saying so; the id column never wraps or shortens while it fits at all. Piped or redirected, the
table is as wide as its widest row, so every row stays one line for whatever reads it.
"""

from __future__ import annotations

from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from dlkata.catalogue import Kata
from dlkata.i18n import N_, _
from dlkata.progress import CourseStatus, Progress

COLUMNS = ("id", "title", "topic", "difficulty", "status")
# what each column, topic and difficulty is called where people read it (JSON keeps the keys)
HEADERS = {
    "id": N_("id"),
    "title": N_("title"),
    "topic": N_("topic"),
    "difficulty": N_("difficulty"),
    "status": N_("status"),
}
TOPICS = {
    "initialisation": N_("initialisation"),
    "layers": N_("layers"),
    "activations": N_("activations"),
    "losses": N_("losses"),
    "regularisation": N_("regularisation"),
    "training": N_("training"),
    "data": N_("data"),
    "optimisation": N_("optimisation"),
    "metrics": N_("metrics"),
    "convolution": N_("convolution"),
    "normalisation": N_("normalisation"),
    "recurrent": N_("recurrent"),
    "attention": N_("attention"),
    "generative": N_("generative"),
    "compression": N_("compression"),
    "robustness": N_("robustness"),
}
DIFFICULTIES = {"easy": N_("easy"), "medium": N_("medium"), "hard": N_("hard")}
LEFT_OUT_FIRST = ("difficulty", "topic", "title")  # the id and the status always stay
MIN_TITLE = 16  # narrower than this, a title wraps into a word a line: leave it out instead
GAP = 2  # the space between two columns
STYLES = {Progress.PASSED: "green", Progress.IN_PROGRESS: "yellow", Progress.NOT_STARTED: "dim"}


def topic_label(topic: str) -> str:
    """A topic as people read it, in their language."""
    return _(TOPICS[topic]) if topic in TOPICS else topic


def difficulty_label(difficulty: str) -> str:
    return _(DIFFICULTIES[difficulty]) if difficulty in DIFFICULTIES else difficulty


def by_topic(katas: list[tuple[Kata, Progress]]) -> list[tuple[Kata, Progress]]:
    """Grouped by topic, topics in the order the path reaches them, each in learning order."""
    order = {topic: rank for rank, topic in enumerate(TOPICS)}
    return sorted(katas, key=lambda item: order.get(item[0].topic, len(order)))


def render_list_text(status: CourseStatus, console: Console) -> None:
    headers = {c: _(HEADERS[c]) for c in COLUMNS}
    katas = by_topic(status.katas)
    rows = [
        {
            "id": kata.id,
            "title": kata.title,
            "topic": topic_label(kata.topic),
            "difficulty": difficulty_label(kata.difficulty),
            "status": progress.label,
        }
        for kata, progress in katas
    ]
    # widths in terminal cells: a Chinese character takes two
    natural = {c: max([cell_len(headers[c])] + [cell_len(row[c]) for row in rows]) for c in COLUMNS}
    # piped, as wide as the widest row; on a terminal, as wide as the terminal
    widths = column_widths(natural, console.width) if console.is_terminal else natural
    table = Table(
        title=_("dlkata katas"),
        title_justify="left",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        padding=(0, 1, 0, 0),  # with the column divider, GAP between two columns
        show_edge=False,
    )
    for column, width in widths.items():
        table.add_column(headers[column], width=width, overflow="fold")
    for index, (row, (kata, progress)) in enumerate(zip(rows, katas)):
        if index and kata.topic != katas[index - 1][0].topic:
            table.add_section()  # a line between two topics
        style = {"status": STYLES[progress]}
        table.add_row(*(Text(row[c], style=style.get(c, "")) for c in widths))
    if console.is_terminal:
        console.print(table)
    else:  # as wide as the table: rich never draws wider than its console
        terminal_width, console.width = (
            console.width,
            sum(widths.values()) + GAP * (len(widths) - 1),
        )
        console.print(table)
        console.width = terminal_width
    left_out = [headers[column] for column in COLUMNS if column not in widths]
    if left_out:
        line = _(
            "Left out to fit the terminal: {columns}. A wider terminal, or "
            "`dlkata list --format json`, shows them."
        ).format(columns=", ".join(left_out))
        console.print(Text(line, style="dim"))
    console.print(
        Text(_("Workspace: {path}").format(path=status.workspace), style="dim"),
        soft_wrap=not console.is_terminal,
    )


def column_widths(natural: dict[str, int], width: int) -> dict[str, int]:
    """The columns shown in `width` and their widths. Every column but the title at its natural
    width, the title given the rest (at least MIN_TITLE); when that does not fit, leave out
    difficulty, then topic, then title. With only the id and the status left, the status wraps
    ("not / started") before the id does, and the id folds only where even that is too wide."""
    shown = list(COLUMNS)
    for column in LEFT_OUT_FIRST:
        fixed = sum(natural[c] for c in shown if c != "title") + GAP * (len(shown) - 1)
        if fixed + min(MIN_TITLE, natural["title"]) <= width:
            return {c: natural[c] if c != "title" else width - fixed for c in shown}
        shown.remove(column)
    status = max(min(natural["status"], width - GAP - natural["id"]), len("progress"))
    return {"id": max(width - GAP - status, 1), "status": status}
