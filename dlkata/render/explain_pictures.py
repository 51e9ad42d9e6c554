"""An explanation's pictures drawn as text: box-drawing grids, the window's cells marked.

Frames stand side by side as many as the width holds and fold under each other on a narrow
terminal. Every mark is a character (■ a window's cell, [3] a chosen maximum), so the picture
reads the same without colour; colour only adds emphasis. What is drawn was decided by
`dlkata.explain_pictures`; nothing here computes a window or a weight.
"""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, RenderResult
from rich.text import Text

from dlkata.explain_pictures import Argmax, Bilinear, Picture, SlidingWindow
from dlkata.i18n import _

GAP = 2  # columns between two frames
WINDOW, INPUT, PADDING = "■", "□", "·"
BOX_STYLE = "blue"
MARK_STYLE = "bold yellow"
DIM = "dim"

Frame = list[Text]


class PictureView:
    """A picture as rich draws it: the caption and a legend, then its frames at the width."""

    def __init__(self, picture: Picture) -> None:
        self.picture = picture

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield from picture_lines(self.picture, options.max_width)


def picture_lines(picture: Picture, width: int) -> list[Text]:
    """The picture's lines, its frames laid out to fit `width` columns."""
    if isinstance(picture, SlidingWindow):
        head, frames, tail = _sliding(picture)
    elif isinstance(picture, Argmax):
        head, frames, tail = _argmax(picture)
    else:
        head, frames, tail = _bilinear(picture)
    caption = [Text(picture.caption, style="bold")] if picture.caption else []
    return [*caption, *head, *side_by_side(frames, width), *tail]


def side_by_side(frames: list[Frame], width: int) -> list[Text]:
    """Frames in rows of as many as fit `width`, a blank line between two rows."""
    if not frames:
        return []
    frame_width = max(line.cell_len for frame in frames for line in frame)
    height = max(len(frame) for frame in frames)
    per_row = max(1, (width + GAP) // (frame_width + GAP))
    lines: list[Text] = []
    for start in range(0, len(frames), per_row):
        row = frames[start : start + per_row]
        for n in range(height):
            line = Text(overflow="fold")
            for k, frame in enumerate(row):
                cell = frame[n].copy() if n < len(frame) else Text()
                if k < len(row) - 1:
                    cell.pad_right(frame_width - cell.cell_len + GAP)
                line.append_text(cell)
            line.rstrip()
            lines.append(line)
        if start + per_row < len(frames):
            lines.append(Text())
    return lines


def _box(rows: list[Text]) -> list[Text]:
    inner = max((row.cell_len for row in rows), default=0)
    framed = [Text("┌" + "─" * inner + "┐", style=BOX_STYLE)]
    for row in rows:
        line = Text("│", style=BOX_STYLE)
        line.append_text(row)
        line.pad_right(inner - row.cell_len)
        line.append("│", style=BOX_STYLE)
        framed.append(line)
    framed.append(Text("└" + "─" * inner + "┘", style=BOX_STYLE))
    return framed


def _pair(pair: tuple[int, int]) -> str:
    return f"{pair[0]}×{pair[1]}"


def _steps(pair: tuple[int, int]) -> str:
    """A stride or a padding: one number when both axes have it."""
    return str(pair[0]) if pair[0] == pair[1] else f"({pair[0]}, {pair[1]})"


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


# --- a convolution's windows -------------------------------------------------------------------


def _sliding(picture: SlidingWindow) -> tuple[list[Text], list[Frame], list[Text]]:
    head = [
        Text(
            _(
                "input {input}, kernel {kernel}, stride {stride}, padding {padding}: "
                "{out} outputs, one window each"
            ).format(
                input=_pair(picture.input),
                kernel=_pair(picture.kernel),
                stride=_steps(picture.stride),
                padding=_steps(picture.padding),
                out=_pair(picture.out),
            )
        ),
        Text(
            _("{window} the window   {input} the input (in the box)   {padding} padding").format(
                window=WINDOW, input=INPUT, padding=PADDING
            )
        ),
    ]
    frames = []
    for window in picture.windows:
        title = [
            Text(f"out[{window.out[0]},{window.out[1]}]", style="bold"),
            Text(_("at ({row}, {column})").format(row=window.top, column=window.left)),
        ]
        frames.append(title + _padded_grid(picture, window.top, window.left))
    return head, frames, []


def _padded_grid(picture: SlidingWindow, top: int, left: int) -> list[Text]:
    """The padded input, the input boxed, the window's cells marked."""
    (h, w), (kh, kw), (ph, pw) = picture.input, picture.kernel, picture.padding
    rows, columns = h + 2 * ph, w + 2 * pw

    def border(corners: str) -> Text:
        line = Text(style=BOX_STYLE)
        for c in range(columns + 1):
            line.append(
                corners[0]
                if c == pw
                else corners[1]
                if c == pw + w
                else "─"
                if pw < c < pw + w
                else " "
            )
            if c < columns:
                line.append("─" if pw <= c < pw + w else " ")
        return line

    lines = []
    for r in range(rows):
        if r == ph:
            lines.append(border("┌┐"))
        inside_rows = ph <= r < ph + h
        line = Text()
        for c in range(columns + 1):
            line.append("│" if inside_rows and c in (pw, pw + w) else " ", style=BOX_STYLE)
            if c == columns:
                break
            if top + ph <= r < top + ph + kh and left + pw <= c < left + pw + kw:
                line.append(WINDOW, style=MARK_STYLE)
            elif inside_rows and pw <= c < pw + w:
                line.append(INPUT)
            else:
                line.append(PADDING, style=DIM)
        lines.append(line)
        if r == ph + h - 1:
            lines.append(border("└┘"))
    return lines


# --- a max pooling's choices -------------------------------------------------------------------


def _argmax(picture: Argmax) -> tuple[list[Text], list[Frame], list[Text]]:
    x = picture.x
    width = max(len(_number(v)) for row in x for v in row)

    def grid(marked: set[tuple[int, int]], shown: set[tuple[int, int]] | None) -> list[Text]:
        rows = []
        for r, row in enumerate(x):
            line = Text()
            for c, value in enumerate(row):
                text = _number(value).rjust(width)
                if (r, c) in marked:
                    line.append(f"[{text}]", style=MARK_STYLE)
                elif shown is None or (r, c) in shown:
                    line.append(f" {text} ")
                else:
                    line.append(f" {PADDING.rjust(width)} ", style=DIM)
            rows.append(line)
        return _box(rows)

    head = [
        Text(
            _(
                "kernel {kernel}, stride {stride}: {out} windows; [ ] marks the value each returns"
            ).format(
                kernel=_pair(picture.kernel), stride=_steps(picture.stride), out=_pair(picture.out)
            )
        )
    ]
    frames = []
    for window, chosen in zip(picture.windows, picture.argmax):
        cells = {
            (window.top + p, window.left + q)
            for p in range(picture.kernel[0])
            for q in range(picture.kernel[1])
        }
        value = _number(x[chosen[0]][chosen[1]])
        title = Text(f"out[{window.out[0]},{window.out[1]}] = {value}", style="bold")
        frames.append([title, *grid({chosen}, cells)])
    out = [
        [_number(x[r][c]) for r, c in picture.argmax[i * picture.out[1] : (i + 1) * picture.out[1]]]
        for i in range(picture.out[0])
    ]
    tail = [
        Text(),
        Text(_("x, every value a window returns in [ ]:")),
        *grid(set(picture.argmax), None),
        Text("out = [" + ", ".join("[" + ", ".join(row) + "]" for row in out) + "]"),
    ]
    return head, frames, tail


# --- bilinear weights --------------------------------------------------------------------------


def _weight(value: float) -> str:
    if value == 0:
        return PADDING
    if value == 1:
        return "1"
    return f"{value:.2f}".lstrip("0")


def _bilinear(picture: Bilinear) -> tuple[list[Text], list[Frame], list[Text]]:
    sources = ", ".join(_number(round(s, 3)) for s in picture.rows.source)
    head = [
        Text(
            _("input {input}, scale {scale}, align_corners={align}: output {out}").format(
                input=_pair(picture.input),
                scale=picture.scale,
                align=picture.align_corners,
                out=_pair(picture.out),
            )
        ),
        Text(_("source row of each output row: {sources}").format(sources=sources)),
    ]
    if picture.input[1] != picture.input[0]:
        columns = ", ".join(_number(round(s, 3)) for s in picture.columns.source)
        head.append(
            Text(_("source column of each output column: {sources}").format(sources=columns))
        )
    head.append(
        Text(
            _(
                "Each grid: the weight of one input pixel in every output pixel ({zero} is 0)."
            ).format(zero=PADDING)
        )
    )
    frames = []
    out_h, out_w = picture.out
    for a in range(picture.input[0]):
        for b in range(picture.input[1]):
            rows = []
            for r in range(out_h):
                line = Text()
                for c in range(out_w):
                    value = picture.weight((r, c), (a, b))
                    style = MARK_STYLE if value >= 0.5 else DIM if value == 0 else ""
                    line.append(f" {_weight(value):>3}", style=style)
                line.append(" ")
                rows.append(line)
            frames.append([Text(f"x[{a},{b}]", style="bold"), *_box(rows)])
    return head, frames, []
