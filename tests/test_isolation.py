"""The untrusted boundary, proved: hostile and broken solutions never fool, hang or crash dlkata.

Each file in `tests/hostile/` is graded through the real CLI in a subprocess. Its header says what
must happen:

    # expect(<status>): <what the file does>
    # says: <text the report must contain (a kata error or a failing test's message)>
    # options: <extra `dlkata check` options>            (optional)
    # requires: <sandbox layer the defence relies on>    (optional: seccomp, landlock)

The report is searched in what the grader wrote, never in what the learner's code printed.
"""

from __future__ import annotations

import io
import json
import os
import platform
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from dlkata.bundle import bundle
from dlkata.catalogue import get_kata
from dlkata.grading import GradeRequest, grade
from dlkata.limits import Limits
from dlkata.render.github import render_github_log
from dlkata.render.text import Verbosity
from dlkata.results import KataResult
from tests.support import ROOT, SOLUTIONS_DIR

HOSTILE_DIR = Path(__file__).resolve().parent / "hostile"
HOSTILE = sorted(p for p in HOSTILE_DIR.glob("*.py") if not p.name.startswith("_"))
EXPECT = re.compile(r"# expect\((passed|failed|error|not_started)\): (.+)")
GOOD_RELU = SOLUTIONS_DIR / "relu" / "correct_mask_multiply.py"
# Every hostile file's verdicts are also rendered for GitHub from its JSON report, in this process;
# these files, which aim at the output itself, are graded a second time with `--format github`.
ATTACKS_THE_OUTPUT = frozenset(
    {
        "fake_report",
        "forge_channel",
        "forge_ready",
        "forge_result",
        "huge_list_result",
        "print_flood",
        "stack_frames",
        "wrong_return_type",
    }
)


@dataclass(frozen=True)
class Expectation:
    status: str
    what: str
    says: str
    options: tuple[str, ...] = ()
    requires: tuple[str, ...] = ()


@cache
def one_file(path: Path) -> Path:
    """A hostile file with its `_correct` import embedded: the grader reads only the one file."""
    return bundle(path, Path(tempfile.mkdtemp(prefix="dlkata-hostile-")) / path.stem)


def expectation(path: Path) -> Expectation:
    lines = path.read_text(encoding="utf-8").splitlines()
    first = EXPECT.fullmatch(lines[0].strip())
    assert first, f"{path.name}: line 1 must be '# expect(<status>): <what it does>'"
    assert lines[1].startswith("# says: "), f"{path.name}: line 2 must be '# says: <text>'"
    header = {}
    for line in lines[2:]:
        key, _, value = line.removeprefix("# ").partition(": ")
        if not line.startswith("# ") or key not in ("options", "requires"):
            break
        header[key] = tuple(value.split())
    return Expectation(
        first.group(1), first.group(2), lines[1].removeprefix("# says: ").strip(), **header
    )


def run_check(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """`dlkata check ...` in a subprocess, as a learner runs it (not in CI's lenient mode)."""
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "DLKATA_WORKSPACE")}
    return subprocess.run(
        [sys.executable, "-m", "dlkata", "check", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        cwd=ROOT,
    )


def only_document(result: subprocess.CompletedProcess[str]) -> dict[str, Any]:
    """The one JSON document on stdout; anything before or after it fails the test."""
    decoder = json.JSONDecoder()
    text = result.stdout.strip()
    assert text.startswith("{"), f"no report on stdout:\n{text[:500]}\nstderr:\n{result.stderr}"
    document, end = decoder.raw_decode(text)
    assert not text[end:].strip(), f"more than one document on stdout:\n{text[end:][:500]}"
    return document


def reported(kata: dict[str, Any]) -> str:
    """Everything the grader said about a kata, but not what the learner's code printed."""
    parts = [json.dumps(kata["error"])] if kata.get("error") else []
    parts += [t["message"] for t in kata["tests"] if t["status"] != "passed"]
    return "\n".join(parts)


@cache
def sandbox_layers() -> frozenset[str]:
    """The kernel-enforced layers this machine supports, installed in a throwaway process."""
    code = "import json; from dlkata.worker import sandbox; print(json.dumps(sandbox.install([])))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    return frozenset(json.loads(result.stdout)) if result.returncode == 0 else frozenset()


@pytest.mark.parametrize("path", HOSTILE, ids=lambda p: p.stem)
def test_hostile_solution_is_caught(path: Path) -> None:
    expected = expectation(path)
    missing = set(expected.requires) - sandbox_layers()
    if missing:
        pytest.skip(f"this system has no {', '.join(sorted(missing))} layer")
    started = time.monotonic()
    result = run_check(
        "linear", "--file", str(one_file(path)), "--format", "json", *expected.options
    )
    elapsed = time.monotonic() - started
    assert result.returncode == 1, f"{expected.what}: exit {result.returncode}\n{result.stderr}"
    (kata,) = only_document(result)["katas"]
    said = reported(kata)
    assert kata["status"] == expected.status, f"{expected.what}: {kata['status']}\n{said}"
    assert expected.says in said, (
        f"{expected.what}: the report does not say {expected.says!r}:\n{said}"
    )
    assert len(kata["output"]) < 16_384, "captured output must be cut to a few KB"
    assert elapsed < 60, f"{expected.what}: grading took {elapsed:.0f} s"
    assert _grader_files() == GRADER_FILES, f"{expected.what}: a grader file changed"
    assert_no_command_escapes(github_log(KataResult.from_dict(kata)))
    if path.stem in ATTACKS_THE_OUTPUT:
        annotations = run_check(
            "linear", "--file", str(one_file(path)), "--format", "github", *expected.options
        )
        assert annotations.returncode == 1 and "Traceback" not in annotations.stderr
        assert_no_command_escapes(annotations.stdout)


def github_log(result: KataResult) -> str:
    """What `--format github` prints for these verdicts, rendered in this process."""
    stream = io.StringIO()
    console = Console(file=stream, highlight=False, force_terminal=False, color_system=None)
    render_github_log([result], console, ROOT, verbosity=Verbosity.NORMAL)
    return stream.getvalue()


def assert_no_command_escapes(stdout: str) -> None:
    """GitHub output: the readable report fenced by a one-time stop-commands token, then only
    dlkata's own `::error` annotations, and no control character anywhere."""
    lines = stdout.splitlines()
    fence = re.fullmatch(r"::stop-commands::([0-9a-f]{32})", lines[0])
    assert fence, lines[:3]
    end = lines.index(f"::{fence.group(1)}::")
    after = [line for line in lines[end + 1 :] if line.strip()]
    assert after and all(line.startswith("::error ") for line in after), after[:5]
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f]", stdout)


def _grader_files() -> dict[str, tuple[int, float, list[str]]]:
    """Mode, modification time and extended attributes of the files a solution must not touch."""
    paths = [  # files only: the judge itself may write a __pycache__ folder beside the tests
        *sorted(p for p in (ROOT / "katas" / "linear").iterdir() if p.is_file()),
        ROOT / "reference" / "linear.py",
        *sorted(HOSTILE_DIR.glob("*.py")),
    ]
    return {str(p): (p.stat().st_mode, p.stat().st_mtime, os.listxattr(p)) for p in paths}


GRADER_FILES = _grader_files()


def test_every_hostile_file_has_a_header() -> None:
    assert len(HOSTILE) >= 30
    assert ATTACKS_THE_OUTPUT <= {path.stem for path in HOSTILE}
    for path in HOSTILE:
        expectation(path)


def test_captured_output_is_bounded_with_a_note() -> None:
    """About 3 MB printed while the file is imported: the report keeps its first and last few
    KB and says what was cut; what each test printed is its own, and bounded too."""
    result = run_check(
        "linear", "--file", str(one_file(HOSTILE_DIR / "print_megabytes.py")), "--format", "json"
    )
    (kata,) = only_document(result)["katas"]
    output = kata["output"]
    assert output.startswith("START OF OUTPUT"), output[:200]
    assert output.rstrip().endswith("line  29999 " + "x" * 90), output[-200:]
    cut = re.search(r"\.\.\. \[(\d+) bytes of output cut\] \.\.\.", output)
    assert cut and int(cut.group(1)) > 2_000_000, output[4000:4300]
    assert len(output) < 16_384
    forward = [t["output"] for t in kata["tests"] if t["name"].startswith("test_forward")]
    assert forward and all(o.rstrip().endswith("END OF OUTPUT") for o in forward)
    assert all(len(t["output"]) < 4096 for t in kata["tests"])
    assert len(result.stdout) < 200_000


def _workspace(tmp_path: Path, files: dict[str, Path]) -> Path:
    folder = tmp_path / "workspace"
    folder.mkdir()
    for kata_id, source in files.items():
        shutil.copy(one_file(source), folder / f"{kata_id}.py")
    return folder


def test_check_all_grades_the_good_kata_beside_broken_ones(tmp_path: Path) -> None:
    """A crashing kata and a kata that does not even parse leave a good kata's verdict alone."""
    folder = _workspace(
        tmp_path,
        {
            "linear": HOSTILE_DIR / "segfault.py",
            "sigmoid": HOSTILE_DIR / "syntax_error.py",
            "relu": GOOD_RELU,
        },
    )
    result = run_check("--all", "--dir", str(folder), "--format", "json")
    assert result.returncode == 1, result.stderr
    statuses = {k["id"]: k["status"] for k in only_document(result)["katas"]}
    graded = {kata_id: statuses.get(kata_id) for kata_id in ("linear", "relu", "sigmoid")}
    assert graded == {"linear": "failed", "relu": "passed", "sigmoid": "error"}
    state = json.loads((folder / ".dlkata" / "state.json").read_text())
    assert state["progress"]["relu"]["status"] == "passed"


def test_a_hung_kata_does_not_delay_the_others(tmp_path: Path) -> None:
    """Every call of `linear` hangs: it is stopped at its own limit while `relu` passes."""
    folder = _workspace(tmp_path, {"linear": HOSTILE_DIR / "infinite_loop.py", "relu": GOOD_RELU})
    started = time.monotonic()
    result = run_check(
        "--all", "--dir", str(folder), "--format", "json", "--timeout", "1", "--kata-timeout", "3"
    )
    elapsed = time.monotonic() - started
    katas = {k["id"]: k for k in only_document(result)["katas"]}
    assert katas["relu"]["status"] == "passed"
    assert katas["linear"]["status"] == "failed"
    assert "did not return within 1 s" in reported(katas["linear"])
    assert elapsed < 3 + 15, f"check --all took {elapsed:.0f} s with a 3 s kata limit"


def test_a_slow_kata_does_not_use_up_the_next_katas_time() -> None:
    """Katas graded one after another by the same judge each get their full time limit."""
    limits = Limits(call_timeout=1.0, kata_timeout=3.0)
    hung = GradeRequest(get_kata("linear"), one_file(HOSTILE_DIR / "infinite_loop.py"))
    good = GradeRequest(get_kata("relu"), GOOD_RELU)
    slow, fine = grade([hung, good], limits, jobs=1)
    assert slow.status.value == "failed"
    assert fine.status.value == "passed", [t.message for t in fine.failures]


def test_the_kernel_layers_hold_when_the_audit_hook_is_switched_off() -> None:
    """`disable_audit_hook.py` unhooks the audit hook by writing its own process's memory, then
    tries to read the reference: Landlock refuses the read, so the file fails on its values."""
    if "landlock" not in sandbox_layers():
        pytest.skip("this system has no Landlock layer")
    result = run_check(
        "linear", "--file", str(one_file(HOSTILE_DIR / "disable_audit_hook.py")), "--format", "json"
    )
    (kata,) = only_document(result)["katas"]
    assert kata["status"] == "failed"
    if "'hook disabled': True" not in kata["output"]:
        pytest.skip(f"the memory-writing attack does not work on this Python: {kata['output']}")
    assert "'reference read': 'refused by the kernel" in kata["output"], kata["output"]


def test_a_judge_that_dies_does_not_take_its_other_katas_down(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Katas that shared a judge which died are graded again, each on its own."""
    from dlkata import grading

    original = grading.Judge.submit

    def dying_when_shared(judge: grading.Judge, group: list[GradeRequest], *args: Any) -> None:
        original(judge, group, *args)
        if len(group) > 1:
            judge.process.kill()  # as if a kata had brought its judge down

    monkeypatch.setattr(grading.Judge, "submit", dying_when_shared)
    requests = [
        GradeRequest(get_kata("linear"), SOLUTIONS_DIR / "linear" / "correct_einsum.py"),
        GradeRequest(get_kata("relu"), GOOD_RELU),
    ]
    assert [r.status.value for r in grade(requests, jobs=1)] == ["passed", "passed"]

    monkeypatch.setattr(
        grading.Judge,
        "submit",
        lambda judge, group, *a: dying_when_shared(judge, group * 2, *a),
    )
    (alone,) = grade(requests[:1], jobs=1)
    assert alone.status.value == "error"
    assert "killed by signal SIGKILL" in alone.error["message"]


def test_fake_output_does_not_change_the_text_report_or_exit_code() -> None:
    result = run_check("linear", "--file", str(one_file(HOSTILE_DIR / "fake_report.py")))
    assert result.returncode == 1, result.stderr
    assert "failed" in result.stdout


def test_sandbox_layers_on_linux() -> None:
    """On Linux x86-64 and arm64 with seccomp, the learner's process runs under the filter."""
    if not sys.platform.startswith("linux") or platform.machine() not in ("x86_64", "aarch64"):
        pytest.skip("the seccomp filter is written for Linux on x86-64 and arm64")
    if "Seccomp:" not in Path("/proc/self/status").read_text():
        pytest.skip("this kernel has no seccomp")
    assert "seccomp" in sandbox_layers()


def test_reads_are_an_allow_list(tmp_path: Path) -> None:
    """The learner's process may read the standard library, NumPy, shared libraries and its own
    file: not dlkata, not the repository, not a site-packages folder, not the learner's folder."""
    import numpy

    from dlkata.worker.sandbox import readable_paths

    own = tmp_path / "linear.py"
    folders, files = readable_paths([str(own)])
    assert str(own.resolve()) in files

    def readable(path: Path) -> bool:
        real = str(path.resolve())
        return real in files or any(real == f or real.startswith(f + "/") for f in folders)

    assert readable(Path(json.__file__)) and readable(Path(numpy.__file__))
    for path in (
        ROOT / "dlkata" / "cli.py",
        ROOT / "tests" / "solutions",
        ROOT / ".git",
        ROOT / "reference" / "linear.py",
        tmp_path / "other.py",
        Path(pytest.__file__),
    ):
        assert not readable(path), path
    assert not any(Path(f).name in ("site-packages", "dist-packages") for f in folders)


SANDBOXED = """
import json, os, signal, sys, threading
from dlkata.worker import sandbox
layers = sandbox.install([])
threading.Thread(target=lambda: None).start()
signal.signal(signal.SIGUSR1, lambda *a: None)
signal.raise_signal(signal.SIGUSR1)
open(os.devnull, "w").write("fine")
result = {"layers": layers, "stdlib": len(open(json.__file__).read()) > 0}
try:
    open(sys.argv[2]).read()
    result["sibling"] = "read"
except PermissionError:
    result["sibling"] = "refused"
try:
    open(os.path.join(sys.argv[1], "secret.txt")).read()
    result["secret"] = "read"
except PermissionError:
    result["secret"] = "refused"
try:
    open(sys.argv[2], "a").write("x")
    result["write"] = "written"
except PermissionError:
    result["write"] = "refused"
print(json.dumps(result), flush=True)
getattr(os, sys.argv[3])(*json.loads(sys.argv[4]))
print("survived", flush=True)
"""


@pytest.mark.parametrize(
    ("call", "args"),
    [("fork", []), ("kill", ["PARENT", 0]), ("pidfd_open", ["PARENT"]), ("getpid", [])],
)
def test_the_sandbox_allows_what_solutions_need_and_kills_the_rest(
    tmp_path: Path, call: str, args: list[Any]
) -> None:
    layers = sandbox_layers()
    if not {"seccomp", "landlock"} <= layers:
        pytest.skip(f"this system has only {sorted(layers)}")
    protected = tmp_path / "katas"
    protected.mkdir()
    (protected / "secret.txt").write_text("the hidden tests")
    sibling = tmp_path / "notes.txt"
    sibling.write_text("readable")
    args = [os.getpid() if a == "PARENT" else a for a in args]
    result = subprocess.run(
        [sys.executable, "-c", SANDBOXED, str(protected), str(sibling), call, json.dumps(args)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    first, *rest = result.stdout.splitlines()
    assert json.loads(first) == {
        "layers": ["die-with-judge", "landlock", "seccomp"],
        "stdlib": True,
        "sibling": "refused",
        "secret": "refused",
        "write": "refused",
    }
    if call == "getpid":
        assert (result.returncode, rest) == (0, ["survived"])
    else:
        assert result.returncode == -signal.SIGSYS and not rest, (result.returncode, result.stderr)


def test_the_guards_own_realpath_agrees_with_os_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The audit hook resolves paths itself (os.path can be patched by the learner's file)."""
    from dlkata.worker.guard import _make_realpath

    realpath = _make_realpath()
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "file.py").write_text("")
    (tmp_path / "up").symlink_to("a/b/..")
    (tmp_path / "abs").symlink_to(tmp_path / "a" / "b")
    (tmp_path / "chain").symlink_to("abs")
    (tmp_path / "loop").symlink_to("loop")
    monkeypatch.chdir(tmp_path / "a")
    cases = [
        "b/file.py",
        "./b/../b//file.py",
        "../up/b/file.py",
        str(tmp_path / "chain" / "file.py"),
        "../abs/missing/../file.py",
        "../missing/deeper",
        "/",
        "//",
        "/proc/self/fd/0",
        str(tmp_path / "abs") + "/",
        "..",
        "../../..",
    ]
    for case in cases:
        assert realpath(case) == os.path.realpath(case), case
    assert realpath(str(tmp_path / "loop" / "x")).startswith(str(tmp_path.resolve()))


def test_the_judge_ignores_the_learners_folder_and_pytest_variables(tmp_path: Path) -> None:
    """A `pytest.py`, `yaml.py` and `pytest.ini` beside the learner's file, and PYTEST_ADDOPTS /
    PYTEST_PLUGINS in the environment, change nothing: the judge starts isolated."""
    shutil.copy(SOLUTIONS_DIR / "relu" / "correct_mask_multiply.py", tmp_path / "relu.py")
    for name in ("pytest.py", "yaml.py", "numpy.py"):
        (tmp_path / name).write_text("raise SystemExit('the judge imported this')\n")
    (tmp_path / "pytest.ini").write_text("[pytest]\naddopts = --collect-only\n")
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "DLKATA_WORKSPACE")}
    env |= {"PYTEST_ADDOPTS": "--collect-only -x", "PYTEST_PLUGINS": "no_such_plugin"}
    result = subprocess.run(
        [
            str(Path(sys.executable).parent / "dlkata"),
            "check",
            "relu",
            "--file",
            "relu.py",
            "--format",
            "json",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=tmp_path,
    )
    (kata,) = only_document(result)["katas"]
    assert (result.returncode, kata["status"]) == (0, "passed"), result.stderr


LASTING = """
import fcntl, json, os, sys
from dlkata.worker import sandbox
target, victim, call = sys.argv[1], int(sys.argv[2]), sys.argv[3]
layers = sandbox.install([])
print(json.dumps(layers), flush=True)
if call == "chmod":
    os.chmod(target, 0o777)
elif call == "utime":
    os.utime(target, (0, 0))
elif call == "setxattr":
    os.setxattr(target, "user.dlkata", b"1")
elif call == "setpriority":
    os.setpriority(os.PRIO_PROCESS, victim, 19)
elif call == "sched_setaffinity":
    os.sched_setaffinity(victim, {0})
elif call == "fcntl_setown":
    read_end, _ = os.pipe()
    fcntl.fcntl(read_end, fcntl.F_SETOWN, victim)
elif call == "setsid":
    os.setsid()
print("survived", flush=True)
"""


@pytest.mark.parametrize(
    "call",
    ["chmod", "utime", "setxattr", "setpriority", "sched_setaffinity", "fcntl_setown", "setsid"],
)
def test_the_kernel_refuses_lasting_effects(tmp_path: Path, call: str) -> None:
    """File metadata and other processes' priority, affinity and signals are out of reach: the
    call kills the learner's process (SIGSYS), and the file and the other process are as before.
    The audit hook is not installed here, so this is the kernel's filter alone."""
    if platform.machine() != "x86_64" or "seccomp" not in sandbox_layers():
        pytest.skip("the filter for these calls is written for Linux on x86-64")
    target = tmp_path / "hidden.txt"
    target.write_text("hidden")
    target.chmod(0o640)
    os.utime(target, (1_000_000_000, 1_000_000_000))
    before = target.stat()
    victim = subprocess.Popen(["sleep", "30"])
    nice_before = os.getpriority(os.PRIO_PROCESS, victim.pid)
    try:
        result = subprocess.run(
            [sys.executable, "-c", LASTING, str(target), str(victim.pid), call],
            capture_output=True, text=True, cwd=ROOT, timeout=60,
        )  # fmt: skip
        assert result.returncode == -signal.SIGSYS, (result.returncode, result.stdout)
        assert "survived" not in result.stdout
        after = target.stat()
        assert (after.st_mode, after.st_mtime, after.st_atime) == (
            before.st_mode, before.st_mtime, before.st_atime,
        )  # fmt: skip
        assert os.listxattr(target) == []
        assert victim.poll() is None, "the other process must still run"
        assert os.getpriority(os.PRIO_PROCESS, victim.pid) == nice_before
        assert os.sched_getaffinity(victim.pid) == os.sched_getaffinity(0)
    finally:
        victim.kill()
        victim.wait()


def test_a_write_to_a_reader_that_stopped_reading_times_out() -> None:
    """The judge never blocks on a full pipe: a send with a deadline raises ChannelTimeout."""
    from dlkata.worker.wire import Channel, ChannelTimeout

    read_end, write_end = os.pipe()
    try:
        started = time.monotonic()
        with pytest.raises(ChannelTimeout):
            Channel(read_end, write_end).send({"op": "call"}, [b"x" * 4_000_000], timeout=0.5)
        assert time.monotonic() - started < 3
    finally:
        os.close(read_end)
        os.close(write_end)


def test_a_missing_kernel_layer_is_said_once() -> None:
    from dlkata.checking import sandbox_warnings
    from dlkata.results import KataResult, Status

    def graded(layers: list[str] | None) -> KataResult:
        return KataResult("linear", "Linear", Status.PASSED, "linear.py", sandbox=layers)

    assert sandbox_warnings([graded(["die-with-judge", "landlock", "seccomp"])]) == []
    assert sandbox_warnings([graded(None)]) == []
    (warning,) = sandbox_warnings([graded(["die-with-judge"]), graded(["seccomp"])])
    assert "no landlock or seccomp" in warning and "What the sandbox guarantees" in warning
