"""No traceback for a file-system problem (issue 12): a workspace that cannot be read or written,
a file where a folder should be, a `--file` that is a folder, a full disk. One line naming the
file and what to do, exit code 2; a check that graded still reports, and says what it could not
record."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from dlkata import cli
from tests.cli_support import BIN, CORRECT_LINEAR, invoke, isolate, subprocess_env

# dlkata's tests may run as root, whom file permissions do not stop: then the command runs
# without the capabilities that override them, as an ordinary user would
_NO_OVERRIDE = ["setpriv", "--bounding-set", "-dac_override,-dac_read_search", "--"]


@pytest.fixture(autouse=True)
def _clean(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    isolate(monkeypatch, tmp_path)


def as_a_user(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`dlkata ARGS` in `folder`, subject to file permissions even when the tests run as root."""
    prefix: list[str] = []
    if os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            pytest.skip("running as root without setpriv: permissions cannot be tested")
        probe = subprocess.run([*_NO_OVERRIDE, "true"], capture_output=True)
        if probe.returncode != 0:
            pytest.skip("running as root and cannot drop the capability to override permissions")
        prefix = _NO_OVERRIDE
    return subprocess.run(
        [*prefix, str(BIN / "dlkata"), *args],
        capture_output=True,
        text=True,
        cwd=folder,
        env=subprocess_env(COLUMNS="500"),  # a long path stays on one line
    )


def one_clean_line(stderr: str) -> str:
    assert "Traceback" not in stderr and "internal error" not in stderr, stderr
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    return lines[0]


@pytest.fixture
def locked(tmp_path: Path) -> Iterator[Path]:
    """A workspace with a started kata that no one may read, searched or written."""
    workspace = tmp_path / "workspace"
    workspace.mkdir()
    (workspace / "linear.py").write_text(CORRECT_LINEAR)
    workspace.chmod(0)
    yield workspace
    workspace.chmod(0o755)


@pytest.mark.parametrize(
    "command", ["list", "status", "next", "check --all", "new relu", "hint linear"]
)
def test_an_unreadable_workspace_is_named_with_what_to_do(
    tmp_path: Path, locked: Path, command: str
) -> None:
    done = as_a_user(tmp_path, *command.split())
    assert done.returncode == 2, done.stderr
    said = one_clean_line(done.stderr)
    assert "workspace/" in said and "permission denied" in said and "ls -ld" in said


def test_a_read_only_workspace_refuses_writes_but_still_grades(tmp_path: Path) -> None:
    workspace = tmp_path / "workspace"
    workspace.mkdir()
    (workspace / "linear.py").write_text(CORRECT_LINEAR)
    workspace.chmod(0o555)
    try:
        new = as_a_user(tmp_path, "new", "relu")
        checked = as_a_user(tmp_path, "check", "linear")
    finally:
        workspace.chmod(0o755)
    assert new.returncode == 2
    assert one_clean_line(new.stderr).startswith(
        "Error: cannot write workspace/relu.py: permission denied"
    )
    assert checked.returncode == 0 and "passed" in checked.stdout
    assert "graded but not recorded" in one_clean_line(checked.stderr)


def test_an_unreadable_file_to_grade_is_exit_2(tmp_path: Path) -> None:
    solution = tmp_path / "mine.py"
    solution.write_text(CORRECT_LINEAR)
    solution.chmod(0)
    done = as_a_user(tmp_path, "check", "linear", "--file", str(solution))
    assert done.returncode == 2 and "mine.py" in done.stderr, done.stderr
    assert "Traceback" not in done.stderr


def test_a_file_to_grade_that_is_a_folder_is_exit_2(tmp_path: Path) -> None:
    result = invoke("check", "linear", "--file", str(tmp_path))
    assert result.exit_code == 2
    assert f"--file {tmp_path} is a folder: name the file to grade" in one_clean_line(result.stderr)


@pytest.mark.parametrize(
    ("blocker", "command", "expected"),
    [
        ("workspace", "list", "workspace (the default workspace) is a file where dlkata needs"),
        ("workspace/.dlkata", "hint linear", "`mv workspace/.dlkata workspace/.dlkata.old`"),
        ("workspace/.dlkata/backups", "reset linear", "workspace/.dlkata/backups is a file where"),
        ("workspace/linear.py/", "check linear", "workspace/linear.py is a folder where your kata"),
    ],
)
def test_a_file_where_a_folder_should_be_is_named(
    tmp_path: Path, blocker: str, command: str, expected: str
) -> None:
    if blocker != "workspace":
        (tmp_path / "workspace").mkdir()
        (tmp_path / "workspace" / "linear.py").write_text(CORRECT_LINEAR + "# mine\n")
    path = tmp_path / blocker.rstrip("/")
    path.parent.mkdir(parents=True, exist_ok=True)
    if blocker.endswith("/"):
        path.unlink()
        path.mkdir()
    else:
        path.write_text("in the way\n")
    result = invoke(*command.split())
    assert result.exit_code == 2, result.output
    assert expected in one_clean_line(result.stderr)


def _full_disk(*args: object) -> None:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.mark.parametrize("command", ["new linear", "hint linear"])
def test_a_full_disk_is_named_and_leaves_no_debris(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    monkeypatch.setattr(os, "fsync", _full_disk)  # where a full disk shows, without a file name
    result = invoke(*command.split())
    assert result.exit_code == 2, result.output
    said = one_clean_line(result.stderr)
    assert said.startswith("Error: cannot write workspace/") and "the disk is full" in said
    workspace = tmp_path / "workspace"
    temporary = (".linear.py.", ".state.json.")
    assert [p for p in workspace.rglob("*") if p.name.startswith(temporary)] == []
    assert not (workspace / "linear.py").exists()


def test_a_full_disk_while_writing_the_report_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Full:
        def __enter__(self) -> Full:
            return self

        def __exit__(self, *exc: object) -> None:
            return None

        write = _full_disk

    solution = tmp_path / "mine.py"
    solution.write_text(CORRECT_LINEAR)
    monkeypatch.setattr(cli, "open", lambda *a, **k: Full(), raising=False)
    result = invoke("check", "linear", "--file", str(solution), "--format", "json", "-o", "r.json")
    assert result.exit_code == 2
    assert "cannot write r.json: the disk is full" in one_clean_line(result.stderr)


def test_a_deleted_current_folder_is_said(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    gone = tmp_path / "gone"
    gone.mkdir()
    monkeypatch.chdir(gone)
    gone.rmdir()
    result = invoke("list")
    assert result.exit_code == 2
    assert "The current folder no longer exists" in one_clean_line(result.stderr)


def test_an_error_that_names_no_file_is_still_an_internal_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Exit 2 is for the user's files; an OSError with no file to name is dlkata's to fix."""
    import dlkata.progress

    def broken(*args: object) -> None:
        raise OSError(errno.EIO, "I/O error")

    monkeypatch.setattr(dlkata.progress, "course_status", broken)
    monkeypatch.setattr("sys.argv", ["dlkata", "status"])
    with pytest.raises(SystemExit) as exited:
        cli.main()
    assert exited.value.code == 3
    report = capsys.readouterr().err.split("traceback is in ")[1].split(". Please")[0]
    Path(report.replace("\n", "")).unlink()
