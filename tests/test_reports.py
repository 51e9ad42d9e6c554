"""The renderers, fed by hand-made results: every format shows the same facts, and each is valid
for what reads it (JUnit for CI, workflow commands for GitHub, Markdown for a job summary)."""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from rich.console import Console

from dlkata.catalogue import Function, Kata
from dlkata.progress import CourseStatus, Progress, suggest_next
from dlkata.render.github import definition_line, escape_data, escape_property, render_github
from dlkata.render.json_report import render_json
from dlkata.render.junit import render_junit
from dlkata.render.markdown import render_markdown
from dlkata.render.status import render_status_json, render_status_text
from dlkata.render.text import render_text
from dlkata.results import KataResult, Status, summarise
from dlkata.results import TestResult as Verdict  # not "Test...": pytest would collect it

LEARNER = """\
import numpy as np


class Helper:
    def conv2d_forward(self, x):
        return x


def conv2d_forward(x, w, b, *, stride=1):
    return x


async def conv2d_backward(dout, cache):
    return dout
"""


def passed(name: str) -> Verdict:
    return Verdict(name, Status.PASSED, description=f"checks {name}")


def results(folder: Path) -> list[KataResult]:
    """A failed kata, one that could not be imported, one skipped and one required but not
    started."""
    learner = folder / "solutions" / "conv2d.py"
    learner.parent.mkdir(parents=True, exist_ok=True)
    learner.write_text(LEARNER)
    mismatch = Verdict(
        "test_forward[3-4]",
        Status.FAILED,
        message="`conv2d_forward`: output differs in 4 of 12 places: max abs error 0.5",
        description="Forward pass against the reference [3-4]",
        function="conv2d_forward",
        kind="mismatch",
        hint="Flip nothing: PyTorch's conv2d is a cross-correlation.",
        facts={
            "inputs": {"x": "array of shape (2, 3, 5, 5)"},
            "samples": [[[0, 1], 1.5, 1.0]],
            "diagnosis": "a | pipe, 100% and a\nnewline",
        },
    )
    raised = Verdict(
        "test_backward",
        Status.ERROR,
        message="`conv2d_backward` raised ZeroDivisionError: division by zero",
        function="conv2d_backward",
        kind="raised",
        facts={"traceback": [{"file": "conv2d.py", "line": 14, "function": "f", "text": "1/0"}]},
    )
    return [
        KataResult(
            "conv2d",
            "2-D convolution",
            Status.FAILED,
            str(learner),
            tests=[passed("signatures"), mismatch, raised],
            output="printed \x00 a control character\n",
            duration=0.25,
        ),
        KataResult(
            "linear",
            "Linear",
            Status.ERROR,
            str(folder / "solutions" / "linear.py"),
            error={
                "kind": "syntax",
                "message": "expected ':'",
                "line": 6,
                "offset": 3,
                "text": "def f()",
            },
        ),
        KataResult(
            "relu",
            "ReLU",
            Status.NOT_STARTED,
            str(folder / "solutions" / "relu.py"),
            tests=[Verdict("test_relu", Status.FAILED, kind="not_implemented")],
            skipped=True,
        ),
        KataResult("sigmoid", "Sigmoid", Status.NOT_STARTED, str(folder / "solutions" / "s.py")),
    ]


# --- JUnit -----------------------------------------------------------------------------------


def test_junit_is_valid_xml_with_one_suite_per_kata_and_consistent_counts(tmp_path: Path) -> None:
    root = ET.fromstring(render_junit(results(tmp_path)).encode())
    assert root.tag == "testsuites"
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert list(suites) == ["conv2d", "linear", "relu", "sigmoid"]
    counts = {
        name: tuple(int(s.get(k)) for k in ("tests", "failures", "errors", "skipped"))
        for name, s in suites.items()
    }
    assert counts == {
        "conv2d": (3, 1, 1, 0),
        "linear": (1, 0, 1, 0),
        "relu": (1, 0, 0, 1),
        "sigmoid": (1, 1, 0, 0),
    }
    totals = tuple(int(root.get(k)) for k in ("tests", "failures", "errors", "skipped"))
    assert totals == (6, 2, 2, 1)
    for suite in suites.values():
        assert len(suite.findall("testcase")) == int(suite.get("tests"))


def test_junit_failures_carry_the_message_and_the_facts(tmp_path: Path) -> None:
    root = ET.fromstring(render_junit(results(tmp_path)).encode())
    conv2d = root.find("testsuite[@name='conv2d']")
    failure = conv2d.find("testcase[@name='test_forward[3-4]']/failure")
    assert failure.get("message").startswith("`conv2d_forward`: output differs")
    assert failure.get("type") == "mismatch"
    assert "inputs    x: array of shape (2, 3, 5, 5)" in failure.text
    assert "cross-correlation" in failure.text
    error = conv2d.find("testcase[@name='test_backward']/error")
    assert "conv2d.py:14" in error.text
    assert conv2d.find("testcase[@name='signatures']/*") is None
    # XML cannot hold a NUL: it is replaced, and the learner's output is still there
    assert "a control character" in conv2d.find("system-out").text
    syntax = root.find("testsuite[@name='linear']/testcase/error")
    assert syntax.get("message") == "Syntax error: expected ':'" and "line 6" in syntax.text
    assert root.find("testsuite[@name='relu']/testcase/skipped").get("message") == "not started"


# --- GitHub annotations ----------------------------------------------------------------------


def test_escaping_follows_github() -> None:
    assert escape_data("100% done\r\nnext: a,b") == "100%25 done%0D%0Anext: a,b"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


def test_definition_line_prefers_the_top_level_def(tmp_path: Path) -> None:
    learner = tmp_path / "conv2d.py"
    learner.write_text(LEARNER)
    assert definition_line(learner, "conv2d_forward") == 9
    assert definition_line(learner, "conv2d_backward") == 13
    assert definition_line(learner, "missing") == 1
    assert definition_line(tmp_path / "gone.py", "conv2d_forward") == 1


def test_one_annotation_per_failing_test_on_the_learners_def_line(tmp_path: Path) -> None:
    lines = render_github(results(tmp_path), tmp_path).splitlines()
    assert all(line.startswith("::error ") for line in lines)
    # the first failure of every kata first, then the rest (GitHub shows only 10 per step)
    assert [line.split("title=")[1].split("%3A")[0] for line in lines] == [
        "conv2d",
        "linear",
        "sigmoid",
        "conv2d",
    ]
    forward, syntax, required, backward = lines
    assert forward.startswith("::error file=solutions/conv2d.py,line=9,title=conv2d%3A Forward")
    assert "::`conv2d_forward`: output differs" in forward
    assert "%0Ahint      Flip nothing%3A" not in forward  # ':' is escaped in properties only
    assert "100%25 and a%0Anewline" in forward and "\n" not in forward
    assert backward.startswith("::error file=solutions/conv2d.py,line=13,")
    assert syntax.startswith("::error file=solutions/linear.py,line=6,title=linear%3A could not")
    assert required == (
        "::error title=sigmoid%3A not started::sigmoid is required but not started: "
        "`dlkata new sigmoid`, then implement it."
    )


def test_paths_outside_the_root_stay_as_they_are(tmp_path: Path) -> None:
    (first, *_) = render_github(results(tmp_path), tmp_path / "elsewhere").splitlines()
    assert f"file={escape_property(str(tmp_path / 'solutions' / 'conv2d.py'))}," in first


# --- Markdown --------------------------------------------------------------------------------


def test_markdown_summary_has_a_table_and_the_first_failures(tmp_path: Path) -> None:
    summary = render_markdown(results(tmp_path))
    lines = summary.splitlines()
    assert lines[0] == "## dlkata: 0 of 3 graded katas passed"
    table = [line for line in lines if line.startswith("| ")]
    assert len(table) == 5  # header, separator, the three graded katas; relu was skipped
    conv2d_row = next(line for line in table if "`conv2d`" in line)
    assert "| failed | 1/3 |" in conv2d_row
    assert "Forward pass against the reference [3-4] (`conv2d_forward`)" in conv2d_row
    assert "Syntax error: expected ':'" in next(r for r in table if "`linear`" in r)
    assert "required, but not started" in next(r for r in table if "`sigmoid`" in r)
    assert "Not started, so skipped: `relu`." in lines
    assert summary.count("<details>") == 2 and summary.count("```text") == 2
    assert "max abs error 0.5" in summary and "cross-correlation" in summary


def test_markdown_escapes_table_cells() -> None:
    test = Verdict("t", Status.FAILED, description="a | b\nc", function="f")
    row = render_markdown([KataResult("k", "K", Status.FAILED, "k.py", tests=[test])])
    assert "a \\| b c (`f`)" in row


def test_markdown_when_nothing_is_started() -> None:
    not_started = KataResult("relu", "ReLU", Status.NOT_STARTED, "relu.py", skipped=True)
    summary = render_markdown([not_started])
    assert "0 of 0 graded katas passed" in summary and "`dlkata next`" in summary


# --- text and JSON ---------------------------------------------------------------------------


def text(results_: list[KataResult], *, panels: bool, width: int = 80) -> str:
    stream = io.StringIO()
    render_text(results_, Console(file=stream, width=width, no_color=True), panels=panels)
    return stream.getvalue()


def test_text_shows_the_same_facts_in_panels_and_in_plain_lines(tmp_path: Path) -> None:
    graded = results(tmp_path)
    for panels in (True, False):
        report = text(graded, panels=panels)
        assert ("╭" in report) is panels
        for fact in (
            "Forward pass against the reference [3-4]",
            "max abs error 0.5",
            "array of shape (2, 3, 5, 5)",
            "cross-correlation",
            "Syntax error",
            "Not started, so skipped: relu.",
            "There is no file yet",
            "dlkata new sigmoid",
            "a control character",
        ):
            assert fact in " ".join(report.split()), (panels, fact)


def test_plain_text_never_wraps_a_line(tmp_path: Path) -> None:
    long = Verdict("t", Status.FAILED, message="x" * 300, function="f")
    report = text([KataResult("k", "K", Status.FAILED, "k.py", tests=[long])], panels=False)
    assert "x" * 300 in report


def test_json_round_trips_and_follows_its_schema(tmp_path: Path) -> None:
    from dlkata.report_schema import Report

    graded = results(tmp_path)
    document = json.loads(render_json(graded, summarise(graded, graded=3)))
    assert [KataResult.from_dict(k) for k in document["katas"]] == graded
    Report.model_validate(document)
    assert document["summary"]["verdict"] == "failed"


# --- status ----------------------------------------------------------------------------------


def kata(kata_id: str, topic: str, *prerequisites: str) -> Kata:
    return Kata(
        kata_id, kata_id.title(), topic, "easy", "", prerequisites, (Function("f"),), (), Path(".")
    )


def test_next_kata_follows_prerequisites_and_prefers_required_ones() -> None:
    a, b, c, d = kata("a", "t"), kata("b", "t", "a"), kata("c", "u"), kata("d", "u", "b")
    rows = [
        (a, Progress.PASSED),
        (b, Progress.NOT_STARTED),
        (c, Progress.NOT_STARTED),
        (d, Progress.NOT_STARTED),
    ]
    assert suggest_next(rows, frozenset()).id == "b"
    assert suggest_next(rows, frozenset({"c"})).id == "c"
    # d is required but not ready (b is not passed): the ready one comes first
    assert suggest_next(rows, frozenset({"d"})).id == "b"
    blocked = [(a, Progress.IN_PROGRESS), (b, Progress.NOT_STARTED)]
    assert suggest_next(blocked, frozenset()).id == "b"
    assert suggest_next([(a, Progress.PASSED)], frozenset()) is None


def test_status_renders_bars_per_topic_and_json() -> None:
    a, b, c = kata("a", "layers"), kata("b", "layers", "a"), kata("c", "losses")
    status = CourseStatus(
        Path("/ws"),
        [(a, Progress.PASSED), (b, Progress.IN_PROGRESS), (c, Progress.NOT_STARTED)],
        frozenset({"c"}),
        c,
    )
    stream = io.StringIO()
    render_status_text(status, Console(file=stream, width=100, no_color=True))
    shown = stream.getvalue()
    assert "Progress" in shown and "1/3 passed" in shown and "1/2 passed" in shown
    assert "Passed (1): a" in shown and "In progress (1): b" in shown
    assert "Not started (1): c*" in shown and "required by your dlkata.yaml" in shown
    assert "dlkata check b" in shown and "Next kata: c" in shown
    document = json.loads(render_status_json(status))
    assert document["overall"] == {"total": 3, "passed": 1, "in_progress": 1, "not_started": 1}
    assert document["topics"][0] == {
        "topic": "layers",
        "total": 2,
        "passed": 1,
        "in_progress": 1,
        "not_started": 0,
    }
    assert document["next"] == "c" and document["katas"][2]["required"] is True


@pytest.mark.parametrize("status", list(Status))
def test_every_status_renders_everywhere(status: Status, tmp_path: Path) -> None:
    result = KataResult("k", "K", status, str(tmp_path / "k.py"), tests=[passed("t")])
    for panels in (True, False):
        assert "k" in text([result], panels=panels)
    ET.fromstring(render_junit([result]))
    render_github([result], tmp_path)
    render_markdown([result])
