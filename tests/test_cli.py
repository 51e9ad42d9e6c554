"""The command line, through Typer's runner (exit codes, messages, files written) and, for the
entry point, piping and colour, through real processes."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from dlkata import __version__
from dlkata.catalogue import get_kata
from dlkata.cli import app
from tests.cli_support import (
    BIN,
    CORRECT_LINEAR,
    WRONG_LINEAR,
    invoke,
    isolate,
    on_a_terminal,
    subprocess_env,
)
from tests.support import ROOT

COMMANDS = sorted(c.name or c.callback.__name__ for c in app.registered_commands)


@pytest.fixture(autouse=True)
def _clean(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    isolate(monkeypatch, tmp_path)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# --- help, version ---------------------------------------------------------------------------


def test_version() -> None:
    result = invoke("--version")
    assert (result.exit_code, result.stdout.strip()) == (0, f"dlkata {__version__}")


def test_every_journey_command_is_registered() -> None:
    expected = {"list", "new", "check", "explain", "hint", "validate"}
    expected |= {"init", "status", "next", "watch", "reset", "restore", "schema"}
    expected |= {"replay", "try", "grade"}
    assert set(COMMANDS) == expected


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(command: str) -> None:
    result = invoke(command, "--help")
    assert result.exit_code == 0, result.output
    assert "Example" in result.stdout and f"dlkata {command}" in result.stdout


def test_no_arguments_shows_help() -> None:
    result = invoke()
    assert "dlkata new linear" in result.output and "check" in result.output


def test_help_imports_neither_numpy_nor_pytest() -> None:
    code = (
        "import sys\nfrom typer.testing import CliRunner\nfrom dlkata.cli import app\n"
        "CliRunner().invoke(app, ['check', '--help'])\n"
        "print(sorted({'numpy', 'pytest'} & set(sys.modules)))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=subprocess_env()
    )
    assert done.stdout.strip() == "[]", done.stderr


# --- usage errors: exit 2 with a way forward -------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["new", "lineer"],
        ["check", "lineer"],
        ["explain", "lineer"],
        ["hint", "lineer"],
        ["reset", "lineer"],
        ["watch", "lineer"],
    ],
)
def test_unknown_kata_suggests_the_closest(args: list[str]) -> None:
    result = invoke(*args)
    assert result.exit_code == 2
    assert "no kata named 'lineer'" in result.stderr and "Did you mean linear?" in result.stderr


def test_checking_a_missing_file_names_dlkata_new() -> None:
    result = invoke("check", "linear")
    assert result.exit_code == 2
    assert "does not exist" in result.stderr and "dlkata new linear" in result.stderr


def test_missing_file_with_dir_repeats_the_dir(tmp_path: Path) -> None:
    result = invoke("check", "linear", "--dir", "mine")
    assert result.exit_code == 2
    assert f"dlkata new linear --dir {tmp_path / 'mine'}" in " ".join(result.stderr.split())


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check"], "name a kata"),
        (["check", "--all", "linear"], "not both"),
        (["check", "linear", "relu", "--file", "x.py"], "--file grades one kata"),
        (["check", "linear", "--file", "nowhere.py"], "nowhere.py does not exist"),
        (["check", "--all", "--format", "xml"], "xml"),
        (["check", "--all", "--memory-limit", "5X"], "not a size"),
        (["check", "--all", "--memory-limit", "1M"], "at least 64M"),
        (["check", "--all", "--timeout", "0"], "timeout"),
        (["check", "--all", "--kata-timeout", "-3"], "kata-timeout"),
        (["list", "--format", "junit"], "junit"),
        (["status", "--format", "xml"], "xml"),
        (["init", "nowhere"], "not a folder"),
        (["init", ".", "--require", "lineer"], "Did you mean linear?"),
    ],
)
def test_invalid_usage_exits_2(args: list[str], message: str) -> None:
    result = invoke(*args)
    assert result.exit_code == 2, result.output
    # typer before 0.26 wraps its error panel at 80 columns: the words go on between the borders
    assert message in " ".join(result.stderr.replace("│", " ").split())


def test_bad_limits_in_dlkata_yaml_exit_2(tmp_path: Path) -> None:
    write(tmp_path / "dlkata.yaml", "limits:\n  memory_limit: lots\n")
    result = invoke("check", "--all")
    said = "dlkata.yaml: limits.memory_limit: 'lots' is not a size"
    assert result.exit_code == 2 and said in result.stderr
    write(tmp_path / "dlkata.yaml", "limits:\n  timeuot: 3\n")
    said = "limits.timeuot: unknown field; did you mean 'timeout'?"
    assert said in invoke("check", "--all").stderr


def test_unknown_required_kata_in_dlkata_yaml_exits_2(tmp_path: Path) -> None:
    write(tmp_path / "dlkata.yaml", "required: [lineer]\n")
    result = invoke("check", "--all")
    assert result.exit_code == 2
    assert "required[0]: 'lineer' is not a kata; did you mean 'linear'?" in result.stderr


def test_unreadable_dlkata_yaml_exits_2(tmp_path: Path) -> None:
    write(tmp_path / "dlkata.yaml", "workspace: [unclosed\n")
    result = invoke("list")
    said = "dlkata.yaml: line 2, column 1: not valid YAML"
    assert result.exit_code == 2 and said in result.stderr


# --- list, new, explain, hint, validate ------------------------------------------------------


def test_new_then_list_from_a_subfolder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "dlkata.yaml", "workspace: mine\n")
    (tmp_path / "deep" / "er").mkdir(parents=True)
    monkeypatch.chdir(tmp_path / "deep" / "er")
    result = invoke("new", "linear")
    assert result.exit_code == 0, result.output
    written = tmp_path / "mine" / "linear.py"
    assert written.read_text() == get_kata("linear").stub_path.read_text()
    assert "dlkata check linear" in result.stdout
    listed = json.loads(invoke("list", "--format", "json").stdout)["katas"]
    assert {k["id"]: k["status"] for k in listed}["linear"] == "not_started"
    write(written, CORRECT_LINEAR)
    listed = json.loads(invoke("list", "--format", "json").stdout)["katas"]
    assert {k["id"]: k["status"] for k in listed}["linear"] == "in_progress"
    text = invoke("list").stdout
    assert "linear" in text and f"Workspace: {tmp_path / 'mine'}" in text


def test_new_never_overwrites_without_force(tmp_path: Path) -> None:
    target = write(tmp_path / "workspace" / "linear.py", "my work\n")
    refused = invoke("new", "linear")
    assert refused.exit_code == 2 and "--force" in refused.stderr
    assert target.read_text() == "my work\n"
    forced = invoke("new", "linear", "--force")
    assert forced.exit_code == 0 and "backed up" in forced.stdout
    (backup,) = (tmp_path / "workspace" / ".dlkata" / "backups").iterdir()
    assert backup.read_text() == "my work\n"
    # dlkata's state never ends up in a learner's commit
    assert (tmp_path / "workspace" / ".dlkata" / ".gitignore").read_text().endswith("*\n")


def test_explain_shows_the_concept_and_the_solution_only_when_asked() -> None:
    plain = invoke("explain", "linear")
    assert plain.exit_code == 0 and "What and why" in plain.stdout
    assert "Spoiler" not in plain.stdout
    spoiled = invoke("explain", "linear", "--solution")
    assert "Spoiler warning" in spoiled.stdout and "def linear_forward" in spoiled.stdout


def test_hint_shows_one_more_each_time() -> None:
    total = len(get_kata("linear").hints)
    assert f"Hint 1/{total}" in invoke("hint", "linear").stdout
    second = invoke("hint", "linear").stdout
    assert f"Hint 2/{total}" in second and f"Hint 3/{total}" not in second
    everything = invoke("hint", "linear", "--all").stdout
    assert f"Hint {total}/{total}" in everything and "last hint" in everything


def test_validate_passes_a_good_course_and_names_the_problem_in_a_bad_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    course = tmp_path / "course"
    shutil.copytree(ROOT / "katas" / "linear", course / "katas" / "linear")
    write(course / "reference" / "linear.py", (ROOT / "reference" / "linear.py").read_text())
    write(course / "dlkata.yaml", "builtin: false\n")  # its linear instead of dlkata's
    monkeypatch.setenv("DLKATA_COURSE", str(course))
    good = invoke("validate")
    assert (good.exit_code, "1 kata folders are valid" in good.stdout) == (0, True), good.output
    kata_yaml = course / "katas" / "linear" / "kata.yaml"
    data = yaml.safe_load(kata_yaml.read_text())
    data["difficulty"] = "impossible"
    kata_yaml.write_text(yaml.safe_dump(data))
    bad = invoke("validate")
    assert bad.exit_code == 1 and "kata.yaml" in bad.stdout and "difficulty" in bad.stdout


# --- check -----------------------------------------------------------------------------------


def test_check_exit_codes_pass_fail(tmp_path: Path) -> None:
    good = invoke("check", "linear", "--file", str(write(tmp_path / "good.py", CORRECT_LINEAR)))
    assert good.exit_code == 0, good.output
    assert "passed" in good.stdout and "Well done" in good.stdout
    bad = invoke("check", "linear", "--file", str(write(tmp_path / "bad.py", WRONG_LINEAR)))
    assert bad.exit_code == 1
    assert "linear_backward" in bad.stdout and "gradient db" in bad.stdout
    assert "dlkata hint linear" in bad.stdout


def test_a_stub_fails_locally_and_is_skipped_in_ci(tmp_path: Path) -> None:
    assert invoke("new", "linear").exit_code == 0
    local = invoke("check", "linear", "--format", "json")
    assert local.exit_code == 1
    kata = json.loads(local.stdout)["katas"][0]
    assert (kata["status"], kata["skipped"]) == ("not_started", False)
    in_ci = invoke("check", "linear", "--format", "json", env={"CI": "true"})
    assert in_ci.exit_code == 0
    kata = json.loads(in_ci.stdout)["katas"][0]
    assert (kata["status"], kata["skipped"]) == ("not_started", True)
    required = invoke("check", "linear", "--require-all", env={"CI": "true"})
    assert required.exit_code == 1 and "not started" in required.stdout


def test_check_all_reports_every_kata_and_skips_those_not_started(tmp_path: Path) -> None:
    write(tmp_path / "workspace" / "linear.py", CORRECT_LINEAR)
    result = invoke("check", "--all", "--format", "json")
    assert result.exit_code == 0, result.output
    katas = {k["id"]: (k["status"], k["skipped"]) for k in json.loads(result.stdout)["katas"]}
    assert katas.pop("linear") == ("passed", False)
    assert katas and set(katas.values()) == {("not_started", True)}
    text = invoke("check", "--all").stdout
    assert "Not started, so skipped:" in text and "1 of 1 graded katas passed" in text
    # and the verdict was recorded: `list` shows it
    listed = json.loads(invoke("list", "--format", "json").stdout)["katas"]
    assert {k["id"]: k["status"] for k in listed}["linear"] == "passed"


def test_check_all_with_nothing_started_says_nothing_was_graded() -> None:
    """Not a failure of any kata, not a success either: exit 5, as pytest's 'no tests ran'."""
    result = invoke("check", "--all")
    assert result.exit_code == 5 and "0 of 0 graded katas passed" in result.stdout
    assert "Nothing was graded" in result.stderr


def test_a_required_kata_not_started_fails_check_all(tmp_path: Path) -> None:
    write(tmp_path / "dlkata.yaml", "workspace: .\nrequired: [relu]\n")
    result = invoke("check", "--all", "--format", "json")
    assert result.exit_code == 1
    katas = {k["id"]: (k["status"], k["skipped"]) for k in json.loads(result.stdout)["katas"]}
    assert katas["relu"] == ("not_started", False) and katas["linear"] == ("not_started", True)


def test_output_writes_the_report_to_a_file(tmp_path: Path) -> None:
    solution = write(tmp_path / "good.py", CORRECT_LINEAR)
    result = invoke(
        "check", "linear", "--file", str(solution), "--format", "json", "-o", "out/report.json"
    )
    assert (result.exit_code, result.stdout) == (0, "")
    document = json.loads((tmp_path / "out" / "report.json").read_text())
    assert document["katas"][0]["status"] == "passed"


@pytest.mark.parametrize(
    ("config", "options", "expected"),
    [
        ("", [], (10.0, 60.0, 2 * 1024**3)),
        ("limits: {timeout: 2, kata_timeout: 30, memory_limit: 512M}\n", [], (2.0, 30.0, 2**29)),
        (
            "limits: {timeout: 2, memory_limit: 512M}\n",
            ["--timeout", "5", "--memory-limit", "1G"],
            (5.0, 60.0, 2**30),
        ),
    ],
)
def test_limits_come_from_options_then_dlkata_yaml_then_defaults(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    config: str,
    options: list[str],
    expected: tuple[float, float, int],
) -> None:
    import dlkata.grading

    write(tmp_path / "dlkata.yaml", "workspace: .\n" + config)
    write(tmp_path / "linear.py", CORRECT_LINEAR)
    seen = []
    monkeypatch.setattr(
        dlkata.grading, "grade", lambda requests, limits, **_: seen.append(limits) or []
    )
    invoke("check", "linear", *options)
    (limits,) = seen
    assert (limits.call_timeout, limits.kata_timeout, limits.memory_bytes) == expected


# --- real processes: the entry point, piping, colour -----------------------------------------


def run(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / "dlkata"), *args], capture_output=True, text=True, env=subprocess_env(**env)
    )


def test_entry_point_and_module_agree() -> None:
    assert run("--version").stdout.strip() == f"dlkata {__version__}"
    module = subprocess.run(
        [sys.executable, "-m", "dlkata", "--version"],
        capture_output=True,
        text=True,
        env=subprocess_env(),
    )
    assert module.stdout.strip() == f"dlkata {__version__}"


def test_real_exit_codes_and_piped_output_is_plain(tmp_path: Path) -> None:
    write(tmp_path / "workspace" / "linear.py", WRONG_LINEAR)
    failed = subprocess.run(
        [str(BIN / "dlkata"), "check", "linear"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=subprocess_env(),
    )
    assert failed.returncode == 1
    assert "\x1b[" not in failed.stdout and "╭" not in failed.stdout
    # piped, a long line stays one line for whatever reads it
    assert any(len(line) > 100 and "gradient db" in line for line in failed.stdout.splitlines())
    assert run("check", "lineer").returncode == 2


def test_force_color_gives_colour_and_panels_when_piped(tmp_path: Path) -> None:
    stub = get_kata("linear").stub_path
    forced = run("check", "linear", "--file", str(stub), FORCE_COLOR="1")
    assert "\x1b[" in forced.stdout and "╭" in forced.stdout
    in_ci = run("check", "linear", "--file", str(stub), FORCE_COLOR="1", CI="true")
    assert "\x1b[" in in_ci.stdout and "╭" not in in_ci.stdout


def test_a_terminal_gets_panels_and_no_color_gets_plain_text() -> None:
    stub = str(get_kata("linear").stub_path)
    terminal = on_a_terminal("check", "linear", "--file", stub)
    assert "\x1b[" in terminal and "╭" in terminal
    plain = on_a_terminal("check", "linear", "--file", stub, NO_COLOR="1")
    # no style at all (a live progress line may still move the cursor on a slow machine)
    assert not re.search(r"\x1b\[[0-9;]*m", plain) and "╭" not in plain and "not started" in plain
