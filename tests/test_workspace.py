"""The learner's data is never lost: atomic writes, a corrupt progress file set aside and rebuilt,
concurrent `dlkata check` runs, and backups before a file is replaced."""

from __future__ import annotations

import json
import multiprocessing
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from dlkata.workspace import STATE_VERSION, StateFile, Workspace, WorkspaceError, write_atomic
from tests.support import ROOT, SOLUTIONS_DIR

GOOD = {
    "linear": SOLUTIONS_DIR / "linear" / "correct_einsum.py",
    "relu": SOLUTIONS_DIR / "relu" / "correct_mask_multiply.py",
}


def dlkata(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "DLKATA_WORKSPACE")}
    return subprocess.run(
        [sys.executable, "-m", "dlkata", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=cwd,
    )


def valid_state(path: Path) -> dict:
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format_version"] == STATE_VERSION
    assert isinstance(data["progress"], dict) and isinstance(data["hints"], dict)
    return data


# -- atomic writes -----------------------------------------------------------------------------


def test_write_atomic_replaces_the_whole_file(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "file.txt"
    write_atomic(target, "first")
    write_atomic(target, "second")
    assert target.read_text() == "second"
    assert sorted(p.name for p in target.parent.iterdir()) == ["file.txt"]


def test_a_failed_write_leaves_the_old_file_and_no_debris(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "file.txt"
    write_atomic(target, "kept")

    def broken_replace(source: str, destination: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(WorkspaceError, match=r"cannot write .*file\.txt: disk full"):
        write_atomic(target, "lost")
    assert target.read_text() == "kept"
    assert [p.name for p in tmp_path.iterdir()] == ["file.txt"]


def test_readers_never_see_half_a_file(tmp_path: Path) -> None:
    target = tmp_path / "file.txt"
    versions = ["a" * 200_000, "b" * 300_000]
    write_atomic(target, versions[0])
    stop = threading.Event()

    def writer() -> None:
        i = 0
        while not stop.is_set():
            write_atomic(target, versions[i % 2])
            i += 1

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        seen = {target.read_text() in versions for _ in range(300)}
    finally:
        stop.set()
        thread.join()
    assert seen == {True}


# -- the state file ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [
        "{ this is not json",
        "",
        '{"format_version": 99, "progress": {}, "hints": {}}',
        '{"format_version": 1, "progress": [], "hints": {}}',
        "[" * 100_000 + "]" * 100_000,
        "\udcff",
    ],
    ids=["garbage", "empty", "future-version", "wrong-structure", "deep-nesting", "not-utf8"],
)
def test_a_corrupt_state_file_is_set_aside_and_rebuilt(tmp_path: Path, content: str) -> None:
    path = tmp_path / ".dlkata" / "state.json"
    path.parent.mkdir()
    path.write_bytes(content.encode("utf-8", "surrogateescape"))
    state = StateFile(path)
    data = state.update(lambda d: d["progress"].update(linear={"status": "passed"}))
    assert data["progress"] == {"linear": {"status": "passed"}}
    assert len(state.warnings) == 1 and "moved to" in state.warnings[0], state.warnings
    (aside,) = path.parent.glob("state.json.corrupt-*")
    assert aside.read_bytes() == content.encode("utf-8", "surrogateescape")
    assert valid_state(path)["progress"]["linear"]["status"] == "passed"


def _increment_hints(path: str, times: int) -> None:
    state = StateFile(Path(path))
    for _ in range(times):
        state.update(lambda d: d["hints"].__setitem__("n", d["hints"].get("n", 0) + 1))


def test_concurrent_updates_lose_nothing(tmp_path: Path) -> None:
    """Four processes read-modify-write the state at once: every increment survives."""
    path = tmp_path / ".dlkata" / "state.json"
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_increment_hints, args=(str(path), 25)) for _ in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
    assert [w.exitcode for w in workers] == [0, 0, 0, 0]
    assert valid_state(path)["hints"]["n"] == 100


# -- through the CLI ---------------------------------------------------------------------------


def _workspace(tmp_path: Path) -> Path:
    folder = tmp_path / "workspace"
    folder.mkdir()
    for kata_id, source in GOOD.items():
        (folder / f"{kata_id}.py").write_text(source.read_text())
    return folder


def test_two_checks_at_once_leave_a_valid_progress_file(tmp_path: Path) -> None:
    folder = _workspace(tmp_path)
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "DLKATA_WORKSPACE")}
    runs = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "dlkata",
                "check",
                kata_id,
                "--dir",
                str(folder),
                "--format",
                "json",
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            cwd=ROOT,
        )
        for kata_id in ("linear", "relu", "linear")
    ]
    outputs = [run.communicate(timeout=120) for run in runs]
    assert [run.returncode for run in runs] == [0, 0, 0], [err for _, err in outputs]
    progress = valid_state(folder / ".dlkata" / "state.json")["progress"]
    assert {k: v["status"] for k, v in progress.items()} == {"linear": "passed", "relu": "passed"}
    assert not list((folder / ".dlkata").glob("*.corrupt-*"))
    assert not list((folder / ".dlkata").glob(".state.json.*")), "temporary files left behind"


def test_check_warns_about_a_corrupt_progress_file_and_rebuilds_it(tmp_path: Path) -> None:
    folder = _workspace(tmp_path)
    state = folder / ".dlkata" / "state.json"
    state.parent.mkdir()
    state.write_text('{"format_version": 1, "progress": ')
    result = dlkata("check", "relu", "--dir", str(folder), "--format", "json")
    assert result.returncode == 0, result.stderr
    assert "unreadable" in result.stderr and "untouched" in result.stderr
    json.loads(result.stdout)  # the warning went to stderr, the report alone to stdout
    assert valid_state(state)["progress"]["relu"]["status"] == "passed"
    assert len(list(state.parent.glob("state.json.corrupt-*"))) == 1


def test_new_force_and_reset_keep_a_backup(tmp_path: Path) -> None:
    folder = tmp_path / "workspace"
    assert dlkata("new", "linear", "--dir", str(folder)).returncode == 0
    target = folder / "linear.py"
    stub = target.read_text()
    target.write_text("# my work, version 1\n")

    refused = dlkata("new", "linear", "--dir", str(folder))
    assert refused.returncode == 2 and "--force" in refused.stderr
    assert target.read_text() == "# my work, version 1\n"

    assert dlkata("new", "linear", "--dir", str(folder), "--force").returncode == 0
    assert target.read_text() == stub
    target.write_text("# my work, version 2\n")
    assert dlkata("reset", "linear", "--dir", str(folder)).returncode == 0
    assert target.read_text() == stub

    backups = sorted((folder / ".dlkata" / "backups").glob("linear-*.py"))
    assert sorted(b.read_text() for b in backups) == [
        "# my work, version 1\n",
        "# my work, version 2\n",
    ]


def test_the_workspace_helpers_agree_with_the_cli(tmp_path: Path) -> None:
    workspace = Workspace(tmp_path)
    source = tmp_path / "linear.py"
    source.write_text("v1")
    first, second = workspace.backup(source), workspace.backup(source)
    assert first != second and first.read_text() == second.read_text() == "v1"
