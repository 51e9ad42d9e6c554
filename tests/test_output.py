"""Output that never loses text: `explain` and `list` at any width, piped or on a terminal; the
check report's order and summary; progress while a check runs; colour, completion and help."""

from __future__ import annotations

import io
import re
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from rich.console import Console

from dlkata.catalogue import get_kata, load_catalogue
from dlkata.render.explain import render_explanation
from tests.cli_support import BIN, invoke, isolate, on_a_terminal, subprocess_env, without_styles


@pytest.fixture(autouse=True)
def _clean(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    isolate(monkeypatch, tmp_path)


def words(text: str) -> Counter[str]:
    """The words of Markdown or of its rendering: markup and a fence's language left out."""
    return Counter(re.findall(r"\w+", re.sub(r"```\w*|`", "", text).replace("*", " ")))


def source(kata_id: str, *, solution: bool = False) -> str:
    kata = get_kata(kata_id)
    text = f"# {kata.title}\n\n" + kata.explanation_path.read_text("utf-8")
    return text + (kata.reference_path.read_text("utf-8") if solution else "")


# --- explain ---------------------------------------------------------------------------------


def test_explain_piped_prints_the_markdown_source_unchanged() -> None:
    for kata_id in ("conv2d", "lr_schedules"):
        result = invoke("explain", kata_id)
        assert result.exit_code == 0
        assert result.stdout == source(kata_id).rstrip("\n") + "\n"


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
    for line in source("conv2d", solution=True).splitlines():
        assert line in written


@pytest.mark.parametrize("width", [60, 100])
def test_explain_on_a_terminal_keeps_every_word(width: int) -> None:
    for kata_id in load_catalogue():
        stream = io.StringIO()
        console = Console(file=stream, force_terminal=True, width=width, color_system=None)
        render_explanation(get_kata(kata_id), console, solution=True)
        lost = words(source(kata_id, solution=True)) - words(stream.getvalue())
        assert not lost, (kata_id, width, lost)
        assert max(len(line) for line in stream.getvalue().splitlines()) <= width


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
