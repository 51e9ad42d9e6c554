"""Output that never loses text: `explain` and `list` at any width, piped or on a terminal; the
check report's order and summary; progress while a check runs; colour, completion and help."""

from __future__ import annotations

import io
import os
import re
import subprocess
import time
from collections import Counter
from pathlib import Path
from types import SimpleNamespace

import pytest
from rich.cells import cell_len
from rich.console import Console

from dlkata.catalogue import TOPICS, get_kata, load_catalogue
from dlkata.render.explain import render_explanation
from dlkata.render.live import CheckProgress, wants_progress
from dlkata.render.text import Verbosity, render_text
from dlkata.results import KataResult, Status
from dlkata.results import TestResult as Verdict  # not "Test...": pytest would collect it
from tests.cli_support import (
    BIN,
    CORRECT_LINEAR,
    WRONG_LINEAR,
    invoke,
    isolate,
    on_a_terminal,
    screen,
    subprocess_env,
    without_styles,
)


@pytest.fixture(autouse=True)
def _clean(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    isolate(monkeypatch, tmp_path)


_PICTURE = re.compile(r"```picture [\w-]+\n(.*?)```", re.DOTALL)


def words(text: str) -> Counter[str]:
    """The words of Markdown or of its rendering: markup and a fence's language left out, and
    in a picture block its keys and `true`/`false` (the drawing must keep its caption and every
    number)."""
    text = _PICTURE.sub(lambda m: re.sub(r"^\w+:|\b(true|false)\b", " ", m[1], flags=re.M), text)
    return Counter(re.findall(r"\w+", re.sub(r"```\w*|`", "", text).replace("*", " ")))


def outside_pictures(text: str) -> list[str]:
    """The parts of Markdown around its picture blocks."""
    return _PICTURE.split(text)[::2]


def source(kata_id: str, *, solution: bool = False) -> str:
    kata = get_kata(kata_id)
    text = f"# {kata.title}\n\n" + kata.explanation_path.read_text("utf-8")
    return text + (kata.reference_path.read_text("utf-8") if solution else "")


# --- explain ---------------------------------------------------------------------------------


def test_explain_piped_prints_the_markdown_source_unchanged_but_its_pictures() -> None:
    result = invoke("explain", "lr_schedules")
    assert result.exit_code == 0
    assert result.stdout == source("lr_schedules").rstrip("\n") + "\n"
    for kata_id in ("conv2d", "max_pool2d", "bilinear_upsample"):
        shown = invoke("explain", kata_id).stdout
        parts = outside_pictures(source(kata_id).rstrip("\n"))
        assert len(parts) > 1 and "```picture" not in shown
        assert shown.startswith(parts[0]) and shown.endswith(parts[-1] + "\n")
        position = 0
        for part in parts:  # in order, each unchanged; a drawing between two
            position = shown.index(part, position) + len(part)
        assert not words(source(kata_id)) - words(shown)


def test_explain_redirected_with_the_solution_keeps_every_line(tmp_path: Path) -> None:
    target = tmp_path / "conv2d.md"
    with target.open("w") as handle:
        subprocess.run(
            [str(BIN / "dlkata"), "explain", "conv2d", "--solution"],
            stdout=handle,
            env=subprocess_env(COLUMNS="40"),
            check=True,
        )
    written = target.read_text("utf-8")
    assert "Spoiler warning" in written and "\x1b[" not in written
    for line in "".join(outside_pictures(source("conv2d", solution=True))).splitlines():
        assert line in written
    assert "The four windows of stride 2 and padding 1" in written and "out[1,1]" in written


@pytest.mark.parametrize("width", [60, 100])
def test_explain_on_a_terminal_keeps_every_word(width: int) -> None:
    for kata_id in load_catalogue():
        stream = io.StringIO()
        console = Console(file=stream, force_terminal=True, width=width, color_system=None)
        render_explanation(get_kata(kata_id), console, solution=True)
        lost = words(source(kata_id, solution=True)) - words(stream.getvalue())
        assert not lost, (kata_id, width, lost)
        # columns on the screen: a combining accent (x̂) is a character that takes none
        assert max(cell_len(line) for line in stream.getvalue().splitlines()) <= width


def test_explain_on_a_narrow_terminal_folds_long_words_but_keeps_them() -> None:
    for kata_id in load_catalogue():
        stream = io.StringIO()
        console = Console(file=stream, force_terminal=True, width=40, color_system=None)
        render_explanation(get_kata(kata_id), console, solution=True)
        squashed = "".join(stream.getvalue().split())  # a folded word is whole again
        lost = [w for w in words(source(kata_id, solution=True)) if w not in squashed]
        assert not lost, (kata_id, lost)


def test_explain_on_a_real_terminal_wraps_a_wide_table_into_records() -> None:
    shown = without_styles(on_a_terminal("explain", "lr_schedules", columns=60))
    assert not words(source("lr_schedules")) - words(shown)
    assert "step: exponential_decay(decay_rate=0.5, decay_steps=3)" in " ".join(shown.split())
    assert max(len(line) for line in shown.splitlines()) <= 60


# --- list ------------------------------------------------------------------------------------

IDS = list(load_catalogue())


def test_list_piped_keeps_every_row_on_one_line_at_any_columns() -> None:
    for columns in ("40", "80"):
        result = invoke("list", env={"COLUMNS": columns})
        assert result.exit_code == 0
        lines = result.stdout.splitlines()
        for kata in load_catalogue().values():
            row = next(line for line in lines if line.startswith(f"{kata.id} "))
            for cell in (kata.title, kata.topic, kata.difficulty, "not started"):
                assert f" {cell}" in row, (columns, row, cell)
        assert "Left out" not in result.stdout and "…" not in result.stdout


def test_list_groups_the_katas_by_topic_in_the_order_of_the_path() -> None:
    lines = invoke("list").stdout.splitlines()
    katas = load_catalogue()
    shown = [line.split()[0] for line in lines if line.split() and line.split()[0] in katas]
    assert sorted(shown) == sorted(katas)
    topics = [katas[kata_id].topic for kata_id in shown]
    groups = [topic for i, topic in enumerate(topics) if i == 0 or topic != topics[i - 1]]
    assert len(groups) == len(set(groups)), f"a topic's katas are apart: {groups}"
    assert groups == [t for t in TOPICS if t in groups], "topics out of the path's order"
    for topic in groups:  # within a topic, the learning order
        in_topic = [k for k in shown if katas[k].topic == topic]
        assert in_topic == [k for k in katas if katas[k].topic == topic]


@pytest.mark.parametrize("width", range(38, 170, 11))
def test_list_on_a_terminal_never_cuts_an_id(width: int, tmp_path: Path) -> None:
    from dlkata.progress import course_status
    from dlkata.render.listing import render_list_text
    from dlkata.workspace import resolve_workspace

    stream = io.StringIO()
    console = Console(file=stream, force_terminal=True, width=width, color_system=None)
    render_list_text(course_status(resolve_workspace(tmp_path))[0], console)
    lines = stream.getvalue().splitlines()
    assert max(len(line) for line in lines) <= width and "…" not in stream.getvalue()
    for kata_id in IDS:
        assert any(re.match(rf"{kata_id}\s+\S", line) for line in lines), (width, kata_id)


@pytest.mark.parametrize(
    ("columns", "left_out"),
    [(40, "title, topic, difficulty"), (60, "topic, difficulty"), (80, "difficulty"), (140, "")],
)
def test_list_on_a_real_terminal_leaves_out_columns_before_cutting_ids(
    columns: int, left_out: str, tmp_path: Path
) -> None:
    shown = without_styles(on_a_terminal("list", columns=columns, cwd=tmp_path))
    lines = shown.splitlines()
    for kata_id in IDS:
        assert any(line.startswith(f"{kata_id} ") for line in lines), (columns, kata_id)
    assert "started" in shown
    if left_out:
        assert f"Left out to fit the terminal: {left_out}." in " ".join(shown.split())
    else:
        assert "Left out" not in shown and "Linear (fully connected) layer" in shown


# --- the check report: verdict and failures first, passing tests summarised ------------------


def case(name: str, status: Status, **facts: object) -> Verdict:
    """A test of a parametrised test function, described the way the judge describes it."""
    base, _, rest = name.partition("[")
    description = f"{base.replace('_', ' ')} check" + (f" [{rest}" if rest else "")
    if status is Status.PASSED:
        return Verdict(name, status, description=description)
    return Verdict(
        name,
        status,
        message=f"`{facts['function']}`: output differs ({name})",
        description=description,
        function=str(facts["function"]),
        kind="mismatch",
        hint="Sum, do not average.",
    )


def graded(tmp_path: Path) -> KataResult:
    """12 forward cases passed, 3 backward cases failed, 2 input-gradient cases failed, and a
    rule that raised: as the judge reports them, in the order the tests ran."""
    tests = [Verdict("signatures", Status.PASSED, description="defines every function")]
    tests += [case(f"test_forward[{n}]", Status.PASSED) for n in range(12)]
    tests += [case(f"test_backward[{n}]", Status.FAILED, function="backward") for n in range(3)]
    tests += [case(f"test_dx[{n}]", Status.FAILED, function="backward") for n in range(2)]
    tests.append(case("test_rule", Status.ERROR, function="forward"))
    return KataResult("k", "Kata", Status.FAILED, str(tmp_path / "k.py"), tests=tests)


def report(results: list[KataResult], *, panels: bool, verbosity: Verbosity) -> list[str]:
    stream = io.StringIO()
    console = Console(file=stream, width=100, color_system=None, force_terminal=panels)
    render_text(results, console, panels=panels, verbosity=verbosity)
    return stream.getvalue().splitlines()


@pytest.mark.parametrize("panels", [True, False])
def test_the_verdict_and_the_failures_come_before_the_passed_tests(
    panels: bool, tmp_path: Path
) -> None:
    lines = report([graded(tmp_path)], panels=panels, verbosity=Verbosity.NORMAL)
    at = {
        text: next(i for i, line in enumerate(lines) if text in line)
        for text in ("✗ failed · 13/19 tests", "output differs (test_backward[0])", "✓", "Next:")
    }
    assert list(at.values()) == sorted(at.values()), at
    assert at["✗ failed · 13/19 tests"] <= 1  # the first line inside the panel, or the first line


@pytest.mark.parametrize("panels", [True, False])
def test_passed_tests_are_one_line_per_group_and_failures_detailed_once_per_function(
    panels: bool, tmp_path: Path
) -> None:
    lines = report([graded(tmp_path)], panels=panels, verbosity=Verbosity.NORMAL)
    text = "\n".join(lines)
    # one line for the 12 forward cases, without a case's id
    assert [line for line in lines if "test forward check" in line] == [
        next(line for line in lines if "12 passed" in line)
    ]
    assert "[3]" not in text and "1 passed" in text and "defines every function" in text
    # the failing groups, counted, naming the function
    assert re.search(r"✗ +3 failed +test backward check +\(backward\)", text)
    assert re.search(r"✗ +2 failed +test dx check", text) and re.search(r"! +1 error", text)
    # the facts of the first failure of each function: backward's first case and the rule
    assert "output differs (test_backward[0])" in text and "output differs (test_rule)" in text
    assert "output differs (test_backward[1])" not in text and "test_dx[0])" not in text
    assert "`dlkata check k -v` lists each test and every failure." in text


@pytest.mark.parametrize("panels", [True, False])
def test_verbose_lists_each_test_and_details_every_failure(panels: bool, tmp_path: Path) -> None:
    text = "\n".join(report([graded(tmp_path)], panels=panels, verbosity=Verbosity.VERBOSE))
    for n in range(12):
        assert f"test forward check [{n}]" in text
    for name in ("test_backward[0]", "test_backward[2]", "test_dx[1]", "test_rule"):
        assert f"output differs ({name})" in text
    assert "12 passed" not in text and "-v` lists" not in text


@pytest.mark.parametrize("panels", [True, False])
def test_quiet_prints_only_the_verdict_line_of_each_kata(panels: bool, tmp_path: Path) -> None:
    passed = KataResult("p", "Passed kata", Status.PASSED, "p.py", tests=[case("t", Status.PASSED)])
    skipped = KataResult("s", "Skipped", Status.NOT_STARTED, "s.py", skipped=True)
    lines = report([graded(tmp_path), passed, skipped], panels=panels, verbosity=Verbosity.QUIET)
    assert lines == [
        "k · Kata: ✗ failed · 13/19 tests",
        "p · Passed kata: ✓ passed · 1/1 tests",
        "Not started, so skipped: s.",
    ]


def test_a_long_kata_title_stays_inside_the_panel(tmp_path: Path) -> None:
    result = graded(tmp_path)
    result.title = "A title long enough not to fit on the border of a narrow panel, " * 2
    stream = io.StringIO()
    console = Console(file=stream, width=60, color_system=None, force_terminal=True)
    render_text([result], console, panels=True)
    assert result.title.strip() in " ".join(re.sub(r"[│╭╮╰╯─]", " ", stream.getvalue()).split())


def test_check_quiet_and_verbose_on_the_command_line(tmp_path: Path) -> None:
    (tmp_path / "workspace").mkdir()
    (tmp_path / "workspace" / "linear.py").write_text(WRONG_LINEAR)
    quiet = invoke("check", "linear", "-q")
    assert quiet.exit_code == 1
    assert quiet.stdout.splitlines() == [quiet.stdout.splitlines()[0]]
    assert "linear · " in quiet.stdout and "✗ failed" in quiet.stdout
    verbose = invoke("check", "linear", "--verbose")
    normal = invoke("check", "linear")
    assert verbose.exit_code == normal.exit_code == 1
    assert len(verbose.stdout.splitlines()) > len(normal.stdout.splitlines())
    both = invoke("check", "linear", "-q", "-v")
    assert both.exit_code == 2 and "give one of them" in both.stderr


def test_on_a_terminal_the_whole_report_of_a_failure_fits_one_screen(tmp_path: Path) -> None:
    (tmp_path / "workspace").mkdir()
    (tmp_path / "workspace" / "linear.py").write_text(WRONG_LINEAR)
    lines = without_styles(on_a_terminal("check", "linear", cwd=tmp_path)).splitlines()
    first = next(i for i, line in enumerate(lines) if "gradient db differs" in line)
    assert first < 8 and len(lines) - first <= 40  # on a 40-line terminal, without scrolling


# --- progress while a check runs -------------------------------------------------------------


def live_console() -> tuple[Console, io.StringIO]:
    stream = io.StringIO()
    return Console(file=stream, force_terminal=True, width=80, color_system=None), stream


def test_progress_stays_silent_for_a_quick_check() -> None:
    console, stream = live_console()
    with CheckProgress(console, ["linear"], delay=0.5) as progress:
        progress("linear", 3, 22)
        progress("linear", 22, 22)
    time.sleep(0.6)  # the timer was cancelled: nothing appears later either
    assert stream.getvalue() == ""


def test_progress_appears_after_the_delay_and_leaves_nothing_behind() -> None:
    console, stream = live_console()
    with CheckProgress(console, ["linear"], delay=0.05) as progress:
        progress("linear", 3, 22)
        time.sleep(0.4)
        progress("linear", 16, 22)
        time.sleep(0.4)
    drawn = stream.getvalue()
    assert "Grading linear: 3/22 tests" in drawn and "Grading linear: 16/22 tests" in drawn
    assert not any(screen(drawn))  # erased: the report is drawn where the line was


def test_progress_disabled_draws_nothing() -> None:
    console, stream = live_console()
    with CheckProgress(console, ["linear"], enabled=False, delay=0.01) as progress:
        time.sleep(0.1)
        progress("linear", 3, 22)
    assert stream.getvalue() == ""


def test_progress_names_the_katas_under_way() -> None:
    console, _ = live_console()
    one = CheckProgress(console, ["conv2d"])
    assert one.describe() == "Grading conv2d…"
    one("conv2d", 12, 52)
    assert one.describe() == "Grading conv2d: 12/52 tests"
    several = CheckProgress(console, ["linear", "conv2d", "relu"])
    assert several.describe() == "Grading 3 katas…"
    several("linear", 22, 22)
    several("conv2d", 12, 52)
    several("relu", 3, 8)
    assert several.describe() == "Grading: 1 of 3 katas done · conv2d 12/52 tests · relu 3/8 tests"
    every = CheckProgress(console)  # check --all: the katas are known as they start
    every("relu", 8, 8)
    assert every.describe() == "Grading: 1 kata done"
    every("conv2d", 1, 52)
    assert every.describe() == "Grading: 1 kata done · conv2d 1/52 tests"


def test_progress_only_on_a_real_terminal_outside_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    leader, follower = os.openpty()
    with os.fdopen(follower, "w") as terminal:
        monkeypatch.setenv("TERM", "xterm-256color")
        assert wants_progress(Console(file=terminal))
        assert not wants_progress(Console(file=terminal, force_terminal=False))
        monkeypatch.setenv("TERM", "dumb")
        assert not wants_progress(Console(file=terminal))
        monkeypatch.setenv("TERM", "xterm-256color")
        monkeypatch.setenv("CI", "true")
        assert not wants_progress(Console(file=terminal))
    os.close(leader)
    assert not wants_progress(Console(file=io.StringIO(), force_terminal=True))  # a pipe


SLOW_LINEAR = "import time\ntime.sleep(1.5)\n" + CORRECT_LINEAR


def test_a_slow_check_on_a_terminal_shows_progress_then_only_the_report(tmp_path: Path) -> None:
    (tmp_path / "workspace").mkdir()
    (tmp_path / "workspace" / "linear.py").write_text(SLOW_LINEAR)
    drawn = on_a_terminal("check", "linear", cwd=tmp_path)
    assert "Grading linear" in drawn
    shown = screen(drawn)
    assert not any("Grading" in line for line in shown)
    assert "✓ passed" in shown[1] and shown[0].startswith("╭─ linear")  # the report, at the top


@pytest.mark.parametrize("args", [(), ("--format", "json")])
def test_a_slow_check_shows_no_progress_when_piped_or_as_data(
    args: tuple[str, ...], tmp_path: Path
) -> None:
    (tmp_path / "workspace").mkdir()
    (tmp_path / "workspace" / "linear.py").write_text(SLOW_LINEAR)
    if args:  # data on a terminal: no live line either
        drawn = on_a_terminal("check", "linear", *args, cwd=tmp_path)
    else:
        drawn = subprocess.run(
            [str(BIN / "dlkata"), "check", "linear"],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            env=subprocess_env(FORCE_COLOR="1"),  # styles asked for, but still a pipe
        ).stdout
    assert "Grading" not in drawn and "\x1b[?25l" not in drawn and "passed" in drawn


def test_watch_and_check_all_show_progress_too(tmp_path: Path) -> None:
    (tmp_path / "workspace").mkdir()
    (tmp_path / "workspace" / "linear.py").write_text(SLOW_LINEAR)
    every = on_a_terminal("check", "--all", cwd=tmp_path)
    assert "Grading your katas…" in every
    assert not any("Grading" in line for line in screen(every))
    watched = on_a_terminal("watch", "linear", cwd=tmp_path, interrupt_after="Watching")
    assert "Grading linear" in watched
    shown = screen(watched)
    assert not any("Grading" in line for line in shown)
    assert re.search(r"✓ passed · (\d+)/\1 tests", shown[1])  # the report, at the top


# --- colour, completion, help ----------------------------------------------------------------

ESCAPE = "\x1b["


def test_color_always_and_never_override_the_environment() -> None:
    assert ESCAPE not in invoke("list").stdout  # CliRunner is no terminal
    assert ESCAPE in invoke("list", "--color", "always").stdout
    assert ESCAPE in invoke("--color", "always", "list", env={"NO_COLOR": "1"}).stdout
    assert ESCAPE not in invoke("list", "--color", "never", env={"FORCE_COLOR": "1"}).stdout
    assert ESCAPE in invoke("list", env={"FORCE_COLOR": "1"}).stdout
    # each command line starts from auto again
    assert ESCAPE not in invoke("list").stdout
    bad = invoke("list", "--color", "sometimes")
    assert bad.exit_code == 2 and "sometimes" in bad.stderr


def test_color_never_on_a_terminal_means_no_styles_at_all(tmp_path: Path) -> None:
    stub = str(get_kata("linear").stub_path)
    styled = on_a_terminal("check", "linear", "--file", stub)
    assert ESCAPE in styled and "╭" in styled
    for args in (
        ("check", "linear", "--file", stub, "--color", "never"),
        ("--color", "never", "check", "linear", "--file", stub),
        ("list", "--color", "never"),
        ("explain", "relu", "--color", "never"),
        ("check", "--color", "never", "--help"),
    ):
        shown = on_a_terminal(*args, cwd=tmp_path)
        assert not re.search(r"\x1b\[[0-9;]*m", shown), args  # no style (a live line may move)
        assert "Error" not in shown, args


def test_every_command_that_prints_takes_color() -> None:
    from dlkata.cli import app

    for command in ["", *(c.name or c.callback.__name__ for c in app.registered_commands)]:
        assert "--color" in invoke(*([command] if command else []), "--help").stdout, command


# the katas starting with "l", once linear is given (a kata is not offered twice)
OTHER_L_KATAS = [i for i in IDS if i.startswith("l") and i != "linear"]


def test_kata_ids_complete_with_their_titles() -> None:
    from dlkata.cli import complete_kata

    nothing_given = SimpleNamespace(params={})
    assert complete_kata(nothing_given, "conv") == [("conv2d", get_kata("conv2d").title)]  # type: ignore[arg-type]
    assert [i for i, _ in complete_kata(nothing_given, "")] == IDS  # type: ignore[arg-type]
    linear_given = SimpleNamespace(params={"katas": ["linear"]})
    assert [i for i, _ in complete_kata(linear_given, "l")] == OTHER_L_KATAS  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("dlkata check con", ["concat", "conv2d"]),
        ("dlkata check linear l", OTHER_L_KATAS),
        ("dlkata explain sc", ["scaled_dot_product_attention"]),
        ("dlkata watch dr", ["dropout"]),
        ("dlkata init --require xa", ["xavier_init"]),
        ("dlkata new he", ["he_init"]),
    ],
)
def test_the_shell_completes_kata_ids(line: str, expected: list[str]) -> None:
    words = line.split()
    done = subprocess.run(
        [str(BIN / "dlkata")],
        capture_output=True,
        text=True,
        env=subprocess_env(
            _DLKATA_COMPLETE="complete_bash", COMP_WORDS=line, COMP_CWORD=str(len(words) - 1)
        ),
    )
    assert done.returncode == 0 and done.stdout.split() == expected, done.stderr


def test_install_completion_works_in_bash(tmp_path: Path) -> None:
    env = subprocess_env(HOME=str(tmp_path), SHELL="/bin/bash")
    installed = subprocess.run(
        [str(BIN / "dlkata"), "--install-completion", "bash"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert installed.returncode == 0, installed.stderr
    script = tmp_path / ".bash_completions" / "dlkata.sh"
    assert str(script) in (tmp_path / ".bashrc").read_text()
    completed = subprocess.run(
        [
            "bash",
            "-c",
            f"source {script}; COMP_WORDS=(dlkata check ba); COMP_CWORD=2; "
            'COMP_LINE="dlkata check ba"; _dlkata_completion dlkata; echo "${COMPREPLY[@]}"',
        ],
        capture_output=True,
        text=True,
        env=env,
    )
    assert completed.stdout.split() == ["batch_norm"], completed.stderr


def help_text(command: str, columns: int) -> str:
    result = invoke(*([command] if command else []), "--help", env={"COLUMNS": str(columns)})
    assert result.exit_code == 0
    return result.stdout


@pytest.mark.parametrize("columns", [60, 100, 160])
def test_help_fits_the_terminal_and_cuts_no_word(columns: int) -> None:
    from dlkata.cli import app

    for command in ["", *(c.name or c.callback.__name__ for c in app.registered_commands)]:
        shown = help_text(command, columns)
        assert "…" not in shown, (command, columns)
        assert max(len(line) for line in shown.splitlines()) <= columns, (command, columns)


def test_help_paragraphs_reflow_to_the_width() -> None:
    wide = help_text("check", 160)
    # one paragraph of the docstring, whatever its line breaks in the source
    assert (
        "unless dlkata.yaml requires it or --require-all is given. Exit code 0 when every" in wide
    )
    narrow = " ".join(help_text("check", 60).split())
    assert "5 when nothing was graded (no kata file in the workspace)." in narrow
    for example in ("dlkata check conv2d", "dlkata check linear --file my_linear.py"):
        assert f"• {example}" in narrow
