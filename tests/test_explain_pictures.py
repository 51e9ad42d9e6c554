"""The pictures of `explain`'s worked examples: right (the windows conv2d reads, the cell max
pooling returns, the weights bilinear upsampling gives, each against the kata's reference), drawn
through the real command at any width, piped, in English and Chinese, in the notebook; and a
broken picture block is a `dlkata validate` error with its file and line, never a crash."""

from __future__ import annotations

import itertools
import re
import shutil
from pathlib import Path

import numpy as np
import pytest

from dlkata.explain_pictures import (
    PictureError,
    argmax,
    bilinear,
    picture_blocks,
    read_picture,
    sliding_window,
)
from dlkata.render.explain_pictures import picture_lines
from tests.cli_support import invoke, isolate, without_styles
from tests.support import load_reference

ROOT = Path(__file__).resolve().parent.parent
CONV = load_reference("conv2d")
POOL = load_reference("max_pool2d")
BILINEAR = load_reference("bilinear_upsample")


@pytest.fixture(autouse=True)
def _clean(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    isolate(monkeypatch, tmp_path)


# --- the pictures are right --------------------------------------------------------------------

GEOMETRIES = [  # (input, kernel, stride, padding)
    ((3, 3), (2, 2), (2, 2), (1, 1)),  # conv2d's worked example
    ((5, 5), (3, 3), (2, 2), (1, 1)),
    ((4, 6), (3, 2), (1, 3), (0, 1)),
    ((5, 4), (2, 3), (3, 2), (2, 0)),  # stride over the kernel, the last rows never read
    ((3, 3), (1, 1), (2, 2), (1, 1)),  # a 1×1 kernel on padding
]


@pytest.mark.parametrize(("size", "kernel", "stride", "padding"), GEOMETRIES)
def test_the_windows_are_the_ones_conv2d_reads(size, kernel, stride, padding) -> None:
    picture = sliding_window("", size, kernel, stride, padding)
    out = CONV.conv2d_forward(
        np.zeros((1, 1, *size)),
        np.ones((1, 1, *kernel)),
        np.zeros(1),
        stride=stride,
        padding=padding,
    )[0]
    assert picture.out == out.shape[2:]
    assert len(picture.windows) == out.shape[2] * out.shape[3]
    for window in picture.windows:
        i, j = window.out
        assert (window.top, window.left) == (i * stride[0] - padding[0], j * stride[1] - padding[1])
    # each window covers exactly the input cells its output reads: one-hot in, ones kernel
    for u, v in itertools.product(range(size[0]), range(size[1])):
        x = np.zeros((1, 1, *size))
        x[0, 0, u, v] = 1
        reads = CONV.conv2d_forward(
            x, np.ones((1, 1, *kernel)), np.zeros(1), stride=stride, padding=padding
        )[0]
        for window in picture.windows:
            covers = (
                window.top <= u < window.top + kernel[0]
                and window.left <= v < window.left + kernel[1]
            )
            assert covers == bool(reads[0, 0, window.out[0], window.out[1]])


MATRICES = [
    ([[1, 3, 2, 1], [3, 0, 1, 4], [2, 2, 5, 0], [1, 2, 0, 5]], (2, 2), (2, 2)),  # the example
    ([[1, 1, 1], [1, 1, 1], [1, 1, 1]], (2, 2), (1, 1)),  # every cell tied
    ([[0, 2, 2, 0, 1], [2, 0, 0, 2, 1], [-1, -3, 7, 7, 7]], (2, 3), (1, 2)),
    ([[4, 4], [4, 4], [9, 1]], (1, 2), (2, 1)),
]


@pytest.mark.parametrize(("x", "kernel", "stride"), MATRICES)
def test_the_argmax_is_the_cell_max_pool2d_returns_first_on_ties(x, kernel, stride) -> None:
    picture = argmax("", tuple(tuple(row) for row in x), kernel, stride)
    x4 = np.array(x, dtype=float)[None, None]
    out, cache = POOL.max_pool2d_forward(x4, kernel_size=kernel, stride=stride)
    assert picture.out == out.shape[2:]
    for window, (r, c) in zip(picture.windows, picture.argmax):
        dout = np.zeros_like(out)
        dout[0, 0, window.out[0], window.out[1]] = 1
        routed = POOL.max_pool2d_backward(dout, cache)[0, 0]  # the gradient goes where the max was
        assert list(zip(*np.nonzero(routed))) == [(r, c)]
        assert x[r][c] == out[0, 0, window.out[0], window.out[1]]


@pytest.mark.parametrize("align_corners", [False, True])
@pytest.mark.parametrize(("size", "scale"), [((2, 2), 2), ((1, 3), 3), ((3, 2), 1), ((4, 4), 4)])
def test_the_bilinear_weights_are_the_references_on_a_one_hot_input(size, scale, align_corners):
    picture = bilinear("", size, scale, align_corners)
    for a, b in itertools.product(range(size[0]), range(size[1])):
        x = np.zeros((1, 1, *size))
        x[0, 0, a, b] = 1
        expected = BILINEAR.bilinear_upsample(x, scale, align_corners=align_corners)[0, 0]
        drawn = [
            [picture.weight((r, c), (a, b)) for c in range(picture.out[1])]
            for r in range(picture.out[0])
        ]
        np.testing.assert_allclose(drawn, expected, atol=1e-12)


# --- drawn through the real command ------------------------------------------------------------


def title_lines(text: str) -> list[str]:
    """The lines of a sliding-window drawing that name the frames below them."""
    lines = text.splitlines()
    return [
        line
        for line, below in itertools.pairwise(lines)
        if "out[" in line and below.lstrip().startswith(("at (", "位于"))
    ]


def windows_drawn(text: str, padding: tuple[int, int]) -> dict[tuple[int, int], set]:
    """From a drawing of the sliding-window picture: for each `out[i,j]` frame, the cells marked
    ■, as (row, column) of the input (negative in the padding)."""
    lines = text.splitlines()
    found: dict[tuple[int, int], set] = {}
    for n, line in enumerate(lines):
        if line not in title_lines(text):
            continue
        titles = list(re.finditer(r"out\[(\d+),(\d+)\]", line))
        ends = [t.start() for t in titles[1:]] + [None]
        for title, end in zip(titles, ends):
            start, row, cells = title.start(), -padding[0], set()
            for grid in itertools.takewhile(str.strip, lines[n + 2 :]):
                if "┌" in grid or "└" in grid:
                    continue
                for k, char in enumerate(grid[start + 1 : end : 2]):
                    if char == "■":
                        cells.add((row, k - padding[1]))
                row += 1
            found[(int(title[1]), int(title[2]))] = cells
    return found


def expected_windows(picture) -> dict[tuple[int, int], set]:
    kh, kw = picture.kernel
    return {
        w.out: {(w.top + p, w.left + q) for p in range(kh) for q in range(kw)}
        for w in picture.windows
    }


CONV2D = sliding_window("", (3, 3), (2, 2), (2, 2), (1, 1))  # the block in conv2d's text


@pytest.mark.parametrize("width", [40, 60, 100, 160])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_explain_conv2d_draws_every_window_side_by_side_to_fit_the_terminal(width, lang) -> None:
    result = invoke(
        "explain", "conv2d", "--lang", lang, "--color", "never",
        env={"COLUMNS": str(width), "TTY_COMPATIBLE": "1"},
    )  # fmt: skip
    assert result.exit_code == 0 and "\x1b[" not in result.stdout
    shown = result.stdout
    assert windows_drawn(shown, (1, 1)) == expected_windows(CONV2D)
    per_row = [line.count("out[") for line in title_lines(shown)]
    narrow = {"en": [3, 1], "zh": [2, 2]}[lang]  # "位于 (-1, -1)" takes 13 columns
    assert per_row == (narrow if width == 40 else [4])
    assert max(len(line.rstrip()) for line in shown.splitlines()) <= width
    assert "picture sliding-window" not in shown and "kernel: [2, 2]" not in shown
    caption = {"en": "The four windows of stride 2", "zh": "步幅 2、填充 1 时的四个窗口"}[lang]
    legend = {"en": "■ the window   □ the input", "zh": "■ 窗口   □ 输入"}[lang]
    squashed = "".join(shown.split())  # the caption wraps on a narrow terminal
    assert "".join(caption.split()) in squashed and "".join(legend.split()) in squashed


def test_explain_conv2d_colours_the_window_when_the_console_has_colour() -> None:
    result = invoke("explain", "conv2d", "--color", "always", env={"COLUMNS": "100"})
    assert result.exit_code == 0
    marked = re.findall(r"\x1b\[([0-9;]+)m■", result.stdout)
    assert len(marked) == 16 and all("33" in style for style in marked)  # 4 windows of 2×2
    assert windows_drawn(without_styles(result.stdout), (1, 1)) == expected_windows(CONV2D)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_explain_piped_draws_the_picture_in_place_of_its_block(lang: str) -> None:
    result = invoke("explain", "conv2d", "--lang", lang, env={"COLUMNS": "40"})
    assert result.exit_code == 0
    source = (ROOT / "katas" / "conv2d" / "text" / f"{lang}.md").read_text("utf-8")
    block = next(picture_blocks(source))
    before, after = source[: block.span[0]], source[block.span[1] :]
    shown = result.stdout
    assert before in shown and after.rstrip("\n") in shown  # the rest is the source, unchanged
    drawing = shown[shown.index(before) + len(before) : shown.index(after.rstrip("\n"))]
    assert drawing.startswith("```\n") and drawing.endswith("\n```")  # a plain block: Markdown
    assert windows_drawn(drawing, (1, 1)) == expected_windows(CONV2D)
    # piped at the explanation's own width, whatever COLUMNS says
    assert [line.count("out[") for line in title_lines(drawing)] == [4]


def test_explain_max_pool2d_marks_each_windows_first_maximum() -> None:
    shown = invoke("explain", "max_pool2d").stdout
    assert "out[0,0] = 3    out[0,1] = 4    out[1,0] = 2    out[1,1] = 5" in shown
    assert "│ 1 [3] ·  · │" in shown  # the 3 at (0, 1), not the tie at (1, 0)
    assert "│[2] 2 [5] 0 │" in shown and "out = [[3, 4], [2, 5]]" in shown


def test_explain_bilinear_upsample_draws_both_conventions_weights() -> None:
    shown = invoke("explain", "bilinear_upsample", "--lang", "zh").stdout
    assert "│ .75 .56 .19   · │" in shown  # align_corners=False: 0.75 · 0.75
    assert "│ .67 .44 .22   · │" in shown  # align_corners=True: 2/3 · 2/3
    assert "每个输出行对应的源行坐标：0, 0.25, 0.75, 1.25" in shown


def test_a_large_picture_folds_its_frames_under_each_other() -> None:
    picture = sliding_window("", (5, 5), (3, 3), (1, 1), (1, 1))  # 25 windows, 15 columns each
    for width, per_row in ((40, 2), (60, 3), (100, 6), (160, 9)):
        lines = [line.plain for line in picture_lines(picture, width)]
        counts = [line.count("out[") for line in lines if "out[" in line]
        assert counts[0] == per_row and sum(counts) == 25
        frames = lines[2:]  # the caption and legend are wrapped by the console
        assert max(len(line) for line in frames) <= width


def test_the_notebook_shows_the_same_drawing() -> None:
    from dlkata.notebook import explain

    markdown = explain("conv2d", lang="zh")._repr_markdown_()
    assert windows_drawn(markdown, (1, 1)) == expected_windows(CONV2D)
    assert "步幅 2、填充 1 时的四个窗口" in markdown and "picture sliding-window" not in markdown
    with_solution = explain("conv2d", solution=True)._repr_markdown_()
    assert "```python\n" in with_solution and "def conv2d_forward" in with_solution


# --- a broken block ----------------------------------------------------------------------------

BROKEN = [  # (the body, the line of the problem counted from the fence, words of the message)
    ("input: [3, 3]\nkernel: [2, 2]\nstride: 0", 3, "stride: must be at least 1"),
    ("input: [3, 3]\nkernel: [4, 4]", 2, "larger than the padded input"),
    ("kernel: [2, 2]", 0, "'input' is missing"),
    ("input: [3, 3]\nkernel: [2, 2]\nstrides: 2", 3, "unknown key"),
    ("input [3, 3]", 1, "one 'key: value' a line"),
    ("input: [3, 3\nkernel: 2", 1, "is not a number, a list"),
    ("input: [30, 30]\nkernel: 2", 1, "at most 12×12"),
    ("input: 3\ninput: 4\nkernel: 2", 2, "given twice"),
    ("input: [3, 3]\nkernel: [2, true]", 2, "pair of integers"),
]


@pytest.mark.parametrize(("body", "line", "message"), BROKEN)
def test_a_broken_picture_is_a_validate_error_with_file_and_line_and_explain_survives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str, line: int, message: str
) -> None:
    course = tmp_path / "course"
    shutil.copytree(ROOT / "katas" / "conv2d", course / "katas" / "conv2d")
    shutil.copy(
        ROOT / "reference" / "conv2d.py", (course / "reference").mkdir() or course / "reference"
    )
    path = course / "katas" / "conv2d" / "text" / "en.md"
    text = path.read_text("utf-8")
    block = next(picture_blocks(text))
    text = text[: block.span[0]] + f"```picture sliding-window\n{body}\n```" + text[block.span[1] :]
    path.write_text(text, "utf-8")
    fence = text[: block.span[0]].count("\n") + 1
    (course / "dlkata.yaml").write_text("builtin: false\n", encoding="utf-8")  # conv2d alone
    monkeypatch.setenv("DLKATA_COURSE", str(course))
    result = invoke("validate", "--quick")
    assert result.exit_code == 1
    problem = next(row for row in result.stdout.splitlines() if "en.md" in row)
    assert f"en.md: line {fence + line}: " in problem and message in problem, problem
    # zh's block now differs from English's: said so, once
    assert sum("zh.md: pictures:" in row for row in result.stdout.splitlines()) == 1
    for args in (("explain", "conv2d", "--color", "never"), ("explain", "conv2d")):
        shown = invoke(
            *args, env={"COLUMNS": "80", "TTY_COMPATIBLE": "1"} if "--color" in args else None
        )
        assert shown.exit_code == 0 and shown.exception is None
        assert body.splitlines()[0] in shown.stdout  # the block as it was written


def test_an_unknown_picture_names_the_fence_line() -> None:
    with pytest.raises(PictureError) as caught:
        read_picture("spiral", "input: 3", line=12)
    assert caught.value.line == 11 and "sliding-window, argmax, bilinear-weights" in str(
        caught.value
    )


def test_the_katas_pictures_are_valid_and_the_same_in_every_language() -> None:
    result = invoke("validate", "--quick")
    assert result.exit_code == 0, result.stdout
    for kata in ("conv2d", "max_pool2d", "bilinear_upsample"):
        blocks = {
            lang: list(picture_blocks((ROOT / "katas" / kata / "text" / f"{lang}.md").read_text()))
            for lang in ("en", "zh")
        }
        assert blocks["en"] and len(blocks["en"]) == len(blocks["zh"])
