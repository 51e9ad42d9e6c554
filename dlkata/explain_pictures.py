"""The pictures an explanation's worked example can draw, as data: which windows, which cells.

An explanation (`katas/<id>/text/<lang>.md`) may hold a fenced block whose info string names a
picture, with one `key: value` a line (a small YAML: numbers, lists of numbers, `true`/`false`,
`# comments`, and a `caption` that is text)::

    ```picture sliding-window
    caption: Stride 2 and padding 1 on a 3×3 image
    input: [3, 3]
    kernel: [2, 2]
    stride: 2
    padding: 1
    ```

This module reads such a block and computes what it shows, with the formulas the katas teach
(the same as PyTorch's); `dlkata.render.explain_pictures` only draws it. Pure Python without
NumPy or a YAML parser, so that `explain` stays fast. A block it cannot read raises
`PictureError` with the line of the file, which `dlkata validate` reports.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from dlkata.i18n import _

INFO = "picture"  # the fence's info string begins with this word, then the picture's kind
_FENCE = re.compile(r"^```(?P<info>[^\n`]*)\n(?P<body>.*?)^```[ \t]*$", re.MULTILINE | re.DOTALL)
# a picture larger than these would not fit a terminal, nor teach better
MAX_GRID = 12
MAX_FRAMES = 36
MAX_BILINEAR_INPUT = 4
MAX_SCALE = 4

Pair = tuple[int, int]


class PictureError(ValueError):
    """A picture block that cannot be drawn: the line of the file, and what is wrong there."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


@dataclass(frozen=True)
class Block:
    """A picture block as written: its kind, its body, the file line of the body's first line
    (1-based), and where the whole fenced block starts and ends in the text."""

    kind: str
    body: str
    line: int
    span: tuple[int, int]


@dataclass(frozen=True)
class Window:
    """One window: the output cell it makes, and its top-left cell in the input's rows and
    columns (negative inside the padding)."""

    out: Pair
    top: int
    left: int


@dataclass(frozen=True)
class SlidingWindow:
    """A convolution's windows over a padded input, one frame per output cell, row by row."""

    caption: str
    input: Pair
    kernel: Pair
    stride: Pair
    padding: Pair
    out: Pair
    windows: tuple[Window, ...]


@dataclass(frozen=True)
class Argmax:
    """A max pooling's windows over a small matrix, each with the cell whose value it returns
    (the first maximum in row-major order, as PyTorch returns)."""

    caption: str
    x: tuple[tuple[float, ...], ...]
    kernel: Pair
    stride: Pair
    out: Pair
    windows: tuple[Window, ...]
    argmax: tuple[Pair, ...]  # for each window, the (row, column) of x it returns


@dataclass(frozen=True)
class AxisWeights:
    """Bilinear interpolation along one axis: for each output index, its source coordinate and
    the weight of every input index (all but at most two are 0)."""

    source: tuple[float, ...]
    weights: tuple[tuple[float, ...], ...]  # [output index][input index]


@dataclass(frozen=True)
class Bilinear:
    """The weight every input pixel has in every output pixel of a bilinear upsampling."""

    caption: str
    input: Pair
    scale: int
    align_corners: bool
    rows: AxisWeights
    columns: AxisWeights

    @property
    def out(self) -> Pair:
        return (self.input[0] * self.scale, self.input[1] * self.scale)

    def weight(self, out: Pair, pixel: Pair) -> float:
        """How much input pixel `pixel` contributes to output pixel `out`."""
        return self.rows.weights[out[0]][pixel[0]] * self.columns.weights[out[1]][pixel[1]]


Picture = SlidingWindow | Argmax | Bilinear


def picture_blocks(text: str) -> Iterator[Block]:
    """The picture blocks of a Markdown text, with the file line of each body."""
    for match in _FENCE.finditer(text):
        words = match["info"].split()
        if words and words[0] == INFO:
            line = text.count("\n", 0, match.start("body")) + 1
            yield Block(" ".join(words[1:]), match["body"], line, match.span())


def read_picture(kind: str, body: str, line: int = 1) -> Picture:
    """The picture a block describes; `PictureError` naming the file line for anything else."""
    reader = _READERS.get(kind)
    if reader is None:
        raise PictureError(
            max(line - 1, 1),
            _("unknown picture '{kind}': use one of {kinds}").format(
                kind=kind, kinds=", ".join(_READERS)
            ),
        )
    try:
        values, lines = _read_body(body, line)
    except PictureError as exc:
        raise PictureError(exc.line, f"{kind}: {exc.message}") from None
    return reader(_Fields(kind, values, lines, line))


def sliding_window(
    caption: str, input: Pair, kernel: Pair, stride: Pair = (1, 1), padding: Pair = (0, 0)
) -> SlidingWindow:
    """Every window of a convolution, at the positions of its output-size formula."""
    out = _out_size(input, kernel, stride, padding)
    windows = tuple(
        Window((i, j), i * stride[0] - padding[0], j * stride[1] - padding[1])
        for i in range(out[0])
        for j in range(out[1])
    )
    return SlidingWindow(caption, input, kernel, stride, padding, out, windows)


def argmax(caption: str, x: tuple[tuple[float, ...], ...], kernel: Pair, stride: Pair) -> Argmax:
    """Every window of a max pooling (no padding) and the first cell holding its maximum."""
    out = _out_size((len(x), len(x[0])), kernel, stride, (0, 0))
    windows, chosen = [], []
    for i in range(out[0]):
        for j in range(out[1]):
            window = Window((i, j), i * stride[0], j * stride[1])
            rows, columns = (
                range(window.top, window.top + kernel[0]),
                range(window.left, window.left + kernel[1]),
            )
            cells = [(r, c) for r in rows for c in columns]
            best = cells[0]
            for cell in cells[1:]:  # strictly greater: a tie keeps the first, as PyTorch does
                if x[cell[0]][cell[1]] > x[best[0]][best[1]]:
                    best = cell
            windows.append(window)
            chosen.append(best)
    return Argmax(caption, x, kernel, stride, out, tuple(windows), tuple(chosen))


def bilinear(caption: str, input: Pair, scale: int, align_corners: bool) -> Bilinear:
    """The weights of a bilinear upsampling by `scale`, with the kata's (and PyTorch's)
    source coordinates."""
    return Bilinear(
        caption,
        input,
        scale,
        align_corners,
        _axis(input[0], scale, align_corners),
        _axis(input[1], scale, align_corners),
    )


def _axis(size: int, scale: int, align_corners: bool) -> AxisWeights:
    out_size = size * scale
    sources, weights = [], []
    for d in range(out_size):
        if align_corners:
            src = d * (size - 1) / (out_size - 1) if out_size > 1 else 0.0
        else:  # centres onto centres, clamped at 0 before the first one
            src = max((d + 0.5) / scale - 0.5, 0.0)
        i0 = min(math.floor(src), size - 1)
        i1 = min(i0 + 1, size - 1)
        lam = src - i0
        row = [0.0] * size
        row[i0] += 1.0 - lam
        row[i1] += lam
        sources.append(src)
        weights.append(tuple(row))
    return AxisWeights(tuple(sources), tuple(weights))


def _out_size(size: Pair, kernel: Pair, stride: Pair, padding: Pair) -> Pair:
    return (
        (size[0] + 2 * padding[0] - kernel[0]) // stride[0] + 1,
        (size[1] + 2 * padding[1] - kernel[1]) // stride[1] + 1,
    )


# --- reading a block ---------------------------------------------------------------------------


class _Fields:
    """A block's values, taken one by one; each problem names the line of its key."""

    def __init__(self, kind: str, values: dict[str, Any], lines: dict[str, int], line: int):
        self.kind, self.values, self.lines, self.line = kind, values, lines, line
        self.taken: set[str] = set()

    def error(self, key: str, message: str) -> PictureError:
        return PictureError(self.lines.get(key, self.line), f"{self.kind}: {key}: {message}")

    def get(self, key: str, default: Any = None) -> Any:
        self.taken.add(key)
        if key not in self.values:
            if default is None:
                raise PictureError(  # on the fence's line: the block lacks it
                    max(self.line - 1, 1),
                    _("{kind}: '{key}' is missing").format(kind=self.kind, key=key),
                )
            return default
        return self.values[key]

    def caption(self) -> str:
        value = self.get("caption", "")
        return value if isinstance(value, str) else str(value)

    def pair(self, key: str, default: Any = None, *, least: int = 1) -> Pair:
        value = self.get(key, default)
        if isinstance(value, int) and not isinstance(value, bool):
            value = [value, value]
        if (
            not isinstance(value, list)
            or len(value) != 2
            or not all(isinstance(v, int) and not isinstance(v, bool) for v in value)
        ):
            raise self.error(key, _("must be an integer or a pair of integers, like [3, 3]"))
        if min(value) < least:
            raise self.error(key, _("must be at least {least}").format(least=least))
        return (value[0], value[1])

    def done(self) -> None:
        for key in self.values.keys() - self.taken:
            raise self.error(
                key,
                _("unknown key: use {keys}").format(keys=", ".join(sorted(self.taken))),
            )


def _read_body(body: str, line: int) -> tuple[dict[str, Any], dict[str, int]]:
    values: dict[str, Any] = {}
    lines: dict[str, int] = {}
    for number, text in enumerate(body.splitlines(), start=line):
        if not text.strip() or text.lstrip().startswith("#"):
            continue
        key, colon, value = text.partition(":")
        key, value = key.strip(), value.strip()
        if not colon or not re.fullmatch(r"[a-z_]+", key):
            raise PictureError(number, _("write one 'key: value' a line, like 'input: [3, 3]'"))
        if key in values:
            raise PictureError(number, _("'{key}' is given twice: keep one").format(key=key))
        lines[key] = number
        if key == "caption":
            values[key] = value
            continue
        value = value.partition("#")[0].strip()  # a comment after a value, as in YAML
        try:
            values[key] = json.loads(value)
        except ValueError:
            raise PictureError(
                number,
                _("{key}: '{value}' is not a number, a list like [3, 3], true or false").format(
                    key=key, value=value
                ),
            ) from None
    return values, lines


def _read_sliding_window(fields: _Fields) -> SlidingWindow:
    caption = fields.caption()
    size = fields.pair("input")
    kernel = fields.pair("kernel")
    stride = fields.pair("stride", 1)
    padding = fields.pair("padding", 0, least=0)
    fields.done()
    padded = (size[0] + 2 * padding[0], size[1] + 2 * padding[1])
    if max(padded) > MAX_GRID:
        raise fields.error(
            "input", _("the padded input must be at most {n}×{n}").format(n=MAX_GRID)
        )
    if kernel[0] > padded[0] or kernel[1] > padded[1]:
        raise fields.error("kernel", _("is larger than the padded input"))
    picture = sliding_window(caption, size, kernel, stride, padding)
    if len(picture.windows) > MAX_FRAMES:
        raise fields.error("stride", _("gives more than {n} windows").format(n=MAX_FRAMES))
    return picture


def _read_argmax(fields: _Fields) -> Argmax:
    caption = fields.caption()
    x = fields.get("x")
    rows_ok = isinstance(x, list) and x and all(isinstance(row, list) and row for row in x)
    if not rows_ok or any(len(row) != len(x[0]) for row in x):
        raise fields.error("x", _("must be a matrix: a list of rows of the same length"))
    if any(isinstance(v, bool) or not isinstance(v, (int, float)) for row in x for v in row):
        raise fields.error("x", _("must hold numbers only"))
    if max(len(x), len(x[0])) > MAX_GRID:
        raise fields.error("x", _("must be at most {n}×{n}").format(n=MAX_GRID))
    kernel = fields.pair("kernel")
    stride = fields.pair("stride", list(kernel))
    fields.done()
    if kernel[0] > len(x) or kernel[1] > len(x[0]):
        raise fields.error("kernel", _("is larger than x"))
    picture = argmax(caption, tuple(tuple(row) for row in x), kernel, stride)
    if len(picture.windows) > MAX_FRAMES:
        raise fields.error("stride", _("gives more than {n} windows").format(n=MAX_FRAMES))
    return picture


def _read_bilinear(fields: _Fields) -> Bilinear:
    caption = fields.caption()
    size = fields.pair("input")
    scale = fields.get("scale")
    align_corners = fields.get("align_corners", False)
    fields.done()
    if max(size) > MAX_BILINEAR_INPUT:
        raise fields.error("input", _("must be at most {n}×{n}").format(n=MAX_BILINEAR_INPUT))
    if isinstance(scale, bool) or not isinstance(scale, int) or not 1 <= scale <= MAX_SCALE:
        raise fields.error("scale", _("must be an integer from 1 to {n}").format(n=MAX_SCALE))
    if not isinstance(align_corners, bool):
        raise fields.error("align_corners", _("must be true or false"))
    return bilinear(caption, size, scale, align_corners)


_READERS = {
    "sliding-window": _read_sliding_window,
    "argmax": _read_argmax,
    "bilinear-weights": _read_bilinear,
}
