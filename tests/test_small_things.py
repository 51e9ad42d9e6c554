"""Small things users trip on (issue 12): `-V`, files written with the user's permissions and
through symlinks, and `breakpoint()` in a solution explained instead of a bare error."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from dlkata import __version__
from dlkata.catalogue import load_catalogue
from dlkata.workspace import write_atomic
from tests.cli_support import invoke
from tests.grading_support import failures, grade_file


def test_short_version_flag() -> None:
    result = invoke("-V")
    assert result.exit_code == 0 and result.stdout.strip() == f"dlkata {__version__}"


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_file_gets_the_umask_permissions(tmp_path: Path) -> None:
    previous = os.umask(0o027)
    try:
        write_atomic(tmp_path / "linear.py", "x = 1\n")
    finally:
        os.umask(previous)
    assert _mode(tmp_path / "linear.py") == 0o640


def test_a_replaced_file_keeps_its_mode_and_a_link_is_written_through(tmp_path: Path) -> None:
    target = tmp_path / "solutions" / "linear.py"
    target.parent.mkdir()
    target.write_text("old\n")
    target.chmod(0o604)
    link = tmp_path / "linear.py"
    link.symlink_to(target)
    write_atomic(link, "new\n")
    assert link.is_symlink() and target.read_text() == "new\n"
    assert _mode(target) == 0o604


@pytest.mark.parametrize("where", ["at import", "in a call"])
def test_breakpoint_is_explained(tmp_path: Path, where: str) -> None:
    body = "breakpoint()\n" if where == "at import" else ""
    solution = tmp_path / "relu.py"
    solution.write_text(
        "import numpy as np\n" + body + "def relu_forward(x):\n"
        "    breakpoint()\n    return np.maximum(x, 0), x\n"
        "def relu_backward(dout, x):\n    return dout * (x > 0)\n"
        "def leaky_relu_forward(x, negative_slope=0.01):\n    return x, x\n"
        "def leaky_relu_backward(dout, x):\n    return dout\n"
    )
    _, kata = grade_file("relu", solution)
    said = str(kata.get("error")) + " ".join(t["message"] for t in failures(kata))
    assert "breakpoint() cannot open a debugger inside the grader" in said


def test_the_package_metadata_is_honest() -> None:
    """One source of the version, an SPDX licence with its file, typed, and the katas shipped."""
    import importlib.metadata

    from tests.support import ROOT

    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert project["dynamic"] == ["version"] and "version" not in project
    assert project["license"] == "MIT" and (ROOT / "LICENSE").is_file()
    assert importlib.metadata.version("dlkata") == __version__
    assert (ROOT / "dlkata" / "py.typed").is_file()
    classifiers = set(project["classifiers"])
    assert {f"Programming Language :: Python :: 3.{n}" for n in range(10, 14)} <= classifiers


def test_nothing_graded_is_its_own_outcome(tmp_path: Path) -> None:
    """`check --all` in an empty or missing workspace says so and exits 5, not 0."""
    for folder, said in ((tmp_path, "holds no kata file"), (tmp_path / "missing", "does not")):
        result = invoke("check", "--all", "--dir", str(folder))
        assert result.exit_code == 5, result.output
        assert "Nothing was graded" in result.stderr and said in result.stderr


def test_an_internal_error_is_short_and_leaves_its_traceback_in_a_file(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from dlkata import cli

    def broken(**kwargs: object) -> None:
        raise RuntimeError("a bug in dlkata")

    monkeypatch.setattr(cli, "app", broken)
    with pytest.raises(SystemExit) as exited:
        cli.main()
    assert exited.value.code == 3
    said = capsys.readouterr().err
    assert "internal error" in said and "Traceback" not in said
    report = Path(said.split("traceback is in ")[1].split(". Please")[0].replace("\n", ""))
    assert "RuntimeError: a bug in dlkata" in report.read_text()
    report.unlink()


def test_reset_forgets_hints_and_restore_brings_the_file_back(tmp_path: Path) -> None:
    folder = tmp_path / "ws"
    assert invoke("new", "relu", "--dir", str(folder)).exit_code == 0
    assert invoke("hint", "relu", "--dir", str(folder)).exit_code == 0
    mine = folder / "relu.py"
    mine.write_text("# my first attempt\n")
    assert invoke("reset", "relu", "--dir", str(folder)).exit_code == 0
    assert "first attempt" not in mine.read_text()
    hint = invoke("hint", "relu", "--dir", str(folder))
    assert "Hint 1/" in hint.stdout and "Hint 2/" not in hint.stdout  # shown afresh
    listed = invoke("restore", "relu", "--list", "--dir", str(folder))
    assert listed.exit_code == 0 and listed.stdout.count("relu-") == 1
    restored = invoke("restore", "relu", "--dir", str(folder))
    assert restored.exit_code == 0 and mine.read_text() == "# my first attempt\n"
    # the stub it replaced was kept too: nothing is lost either way
    assert invoke("restore", "relu", "--list", "--dir", str(folder)).stdout.count("relu-") == 2


def test_restore_without_a_backup_says_so(tmp_path: Path) -> None:
    result = invoke("restore", "relu", "--dir", str(tmp_path))
    assert result.exit_code == 2 and "no backup of relu" in result.stderr


def test_status_sees_a_file_changed_since_its_check(tmp_path: Path) -> None:
    from tests.cli_support import CORRECT_LINEAR

    folder = tmp_path / "ws"
    folder.mkdir()
    (folder / "linear.py").write_text(CORRECT_LINEAR)
    assert invoke("check", "linear", "--dir", str(folder)).exit_code == 0
    before = invoke("status", "--dir", str(folder), "--format", "json").stdout
    assert '"changed_since_checked": false' in before and '"status": "passed"' in before
    (folder / "linear.py").write_text(CORRECT_LINEAR + "\n# an edit\n")
    after = invoke("status", "--dir", str(folder))
    assert "linear (changed since checked)" in after.stdout


def test_status_never_asks_to_scaffold_a_stub_that_exists(tmp_path: Path) -> None:
    folder = tmp_path / "ws"
    assert "dlkata next` writes its stub" in invoke("status", "--dir", str(folder)).stdout
    assert invoke("next", "--dir", str(folder)).exit_code == 0  # scaffolds the first, untouched
    first = next(iter(load_catalogue()))
    said = invoke("status", "--dir", str(folder)).stdout
    assert "dlkata next` writes its stub" not in said
    assert "Its stub is waiting in" in said and f"dlkata check {first}" in said


def test_the_waiting_count_agrees_with_a_full_run(tmp_path: Path) -> None:
    from tests.support import ROOT

    stub = invoke("check", "linear", "--file", str(ROOT / "katas" / "linear" / "stub.py"))
    full = invoke("check", "linear", "--file", str(ROOT / "reference" / "linear.py"))
    total = full.stdout.split(" tests")[0].rsplit("/", 1)[1]
    assert f"of its {total} tests are waiting" in stub.stdout


def test_the_path_puts_prerequisites_first_and_follows_the_topics() -> None:
    from dlkata.catalogue import TOPICS

    path = list(load_catalogue().values())
    position = {kata.id: index for index, kata in enumerate(path)}
    for kata in path:
        assert all(position[p] < position[kata.id] for p in kata.prerequisites), kata.id
    assert path[0].topic == TOPICS[0]  # the initialisers open the path, as in the contract
    free = [k for k in path if not k.prerequisites]  # their order is the topics' order
    ranks = [TOPICS.index(k.topic) for k in free]
    assert ranks == sorted(ranks)
