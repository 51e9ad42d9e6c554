"""The learner's journey end to end: `init` a fork, `next`, `status`, `reset`, `watch` with real
file changes, the notebook API, and the GitHub workflow's own commands run in a fork-like repo
with GitHub's environment variables."""

from __future__ import annotations

import json
import queue
import shlex
import signal
import subprocess
import threading
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest
import yaml

from dlkata.catalogue import get_kata, load_catalogue
from dlkata.init import WORKFLOW_PATH
from dlkata.notebook import Report, check, module_source
from dlkata.watch import watch
from tests.cli_support import (
    BIN,
    CORRECT_LINEAR,
    WRONG_LINEAR,
    invoke,
    isolate,
    subprocess_env,
)


@pytest.fixture(autouse=True)
def _clean(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    isolate(monkeypatch, tmp_path)


def fork(folder: Path) -> Path:
    """A folder that looks like a clone of dlkata: `init` then installs it with `pip install .`."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "pyproject.toml").write_text('[project]\nname = "dlkata"\nversion = "0.1.0"\n')
    return folder


def workflow_steps(repo: Path) -> dict[str, dict]:
    document = yaml.safe_load((repo / WORKFLOW_PATH).read_text())
    (job,) = document["jobs"].values()
    return {step.get("name") or step["uses"]: step for step in job["steps"]}


# --- init ------------------------------------------------------------------------------------


def test_init_writes_a_workspace_config_and_a_workflow(tmp_path: Path) -> None:
    repo = fork(tmp_path / "fork")
    result = invoke("init", str(repo), "--require", "linear")
    assert result.exit_code == 0, result.output
    config = yaml.safe_load((repo / "dlkata.yaml").read_text())
    assert config == {
        "workspace": "solutions",
        "required": ["linear"],
        "limits": {"timeout": 10, "kata_timeout": 60, "memory_limit": "2G"},
    }
    assert (repo / "solutions").is_dir()
    steps = workflow_steps(repo)
    assert steps["Install dlkata"]["run"] == "python -m pip install ."
    assert "dlkata check --all --format github" in steps["Grade the katas"]["run"]
    artifact = steps["Keep the JUnit report"]
    assert artifact["if"] == "always()" and artifact["uses"].startswith("actions/upload-artifact")
    assert artifact["with"]["path"] in steps["Grade the katas"]["run"]


def test_init_elsewhere_installs_what_is_asked(tmp_path: Path) -> None:
    other = tmp_path / "other"
    other.mkdir()
    spec = "git+https://example.org/me/dlkata"
    assert invoke("init", str(other), "--install", spec, "--workspace", "mine").exit_code == 0
    assert workflow_steps(other)["Install dlkata"]["run"] == f"python -m pip install {spec}"
    assert yaml.safe_load((other / "dlkata.yaml").read_text())["workspace"] == "mine"


def test_init_never_overwrites_without_force(tmp_path: Path) -> None:
    (tmp_path / "dlkata.yaml").write_text("workspace: mine\n")
    refused = invoke("init")
    assert refused.exit_code == 2 and "--force" in refused.stderr
    assert (tmp_path / "dlkata.yaml").read_text() == "workspace: mine\n"
    assert not (tmp_path / WORKFLOW_PATH).exists()
    assert invoke("init", "--force").exit_code == 0
    assert yaml.safe_load((tmp_path / "dlkata.yaml").read_text())["workspace"] == "solutions"


# --- next, status, reset ---------------------------------------------------------------------


def test_next_status_and_reset_from_a_subfolder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert invoke("init").exit_code == 0
    monkeypatch.chdir(tmp_path / "solutions")
    first = next(iter(load_catalogue().values()))
    started = invoke("next")
    assert started.exit_code == 0 and f"Next: {first.id}" in started.stdout
    mine = tmp_path / "solutions" / f"{first.id}.py"
    assert mine.read_text() == first.stub_path.read_text()
    again = invoke("next")
    assert "is waiting in" in again.stdout and mine.read_text() == first.stub_path.read_text()

    status = json.loads(invoke("status", "--format", "json").stdout)
    assert status["overall"]["passed"] == 0 and status["next"] == first.id
    assert status["workspace"] == str(tmp_path / "solutions")

    mine.write_text("# my attempt\n")
    status = json.loads(invoke("status", "--format", "json").stdout)
    assert {k["id"]: k["status"] for k in status["katas"]}[first.id] == "in_progress"
    assert status["next"] != first.id
    shown = invoke("status").stdout
    assert "In progress (1)" in shown and f"dlkata check {first.id}" in shown

    reset = invoke("reset", first.id)
    assert reset.exit_code == 0 and "backed up" in reset.stdout
    assert mine.read_text() == first.stub_path.read_text()
    (backup,) = (tmp_path / "solutions" / ".dlkata" / "backups").iterdir()
    assert backup.read_text() == "# my attempt\n"


def test_a_passed_kata_counts_in_status_until_it_is_reset(tmp_path: Path) -> None:
    (tmp_path / "workspace").mkdir()
    (tmp_path / "workspace" / "linear.py").write_text(CORRECT_LINEAR)
    assert invoke("check", "linear").exit_code == 0
    status = json.loads(invoke("status", "--format", "json").stdout)
    assert status["overall"]["passed"] == 1
    layers = next(t for t in status["topics"] if t["topic"] == get_kata("linear").topic)
    assert layers["passed"] == 1
    assert invoke("reset", "linear").exit_code == 0
    status = json.loads(invoke("status", "--format", "json").stdout)
    assert status["overall"]["passed"] == 0


# --- watch -----------------------------------------------------------------------------------


def test_watch_runs_once_per_burst_of_saves_and_ignores_saves_during_a_run(
    tmp_path: Path,
) -> None:
    first, second = tmp_path / "a.py", tmp_path / "b.py"
    first.write_text("a")
    runs: list[list[str]] = []

    def save_three_times() -> None:
        time.sleep(0.3)
        for n in range(3):
            second.write_text("b" * (n + 1))
            time.sleep(0.05)

    def run(changed: list[Path]) -> None:
        runs.append([p.name for p in changed])
        if len(runs) == 1:
            first.write_text("changed while grading")  # ignored: it happened during the run
            threading.Thread(target=save_three_times).start()
        else:
            raise KeyboardInterrupt

    watch(lambda: [first, second], run, initial=[first], debounce=0.2, poll=0.02)
    assert runs == [["a.py"], ["b.py"]]


def read_lines(stream, lines: queue.Queue[str]) -> None:
    for line in stream:
        lines.put(line)


def wait_for(lines: queue.Queue[str], text: str, seen: list[str], timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            line = lines.get(timeout=0.1)
        except queue.Empty:
            continue
        seen.append(line)
        if text in line:
            return
    raise AssertionError(f"{text!r} never came:\n{''.join(seen)}")


def test_watch_grades_again_on_save_and_stops_on_ctrl_c(tmp_path: Path) -> None:
    solution = tmp_path / "workspace" / "linear.py"
    solution.parent.mkdir()
    solution.write_text(WRONG_LINEAR)
    process = subprocess.Popen(
        [str(BIN / "dlkata"), "watch", "linear"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=subprocess_env(),
    )
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=read_lines, args=(process.stdout, lines), daemon=True).start()
    seen: list[str] = []
    try:
        wait_for(lines, "✗ failed", seen)
        wait_for(lines, "Watching linear.py", seen)
        solution.write_text(CORRECT_LINEAR)
        wait_for(lines, "✓ passed", seen)
        wait_for(lines, "Watching linear.py", seen)
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=20) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    wait_for(lines, "Stopped watching.", seen, timeout=5)
    assert sum("Traceback" in line for line in seen) == 0


def test_watch_needs_the_file(tmp_path: Path) -> None:
    result = invoke("watch", "linear")
    assert result.exit_code == 2 and "dlkata new linear" in result.stderr


# --- the notebook API ------------------------------------------------------------------------

SCALE = 1.0


def _shapes_agree(x: np.ndarray, w: np.ndarray, b: np.ndarray) -> None:
    if x.ndim != 2 or w.ndim != 2 or x.shape[1] != w.shape[1] or b.shape != (w.shape[0],):
        raise ValueError("shapes do not match")


def linear_forward(x, w, b):  # as a learner writes it in a cell
    _shapes_agree(x, w, b)
    return x @ w.T + SCALE * b, (x, w)


def linear_backward(dout, cache):
    x, w = cache
    if dout.shape != (x.shape[0], w.shape[0]):
        raise ValueError("dout must have the shape of the output")
    return dout @ w, dout.T @ x, np.sum(dout, axis=0)


def test_module_source_brings_imports_constants_and_helpers() -> None:
    source = module_source([linear_forward, linear_backward])
    assert source.startswith("import numpy as np\nSCALE = 1.0\n")
    assert source.index("def _shapes_agree") < source.index("def linear_forward")
    assert source.index("def linear_forward") < source.index("def linear_backward")
    compile(source, "linear.py", "exec")
    with pytest.raises(TypeError, match="not a function"):
        module_source([len])


def test_notebook_grades_functions_and_files(tmp_path: Path) -> None:
    report = check("linear", linear_forward, linear_backward)
    assert isinstance(report, Report) and report.passed
    assert report.to_dict()["katas"][0]["status"] == "passed"
    assert report.results[0].passed == len(report.results[0].tests)
    html = report._repr_html_()
    assert html.startswith("<pre") and "linear" in html and "color" in html
    assert "passed" in repr(report) and "\x1b[" not in repr(report)

    wrong = tmp_path / "wrong.py"
    wrong.write_text(WRONG_LINEAR)
    failed = check("linear", wrong)
    assert not failed.passed
    assert failed.results[0].failures[0].function == "linear_backward"
    assert "gradient db" in failed._repr_html_()


# --- the GitHub workflow, run in a fork-like repository --------------------------------------


def run_workflow_check(repo: Path) -> tuple[int, str, str, Path]:
    """Run the workflow's grading step as GitHub Actions would: exit code, log, job summary and
    the JUnit file."""
    step = workflow_steps(repo)["Grade the katas"]["run"]
    summary = repo.parent / "step-summary.md"
    summary.write_text("")
    done = subprocess.run(
        ["bash", "-c", step],
        cwd=repo,
        capture_output=True,
        text=True,
        env=subprocess_env(
            CI="true",
            GITHUB_ACTIONS="true",
            GITHUB_WORKSPACE=str(repo),
            GITHUB_STEP_SUMMARY=str(summary),
        ),
    )
    (junit,) = shlex.split(step)[-1:]
    return done.returncode, done.stdout + done.stderr, summary.read_text(), repo / junit


def test_the_workflow_grades_a_fork(tmp_path: Path) -> None:
    repo = fork(tmp_path / "fork")
    assert invoke("init", str(repo)).exit_code == 0
    (repo / "solutions" / "linear.py").write_text(WRONG_LINEAR)
    (repo / "solutions" / "relu.py").write_text(get_kata("relu").stub_path.read_text())

    code, log, summary, junit = run_workflow_check(repo)
    assert code == 1, log
    annotations = [line for line in log.splitlines() if line.startswith("::error ")]
    at = WRONG_LINEAR.splitlines().index("def linear_backward(dout, cache):") + 1
    assert annotations and all(
        line.startswith(f"::error file=solutions/linear.py,line={at},title=linear%3A ")
        for line in annotations
    ), log
    assert any("gradient db" in line for line in annotations)
    assert "\x1b[" not in "".join(annotations)

    assert summary.startswith("## dlkata: 0 of 1 graded katas passed")
    assert "| ✗ | `linear`" in summary and "`relu`" in summary and "<details>" in summary

    root = ET.parse(junit).getroot()
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert list(suites) == list(load_catalogue())
    linear = suites["linear"]
    failures = linear.findall("testcase/failure")
    assert int(linear.get("failures")) == len(failures) == len(annotations)
    assert int(linear.get("tests")) == len(linear.findall("testcase"))
    relu = suites["relu"]
    assert int(relu.get("skipped")) == len(relu.findall("testcase/skipped")) > 0
    assert int(root.get("failures")) == len(failures) and int(root.get("errors")) == 0

    (repo / "solutions" / "linear.py").write_text(CORRECT_LINEAR)
    code, log, summary, junit = run_workflow_check(repo)
    assert code == 0, log
    assert "::error" not in log
    assert summary.startswith("## dlkata: 1 of 1 graded katas passed")
    assert ET.parse(junit).getroot().get("failures") == "0"


def test_the_workflow_fails_when_a_required_kata_is_not_started(tmp_path: Path) -> None:
    repo = fork(tmp_path / "fork")
    assert invoke("init", str(repo), "--require", "linear", "--require", "relu").exit_code == 0
    (repo / "solutions" / "linear.py").write_text(CORRECT_LINEAR)
    code, log, summary, junit = run_workflow_check(repo)
    assert code == 1, log
    assert "::error title=relu%3A not started::relu is required but not started" in log
    assert "| · | `relu`" in summary and "required, but not started" in summary
    relu = ET.parse(junit).getroot().find("testsuite[@name='relu']")
    assert relu.get("failures") == "1" and relu.find("testcase/failure") is not None
