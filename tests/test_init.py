"""`dlkata init` (issue 12): kata files already in `workspace/` are moved with their progress, or
kept and named, never silently hidden; the workflow installs something that exists."""

from __future__ import annotations

import json
import os
import select
import shlex
import subprocess
import time
from pathlib import Path

import pytest
import yaml

from dlkata.init import WORKFLOW_PATH
from tests.cli_support import BIN, CORRECT_LINEAR, invoke, isolate, subprocess_env


@pytest.fixture(autouse=True)
def _clean(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / "clone").mkdir()
    isolate(monkeypatch, tmp_path / "clone")


@pytest.fixture
def clone(tmp_path: Path) -> Path:
    """A clone of dlkata where the learner solved `linear` in `workspace/` before any init."""
    folder = tmp_path / "clone"
    (folder / "workspace").mkdir()
    (folder / "pyproject.toml").write_text('[project]\nname = "dlkata"\nversion = "0.1.0"\n')
    (folder / "workspace" / "linear.py").write_text(CORRECT_LINEAR)
    (folder / "workspace" / "notes.txt").write_text("ask about db\n")
    assert invoke("check", "linear").exit_code == 0
    assert invoke("hint", "linear").exit_code == 0
    return folder


def statuses() -> dict[str, str]:
    status = json.loads(invoke("status", "--format", "json").stdout)
    return {kata["id"]: kata["status"] for kata in status["katas"]}


def test_without_a_terminal_init_keeps_the_files_and_says_where_they_are(clone: Path) -> None:
    result = invoke("init")
    assert result.exit_code == 0, result.output
    said = " ".join(result.stdout.split())
    assert (
        f"Kept 1 kata file (linear.py) and dlkata's progress in {clone / 'workspace'} "
        f"(no terminal to ask), but dlkata now reads {clone / 'solutions'}." in said
    )
    assert "--force --move-workspace" in said
    assert (clone / "workspace" / "linear.py").read_text() == CORRECT_LINEAR
    assert (clone / "workspace" / ".dlkata" / "state.json").is_file()
    assert list((clone / "solutions").iterdir()) == []


def test_keep_workspace_keeps_them_without_asking(clone: Path) -> None:
    result = invoke("init", "--keep-workspace")
    assert result.exit_code == 0 and "Kept 1 kata file" in result.stdout
    assert "no terminal" not in result.stdout
    assert (clone / "workspace" / "linear.py").is_file()


def test_move_and_keep_together_are_refused_before_anything_is_written(clone: Path) -> None:
    result = invoke("init", "--move-workspace", "--keep-workspace")
    assert result.exit_code == 2 and "contradict each other" in result.stderr
    assert not (clone / "dlkata.yaml").exists()


def test_move_workspace_moves_files_and_progress(clone: Path) -> None:
    result = invoke("init", "--move-workspace")
    assert result.exit_code == 0, result.output
    assert "Moved 1 kata file (linear.py) and dlkata's progress" in " ".join(result.stdout.split())
    assert not (clone / "workspace").exists()
    assert (clone / "solutions" / "linear.py").read_text() == CORRECT_LINEAR
    assert (clone / "solutions" / "notes.txt").read_text() == "ask about db\n"
    assert statuses()["linear"] == "passed"  # the verdict moved with the file
    second = invoke("hint", "linear")
    assert "Hint 2/" in second.stdout  # and so did the hints already shown


def test_keep_then_move_later(clone: Path) -> None:
    assert invoke("init").exit_code == 0
    assert statuses()["linear"] == "not_started"  # dlkata reads solutions/ now
    again = invoke("init", "--force", "--move-workspace")
    assert again.exit_code == 0, again.output
    assert statuses()["linear"] == "passed"


def test_a_clash_moves_and_writes_nothing(clone: Path) -> None:
    (clone / "solutions").mkdir()
    (clone / "solutions" / "linear.py").write_text("# another attempt\n")
    result = invoke("init", "--move-workspace")
    assert result.exit_code == 2
    assert "linear.py already exists in" in result.stderr and "nothing was moved" in result.stderr
    assert not (clone / "dlkata.yaml").exists() and not (clone / WORKFLOW_PATH).exists()
    assert (clone / "workspace" / "linear.py").read_text() == CORRECT_LINEAR
    assert (clone / "solutions" / "linear.py").read_text() == "# another attempt\n"


@pytest.mark.parametrize(
    "setup",
    ["no workspace folder", "an empty workspace", "only other files", "init --workspace workspace"],
)
def test_nothing_to_move_says_nothing_about_it(tmp_path: Path, setup: str) -> None:
    folder = tmp_path / "clone"
    if setup != "no workspace folder":
        (folder / "workspace").mkdir()
    if setup == "only other files":
        (folder / "workspace" / "notes.txt").write_text("x\n")
    args = ["--workspace", "workspace"] if setup.startswith("init") else []
    if setup.startswith("init"):
        (folder / "workspace" / "linear.py").write_text(CORRECT_LINEAR)
    result = invoke("init", "--install", "git+https://example.org/dlkata", *args)
    assert result.exit_code == 0, result.output
    assert "Kept" not in result.stdout and "Moved" not in result.stdout


def _run_on_a_terminal(folder: Path, answer: bytes) -> str:
    """`dlkata init` with a pseudo-terminal for stdin and stdout; `answer` typed at the prompt."""
    primary, secondary = os.openpty()
    process = subprocess.Popen(
        [str(BIN / "dlkata"), "init"],
        cwd=folder,
        stdin=secondary,
        stdout=secondary,
        stderr=secondary,
        env=subprocess_env(NO_COLOR="1", COLUMNS="400"),
        start_new_session=True,
    )
    os.close(secondary)
    seen, answered, deadline = b"", False, time.monotonic() + 60
    while time.monotonic() < deadline:
        ready, _, _ = select.select([primary], [], [], 0.1)
        if ready:
            try:
                chunk = os.read(primary, 4096)
            except OSError:  # the terminal closed: the process ended
                break
            if not chunk:
                break
            seen += chunk
        if not answered and b"Move them there?" in seen:
            os.write(primary, answer)
            answered = True
        if process.poll() is not None and not ready:
            break
    os.close(primary)
    assert process.wait(timeout=30) == 0, seen.decode()
    return seen.decode().replace("\r\n", "\n")


@pytest.mark.parametrize("answer", [b"\n", b"n\n"])
def test_on_a_terminal_init_asks(clone: Path, answer: bytes) -> None:
    said = " ".join(_run_on_a_terminal(clone, answer).split())
    assert (
        f"dlkata will read your kata files from {clone / 'solutions'}. {clone / 'workspace'} "
        "holds 1 kata file (linear.py) and dlkata's progress. Move them there? [Y/n]" in said
    )
    if answer == b"\n":  # the default is to move
        assert "Moved 1 kata file" in said
        assert (clone / "solutions" / "linear.py").is_file()
    else:
        assert "Kept 1 kata file" in said and "no terminal" not in said
        assert (clone / "workspace" / "linear.py").is_file()


# --- what the workflow installs --------------------------------------------------------------


def install_step(repo: Path) -> str:
    document = yaml.safe_load((repo / WORKFLOW_PATH).read_text())
    (job,) = document["jobs"].values()
    return next(step["run"] for step in job["steps"] if step.get("name") == "Install dlkata")


def test_in_a_fork_the_workflow_installs_the_fork(clone: Path) -> None:
    assert invoke("init", "--keep-workspace").exit_code == 0
    assert install_step(clone) == "python -m pip install ."


def test_elsewhere_without_install_init_says_how_and_the_step_fails_saying_so(
    tmp_path: Path,
) -> None:
    repo = tmp_path / "clone"
    result = invoke("init")
    assert result.exit_code == 0, result.output
    warning = " ".join(result.stderr.split())
    assert "dlkata is not on the package index yet" in warning
    assert "dlkata init --force --install git+https://github.com/YOU/dlkata" in warning
    step = install_step(repo)
    assert "pip install dlkata" not in step
    done = subprocess.run(["bash", "-c", step], capture_output=True, text=True, timeout=30)
    assert done.returncode == 1
    assert done.stdout.startswith("::error title=dlkata is not on the package index yet::")
    assert "--install git+https://github.com/YOU/dlkata" in done.stdout


@pytest.mark.parametrize(
    "spec",
    ["git+https://example.org/me/dlkata", "dlkata @ git+https://example.org/me/dlkata#egg: x"],
)
def test_install_names_what_the_workflow_installs(tmp_path: Path, spec: str) -> None:
    result = invoke("init", "--install", spec)
    assert result.exit_code == 0 and result.stderr == ""
    step = install_step(tmp_path / "clone")
    assert shlex.split(step) == ["python", "-m", "pip", "install", spec]


def test_an_unreadable_workspace_is_a_usage_error(
    clone: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = Path.iterdir

    def refuse(self: Path):  # root reads any folder, so the refusal is simulated
        if self.name == "workspace":
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "iterdir", refuse)
    result = invoke("init", "--move-workspace")
    assert result.exit_code == 2
    assert "workspace cannot be read (Permission denied)" in result.stderr
    assert not (clone / "dlkata.yaml").exists()
