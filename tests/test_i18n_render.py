"""Chinese lines up: a report, `list` and `status` with Chinese words, drawn at 80 columns, stay
within 80 terminal cells (a Chinese character takes two) and keep their columns aligned.

The renderers' own words (`输入`, `提示`, counts, column headings) are the few Chinese words below,
whatever the catalogue holds, so that the checks do not depend on a translator's wording; the
Chinese catalogue gives the rest. The kata's words (title, descriptions, messages, hints) are
Chinese data, as the judge would report them.
"""

from __future__ import annotations

import dataclasses
import gettext
import io
import re
from pathlib import Path

import pytest
from rich.cells import cell_len
from rich.console import Console

from dlkata import i18n
from dlkata.catalogue import DIFFICULTIES, TOPICS, load_catalogue
from dlkata.progress import CourseStatus, Progress
from dlkata.render import listing
from dlkata.render.listing import render_list_text
from dlkata.render.status import render_status_text
from dlkata.render.text import Verbosity, render_text
from dlkata.results import KataResult, Status
from dlkata.results import TestResult as Verdict  # not "Test...": pytest would collect it

WIDTH = 80
WORDS = {
    "passed": "通过",
    "failed": "未通过",
    "{verdict} · {passed}/{total} tests": "{verdict} · {passed}/{total} 项测试",
    "{n} passed": "{n} 项通过",
    "{n} failed": "{n} 项未通过",
    "{n} error": "{n} 项出错",
    "inputs": "输入",
    "shapes": "形状",
    "expected {expected}, got {got}": "应为 {expected}，实际为 {got}",
    "index": "索引",
    "numerical": "数值梯度",
    "yours (analytic)": "你的解析梯度",
    "expected": "期望值",
    "got": "实际值",
    "statistic": "统计量",
    "{statistic} = {value} (threshold {threshold})": "{statistic} = {value}（阈值 {threshold}）",
    "diagnosis": "诊断",
    "hint": "提示",
    "Your code printed:": "你的代码输出了：",
    "`dlkata check {kata} -v` lists each test and every failure.": (
        "`dlkata check {kata} -v` 会列出每项测试和每个失败。"
    ),
    "Next: fix the first failure above, then run `dlkata check {kata}` again. "
    "Stuck? `dlkata hint {kata}`.": (
        "下一步：修正上面的第一个失败，再运行 `dlkata check {kata}`。卡住了？`dlkata hint {kata}`。"
    ),
    "id": "编号",
    "title": "标题",
    "topic": "主题",
    "difficulty": "难度",
    "status": "状态",
    "not started": "未开始",
    "in progress": "进行中",
    "easy": "简单",
    "medium": "中等",
    "hard": "困难",
    "convolution": "卷积",
    "attention": "注意力",
    "normalisation": "归一化",
    "layers": "网络层",
    "Progress": "进度",
    "{passed}/{total} passed": "已通过 {passed}/{total}",
}


class Chinese(gettext.NullTranslations):
    """WORDS, and the real Chinese catalogue for every other message."""

    def __init__(self) -> None:
        super().__init__()
        self.real = gettext.translation(
            i18n.DOMAIN, i18n.LOCALE_DIR, languages=["zh"], fallback=True
        )

    def gettext(self, message: str) -> str:
        return WORDS.get(message) or self.real.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return WORDS.get(singular) or self.real.ngettext(singular, plural, n)


@pytest.fixture(autouse=True)
def _chinese(monkeypatch: pytest.MonkeyPatch) -> None:
    i18n.use("zh")
    monkeypatch.setattr(i18n, "_catalogue", Chinese())


def chinese_failure(name: str, function: str, **facts: object) -> Verdict:
    return Verdict(
        name,
        Status.FAILED,
        message=f"`{function}` 的输出与期望值不同：最大绝对误差 0.5。",
        description="反向传播：dx、dw、db 的形状与 x、w、b 相同",
        function=function,
        kind="gradient",
        hint="偏置会加到批量中的每一行，所以 db 要沿批量维度求和，而不是取平均。",
        facts=facts,
    )


def chinese_report() -> KataResult:
    """A failing kata as the judge reports it in Chinese: gradient samples, a statistic, groups
    of passed and failed tests, and what the code printed."""
    tests = [Verdict("signatures", Status.PASSED, description="定义了每一个函数")]
    tests += [
        Verdict(f"test_forward[{n}]", Status.PASSED, description=f"前向传播：非方阵权重 [{n}")
        for n in range(12)
    ]
    tests.append(
        chinese_failure(
            "test_backward[0]",
            "linear_backward",
            inputs={"x": "(2, 3) float64", "w": "(4, 3) float64"},
            expected_shape=[4, 3],
            got_shape=[3, 4],
            samples=[[[0, 1], 0.125, -0.5], [[3, 2], 12.5, 1.0e-7]],
            diagnosis="dw 像是转置了：应为 dout.T @ x。",
        )
    )
    tests += [chinese_failure(f"test_backward[{n}]", "linear_backward") for n in (1, 2)]
    tests.append(
        dataclasses.replace(
            chinese_failure("test_dropout", "dropout_forward"),
            kind="statistic",
            facts={"statistic": "保留比例", "value": 0.31234, "threshold": "0.45 ~ 0.55"},
        )
    )
    return KataResult(
        "linear",
        "全连接层：前向传播与反向传播",
        Status.FAILED,
        "workspace/linear.py",
        tests=tests,
        output="调试：形状 (2, 3)\n",
    )


def drawn(render: object, *, terminal: bool = True) -> list[str]:
    stream = io.StringIO()
    console = Console(file=stream, width=WIDTH, color_system=None, force_terminal=terminal)
    render(console)  # type: ignore[operator]
    return stream.getvalue().splitlines()


def column(line: str, text: str) -> int:
    """The terminal cell at which `text` starts in `line`."""
    return cell_len(line[: line.index(text)])


def last_column(line: str, text: str) -> int:
    """The terminal cell at which the last `text` starts in `line`."""
    return cell_len(line[: line.rindex(text)])


def end_column(line: str, text: str) -> int:
    """The terminal cell just after the last `text` in `line`."""
    return last_column(line, text) + cell_len(text)


def fact_column(line: str, label: str) -> int:
    """The terminal cell at which the fact after `label` starts."""
    rest = line.split(label, 1)[1]
    return end_column(line.split(label, 1)[0] + label, label) + len(rest) - len(rest.lstrip())


def assert_facts_aligned(lines: list[str]) -> None:
    """The facts of a failure (after `输入`, `形状`, `统计量`, `诊断`, `提示`) start in one
    column, and a fact too long for one line goes on in that column; the numbers of the samples
    end under their headings."""
    starts = {
        fact_column(line, label)
        for line in lines
        for label in ("输入", "形状", "统计量", "诊断", "提示")
        if re.match(rf"^[│ ]*{label} ", line)
    }
    assert len(starts) == 1, lines
    start = starts.pop()
    hint = next(n for n, line in enumerate(lines) if re.match(r"^[│ ]*提示 ", line))
    if "而不是取平均" not in lines[hint]:  # wrapped: the rest starts under the fact, not the label
        rest = lines[hint + 1]
        assert column(rest, rest.strip("│ ")[:3]) == start, lines
    heading = next(line for line in lines if "索引" in line)
    rows = [line for line in lines if re.match(r"^[│ ]*\(\d, \d\) ", line)]
    assert len(rows) == 2
    for row, (expected, got) in zip(rows, [("0.125", "-0.5"), ("12.5", "1e-07")]):
        assert end_column(row, expected) == end_column(heading, "数值梯度"), (row, heading)
        assert end_column(row, got) == end_column(heading, "你的解析梯度"), (row, heading)


def assert_summary_aligned(lines: list[str]) -> None:
    """The counts of the test summary end in one column, and the descriptions start in one."""
    counts = [re.match(r"^(.*?[✓✗!] +\d+ 项\S*)( +)", line) for line in lines]
    found = [m for m in counts if m]
    assert len(found) == 4, lines  # forward, signatures, backward, dropout
    assert len({cell_len(m.group(1)) for m in found}) == 1, lines
    assert len({cell_len(m.group(0)) for m in found}) == 1, lines


@pytest.mark.parametrize("panels", [True, False])
def test_a_chinese_report_lines_up_at_80_columns(panels: bool) -> None:
    lines = drawn(
        lambda console: render_text(
            [chinese_report()], console, panels=panels, verbosity=Verbosity.NORMAL
        ),
        terminal=panels,
    )
    text = "\n".join(lines)
    assert "全连接层" in text and "提示" in text and "13/17" in text
    if panels:  # within 80 cells, and every line of the panel reaches its right border
        assert max(cell_len(line) for line in lines) <= WIDTH, text
        assert all(cell_len(line) == WIDTH and line[-1] in "│╮╯" for line in lines), text
    assert_facts_aligned(lines)
    assert_summary_aligned(lines)


def test_a_chinese_title_too_wide_for_the_border_goes_inside_the_panel_whole() -> None:
    result = chinese_report()
    # 72 cells: with the id and the border's corners, wider than 80
    result.title = "多头注意力：把查询、键和值分别投影到多个子空间里并行计算，最后再拼接回来"
    lines = drawn(lambda console: render_text([result], console, panels=True))
    assert lines[0].startswith("╭─ linear ") and "多头" not in lines[0]
    assert all(cell_len(line) == WIDTH for line in lines), lines
    inside = "".join(line.strip("│ ") for line in lines[1:4])
    assert result.title in inside, lines


def test_the_caret_of_a_syntax_error_stands_under_the_character_after_chinese() -> None:
    source = 'print("你好，世界" +)'
    result = KataResult(
        "linear",
        "全连接层",
        Status.ERROR,
        "workspace/linear.py",
        error={
            "kind": "syntax",
            "message": "invalid syntax",
            "line": 1,
            "offset": 16,  # the `)`
            "text": source,
        },
    )
    lines = drawn(lambda console: render_text([result], console, panels=False), terminal=False)
    code = next(line for line in lines if source in line)
    caret = next(line for line in lines if line.strip() == "^")
    assert cell_len(caret.rstrip()) - 1 == column(code, ")")


def course(progress: list[Progress]) -> CourseStatus:
    """The packaged katas with Chinese titles, as a Chinese `text/zh.yaml` gives them."""
    katas = [
        dataclasses.replace(kata, title=f"第 {n} 题：{kata.id} 的前向传播与反向传播")
        for n, kata in enumerate(load_catalogue().values())
    ]
    rows = [(kata, progress[n % len(progress)]) for n, kata in enumerate(katas)]
    return CourseStatus(Path("workspace"), rows, frozenset({katas[0].id}), katas[-1])


@pytest.mark.parametrize("terminal", [True, False])
def test_a_chinese_list_keeps_its_columns_aligned(terminal: bool) -> None:
    status = course([Progress.PASSED, Progress.IN_PROGRESS, Progress.NOT_STARTED])
    lines = drawn(lambda console: render_list_text(status, console), terminal=terminal)
    text = "\n".join(lines)
    if terminal:
        assert max(cell_len(line) for line in lines) <= WIDTH, text
    header = next(line for line in lines if line.startswith("编号"))
    rows = {line.split(" ", 1)[0]: line for line in lines}
    for kata, progress in status.katas:
        row = rows[kata.id]  # its first line: each cell starts under its heading
        assert column(row, "第 ") == column(header, "标题"), (row, header)
        assert last_column(row, listing.topic_label(kata.topic)) == column(header, "主题")
        assert last_column(row, listing.difficulty_label(kata.difficulty)) == column(header, "难度")
        assert last_column(row, progress.label) == column(header, "状态"), (row, header)
        if not terminal:  # piped: the whole title on the row's one line
            assert kata.title in row


def test_a_chinese_status_keeps_its_bars_aligned() -> None:
    status = course([Progress.PASSED, Progress.NOT_STARTED])
    lines = drawn(lambda console: render_status_text(status, console))
    text = "\n".join(lines)
    assert max(cell_len(line) for line in lines) <= WIDTH, text
    assert "进度" in text and "卷积" in text
    bars = [re.match("^(.*?)[█▒░]", line) for line in lines][1:]  # the topics' rows
    starts = {cell_len(bar.group(1)) for bar in bars if bar}
    assert len([bar for bar in bars if bar]) > 3 and len(starts) == 1, text


def test_every_topic_and_difficulty_has_words_to_translate() -> None:
    assert set(listing.TOPICS) == set(TOPICS)
    assert set(listing.DIFFICULTIES) == set(DIFFICULTIES)
