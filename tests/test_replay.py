"""Failures a learner can reproduce (issue 13): a local check saves each failing call in
`.dlkata/failures/`, `dlkata replay` runs it again on the current file, `dlkata try` runs the
learner's own inputs beside the reference, and printed output is shown with its test."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from dlkata.bundle import bundled_source
from dlkata.catalogue import get_kata
from dlkata.failure_cases import load_case, save_cases
from dlkata.judge.cases import CASE_BYTES, Budget, Case, to_payload
from dlkata.results import KataResult, Status
from dlkata.results import TestResult as Outcome
from dlkata.workspace import Workspace
from tests.cli_support import BIN, CORRECT_LINEAR, invoke, isolate, subprocess_env
from tests.support import REFERENCE_DIR, ROOT

SOLUTIONS = Path(__file__).parent / "solutions"
CASES = Path("workspace/.dlkata/failures")


def learner_file(kata: str, solution: str) -> Path:
    """The project's solution `solution` of `kata`, as the learner's file in ./workspace."""
    folder = Path("workspace")
    folder.mkdir(exist_ok=True)
    path = folder / f"{kata}.py"
    path.write_text(bundled_source(SOLUTIONS / kata / f"{solution}.py"), encoding="utf-8")
    return path


def reference(kata: str) -> Any:
    import importlib.util

    spec = importlib.util.spec_from_file_location(f"ref_{kata}", get_kata(kata).reference_path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def report(*args: str) -> dict[str, Any]:
    result = invoke("check", *args, "--format", "json")
    return json.loads(result.stdout)


def failed_tests(document: dict[str, Any]) -> list[dict[str, Any]]:
    return [t for t in document["katas"][0]["tests"] if t["status"] == "failed"]


@pytest.fixture
def here(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    return isolate(monkeypatch, tmp_path)


def test_a_local_check_saves_the_failing_call_and_the_report_says_how_to_replay_it(
    here: Path,
) -> None:
    learner_file("conv2d", "wrong_flipped_kernel")
    stale = CASES / "conv2d"
    stale.mkdir(parents=True)
    (stale / "99.npz").write_bytes(b"an old case")
    result = invoke("check", "conv2d")
    assert result.exit_code == 1
    assert "replay    dlkata replay conv2d 1" in result.stdout
    assert 'case = load_case("conv2d", 1)' in result.stdout
    assert "got = conv2d.conv2d_forward(*case.args, **case.kwargs)" in result.stdout
    assert not (stale / "99.npz").exists()  # the folder belongs to the latest check only
    with np.load(stale / "1.npz", allow_pickle=False) as data:
        arrays = {name: data[name] for name in data.files}
    structure = json.loads(str(arrays.pop("__case__")))
    assert structure["function"] == "conv2d_forward"
    assert {"x", "w", "b", "expected_out"} <= set(arrays)
    # the expected values are the reference's on exactly the saved inputs
    out, _cache = reference("conv2d").conv2d_forward(
        arrays["x"], arrays["w"], arrays["b"], **structure["kwargs"]
    )
    np.testing.assert_array_equal(arrays["expected_out"], out)


def test_each_failing_call_is_numbered_and_bounded_in_the_json_report(here: Path) -> None:
    learner_file("conv2d", "wrong_flipped_kernel")
    failures = failed_tests(report("conv2d"))
    saved = [t["replay"] for t in failures if t["replay"] and "case" in t["replay"]]
    assert [r["case"] for r in saved] == list(range(1, len(saved) + 1))
    assert len(saved) == 20  # at most 20 a kata: the rest say why they were not saved
    unsaved = [t["replay"] for t in failures if t["replay"] and "unsaved" in t["replay"]]
    assert unsaved and all(r["unsaved"] == "too_many" for r in unsaved)
    assert sorted(p.name for p in (CASES / "conv2d").iterdir()) == sorted(
        f"{n}.npz" for n in range(1, 21)
    )
    # a numerical gradient check has no expected values to save
    numerical = [t for t in failures if t["kind"] == "gradient"]
    assert numerical and all(t["replay"] is None for t in numerical)


@pytest.mark.parametrize(
    ("args", "env"),
    [
        (("--format", "github"), {}),
        (("--format", "junit"), {}),
        (("--format", "markdown"), {}),
        (("--junit", "report.xml"), {}),
        ((), {"CI": "true"}),
        (("--format", "json"), {"CI": "true"}),
    ],
)
def test_nothing_is_saved_nor_shown_in_ci(
    here: Path, args: tuple[str, ...], env: dict[str, str]
) -> None:
    learner_file("conv2d", "wrong_flipped_kernel")
    result = invoke("check", "conv2d", *args, env=env)
    assert result.exit_code == 1
    assert not CASES.exists()
    assert "dlkata replay" not in result.stdout and "load_case" not in result.stdout
    if "json" in args:
        assert all(t["replay"] is None for t in json.loads(result.stdout)["katas"][0]["tests"])


def test_grading_a_file_outside_a_workspace_writes_nothing(here: Path) -> None:
    path = here / "elsewhere" / "conv2d.py"
    path.parent.mkdir()
    path.write_text(bundled_source(SOLUTIONS / "conv2d" / "wrong_flipped_kernel.py"))
    result = invoke("check", "conv2d", "--file", str(path), "--format", "json")
    assert result.exit_code == 1
    assert not Path("workspace").exists()
    tests = json.loads(result.stdout)["katas"][0]["tests"]
    assert all(t["replay"] is None and "case" not in t for t in tests)


def test_a_workspace_that_cannot_be_written_gets_a_warning_not_a_crash(here: Path) -> None:
    learner_file("conv2d", "wrong_flipped_kernel")
    CASES.parent.mkdir(parents=True)
    CASES.write_text("a file where the failures folder should be")
    result = invoke("check", "conv2d", "--format", "json")
    assert result.exit_code == 1
    assert "The failing calls were not saved for `dlkata replay`." in result.stderr
    tests = json.loads(result.stdout)["katas"][0]["tests"]
    assert all(t["replay"] is None and "case" not in t for t in tests)


def test_replay_shows_the_same_diff_until_the_file_is_fixed(here: Path) -> None:
    learner_file("conv2d", "wrong_flipped_kernel")
    first = failed_tests(report("conv2d"))[0]
    assert first["replay"]["case"] == 1
    result = invoke("replay", "conv2d", "1")
    assert result.exit_code == 1
    assert "conv2d case 1 · conv2d_forward" in result.stdout
    assert "✗ differs from the expected result" in result.stdout
    assert first["message"] in result.stdout  # the very diff the report showed
    assert "yours     out: array of shape" in result.stdout
    assert "expected  out: array of shape" in result.stdout
    learner_file("conv2d", "correct_vectorised")
    fixed = invoke("replay", "conv2d", "1")
    assert fixed.exit_code == 0
    assert "✓ matches the expected result" in fixed.stdout


def test_a_backward_case_runs_the_forward_pass_then_the_backward(here: Path) -> None:
    learner_file("conv2d", "wrong_db_batch_mean")
    failures = failed_tests(report("conv2d"))
    case = next(t for t in failures if t["replay"] and t["replay"].get("backward"))
    assert case["replay"]["function"] == "conv2d_forward"
    saved = load_case(Workspace(here / "workspace"), "conv2d", case["replay"]["case"])
    assert saved.backward == "conv2d_backward" and saved.outputs == ["dx", "dw", "db"]
    result = invoke("replay", "conv2d", str(case["replay"]["case"]))
    assert result.exit_code == 1
    assert "conv2d_backward after conv2d_forward" in result.stdout
    assert "`conv2d_backward`: db differs from the expected values" in result.stdout
    learner_file("conv2d", "correct_loops")
    assert invoke("replay", "conv2d", str(case["replay"]["case"])).exit_code == 0


def test_a_missing_case_or_kata_is_a_usage_error_that_lists_the_cases(here: Path) -> None:
    learner_file("linear", "wrong_db_mean")
    invoke("check", "linear")
    numbers = sorted(int(p.stem) for p in (CASES / "linear").glob("*.npz"))
    missing = invoke("replay", "linear", "42")
    assert missing.exit_code == 2
    assert (
        f"linear has no case 42; the saved cases are {', '.join(map(str, numbers))}."
        in missing.stderr
    )
    none = invoke("replay", "relu", "1")
    assert none.exit_code == 2
    assert "No failing call of relu is saved" in none.stderr
    unknown = invoke("replay", "linearr", "1")
    assert unknown.exit_code == 2 and "Did you mean linear" in unknown.stderr


def test_a_case_too_big_to_save_says_so(tmp_path: Path) -> None:
    from rich.console import Console

    from dlkata.render.text import render_text

    big = np.zeros(CASE_BYTES // 8 + 1)
    payload = to_payload(Case("relu_forward", (big,), {}, ["x"], big), "relu", Budget())
    assert payload == {"unsaved": "too_big", "size": 2 * big.nbytes}
    test = Outcome("test_x", Status.FAILED, function="relu_forward", case=payload)
    result = KataResult("relu", "ReLU", Status.FAILED, "relu.py", tests=[test])
    save_cases(Workspace(tmp_path), [result])
    assert not (tmp_path / ".dlkata" / "failures" / "relu").exists()
    assert test.case is None and test.replay == payload
    console = Console(record=True, width=200)
    render_text([result], console, panels=False)
    assert "replay    not saved: its arrays take 2.0 MB" in console.export_text()


HUGE_CALLS = """\
import numpy as np

from dlkata.judge import check_call


def test_huge(solution, reference):
    rng = np.random.default_rng(0)
    x, w = rng.standard_normal((3000, 100)), rng.standard_normal((4, 100))
    check_call(solution, reference, "linear_forward", x, w, np.zeros(4), outputs=("out",))


def test_small(solution, reference):
    rng = np.random.default_rng(1)
    x, w = rng.standard_normal((3, 2)), rng.standard_normal((4, 2))
    check_call(solution, reference, "linear_forward", x, w, np.zeros(4), outputs=("out",))
"""


def test_a_failing_call_with_huge_inputs_is_not_saved_and_the_report_says_so(
    here: Path,
) -> None:
    course = here / "course"
    shutil.copytree(ROOT / "katas" / "linear", course / "katas" / "linear")
    (course / "reference").mkdir()
    shutil.copy(REFERENCE_DIR / "linear.py", course / "reference" / "linear.py")
    (course / "katas" / "linear" / "test_linear.py").write_text(HUGE_CALLS, encoding="utf-8")
    (course / "dlkata.yaml").write_text("builtin: false\n", encoding="utf-8")  # its own linear
    Path("workspace").mkdir()
    Path("workspace/linear.py").write_text(CORRECT_LINEAR.replace("+ b, (x, w)", "+ b + 1, (x, w)"))
    env = subprocess_env(DLKATA_COURSE=str(course))
    command = [str(BIN / "dlkata"), "check", "linear"]
    document = json.loads(
        subprocess.run([*command, "--format", "json"], capture_output=True, env=env).stdout
    )
    tests = {t["name"]: t for t in document["katas"][0]["tests"]}
    assert tests["test_huge"]["replay"] == {
        "unsaved": "too_big",
        "size": 8 * (3000 * 100 + 4 * 100 + 4 + 3000 * 4),
    }
    assert tests["test_small"]["replay"]["case"] == 1
    assert [p.name for p in (CASES / "linear").iterdir()] == ["1.npz"]
    text = subprocess.run([*command, "-v"], capture_output=True, env=env, text=True).stdout
    assert "replay    not saved: its arrays take 2.4 MB, more than a saved case may hold" in text
    assert "replay    dlkata replay linear 1" in text


def test_a_generator_and_nested_arguments_are_rebuilt(tmp_path: Path) -> None:
    rng = np.random.default_rng(7)
    rng.standard_normal(3)  # a generator that has drawn already: its state, not its seed
    params = {"W1": np.ones((2, 2)), "b1": np.zeros(2), "layers": [np.eye(2), 3]}
    case = Case(
        "train_step", (params,), {"lr": 0.1, "rng": rng, "eps": float("inf")}, ["params"], 1.0
    )
    payload = to_payload(case, "mlp", Budget())
    test = Outcome("test_x", Status.FAILED, case=payload)
    workspace = Workspace(tmp_path)
    save_cases(workspace, [KataResult("mlp", "MLP", Status.FAILED, "mlp.py", tests=[test])])
    assert test.case is None and test.replay is not None and test.replay["case"] == 1
    saved = load_case(workspace, "mlp", 1)
    assert saved.args[0]["layers"][1] == 3
    np.testing.assert_array_equal(saved.args[0]["layers"][0], np.eye(2))
    assert saved.kwargs["eps"] == float("inf") and saved.kwargs["lr"] == 0.1
    assert saved.kwargs["rng"].standard_normal() == rng.standard_normal()
    assert saved.check(1.0) == "matches the expected result"
    assert "expected values" in saved.check(2.0)


def test_try_shows_the_reference_beside_the_learners_result(here: Path) -> None:
    learner_file("conv2d", "wrong_flipped_kernel")
    rng = np.random.default_rng(0)
    x, w = rng.standard_normal((1, 1, 4, 4)), rng.standard_normal((1, 1, 2, 2))
    np.savez("in.npz", x=x, w=w, b=np.zeros(1), stride=2)
    result = invoke("try", "conv2d", "conv2d_forward", "--args", "in.npz")
    assert result.exit_code == 1
    assert "conv2d, your inputs · conv2d_forward" in result.stdout
    assert "✗ differs from the reference" in result.stdout
    assert "stride: 2" in result.stdout
    assert "reference out: array of shape (1, 1, 2, 2)" in result.stdout
    assert "`conv2d_forward`: out differs from the expected values in" in result.stdout
    np.savez("pos.npz", arg0=x, arg1=w, arg2=np.zeros(1))
    learner_file("conv2d", "correct_vectorised")
    same = invoke("try", "conv2d", "conv2d_forward", "--args", "pos.npz")
    assert same.exit_code == 0 and "✓ matches the reference" in same.stdout


def test_try_names_what_is_wrong_with_the_call(here: Path) -> None:
    learner_file("conv2d", "correct_vectorised")
    np.savez("x_only.npz", x=np.ones((1, 1, 3, 3)))
    np.savez("extra.npz", x=np.ones((1, 1, 3, 3)), w=np.ones((1, 1, 2, 2)), b=np.zeros(1), k=1)
    unknown = invoke("try", "conv2d", "conv2d_fwd", "--args", "x_only.npz")
    assert unknown.exit_code == 2
    assert "conv2d has no function `conv2d_fwd`; its functions are conv2d_forward" in (
        unknown.stderr
    )
    missing = invoke("try", "conv2d", "conv2d_forward", "--args", "x_only.npz")
    assert missing.exit_code == 2
    assert "the file gives no w, b for `conv2d_forward(x, w, b, stride=1, padding=0)`" in (
        missing.stderr
    )
    extra = invoke("try", "conv2d", "conv2d_forward", "--args", "extra.npz")
    assert extra.exit_code == 2 and "has no parameter k." in extra.stderr
    absent = invoke("try", "conv2d", "conv2d_forward", "--args", "absent.npz")
    assert absent.exit_code == 2 and "absent.npz cannot be read as arguments" in absent.stderr
    helped = invoke("try", "--help")
    assert "Example: dlkata try conv2d conv2d_forward --args in.npz" in helped.stdout


def test_try_shows_where_the_learners_code_raised(here: Path) -> None:
    Path("workspace").mkdir()
    Path("workspace/linear.py").write_text(
        CORRECT_LINEAR.replace("return x @ w.T + b, (x, w)", "return x @ w + b, (x, w)")
    )
    np.savez("in.npz", x=np.ones((2, 3)), w=np.ones((4, 3)), b=np.zeros(4))
    result = invoke("try", "linear", "linear_forward", "--args", "in.npz")
    assert result.exit_code == 1
    assert "`linear_forward` raised ValueError" in result.stdout
    assert "at linear.py:7 in linear_forward: return x @ w + b, (x, w)" in result.stdout
    assert "reference out: array of shape (2, 4)" in result.stdout


PRINTING_LINEAR = CORRECT_LINEAR.replace(
    "import numpy as np\n", "import numpy as np\nprint('loading my linear')\n"
).replace(
    "    return x @ w.T + b, (x, w)",
    "    print('forward', x.shape)\n"
    "    if x.shape == (4, 3):\n"
    "        print('x' * 3_000_000)\n"
    "    return x @ w.T + b, (x, w)",
)


def test_printed_output_is_shown_with_the_test_that_printed_it(here: Path) -> None:
    Path("workspace").mkdir()
    Path("workspace/linear.py").write_text(PRINTING_LINEAR.replace("sum(axis=0)", "mean(axis=0)"))
    document = report("linear")
    kata = document["katas"][0]
    assert kata["output"] == "loading my linear\n"
    tests = {t["name"]: t for t in kata["tests"]}
    assert tests["test_forward[3-6-2]"]["output"].startswith("forward (3, 6)\n")
    assert "(4, 3)" not in tests["test_forward[3-6-2]"]["output"]
    # megabytes printed in one test: that test's output is cut, the next tests keep theirs
    huge = tests["test_forward[4-3-5]"]["output"]
    assert len(huge) < 3000 and "bytes of output cut" in huge
    assert tests["test_forward[1-3-2]"]["output"].startswith("forward (1, 3)")
    text = invoke("check", "linear").stdout
    assert text.count("loading my linear") == 1
    assert "while your file was imported:" in text
    assert "It printed:" in text  # under a failure detailed
    assert "in the test: Forward pass" in text
    assert "more tests printed: `dlkata check linear -v` shows what each printed." in text


def test_junit_gives_each_test_its_own_output(here: Path) -> None:
    Path("workspace").mkdir()
    Path("workspace/linear.py").write_text(PRINTING_LINEAR)
    xml = invoke("check", "linear", "--format", "junit").stdout
    import xml.etree.ElementTree as ET

    suite = ET.fromstring(xml).find("testsuite")
    assert suite is not None
    case = suite.find("testcase[@name='test_forward[3-6-2]']")
    assert case is not None and case.findtext("system-out", "").startswith("forward (3, 6)")
    assert suite.findtext("system-out") == "loading my linear\n"


def test_the_notebook_api_loads_replays_and_tries(here: Path) -> None:
    from dlkata import notebook

    learner_file("linear", "wrong_db_mean")
    invoke("check", "linear")
    case = notebook.load_case("linear", 1)
    assert case.backward == "linear_backward"
    sys.path.insert(0, str(here / "workspace"))
    try:
        import linear  # type: ignore[import-not-found]

        *_out, cache = linear.linear_forward(*case.args, **case.kwargs)
        got = linear.linear_backward(*case.upstream, cache)
    finally:
        sys.path.remove(str(here / "workspace"))
        sys.modules.pop("linear", None)
    assert "db differs from the expected values" in case.check(got)
    replayed = notebook.replay("linear", 1)
    assert not replayed.matches and "linear case 1" in repr(replayed)
    assert "<pre" in replayed._repr_html_()
    tried = notebook.try_call(
        "linear", "linear_forward", np.ones((2, 3)), np.ones((4, 3)), b=np.ones(4)
    )
    assert tried.matches and "✓ matches the reference" in repr(tried)


def test_try_bounds_what_a_hostile_function_prints_and_returns(here: Path) -> None:
    Path("workspace").mkdir()
    Path("workspace/linear.py").write_text(
        CORRECT_LINEAR.replace(
            "    return x @ w.T + b, (x, w)",
            "    print('y' * 3_000_000)\n    return np.full((3000, 3000), np.nan), (x, w)",
        )
    )
    np.savez("in.npz", x=np.ones((2, 3)), w=np.ones((4, 3)), b=np.zeros(4))
    result = invoke("try", "linear", "linear_forward", "--args", "in.npz")
    assert result.exit_code == 1
    assert "yours     out: array of shape (3000, 3000)" in result.stdout
    assert "`linear_forward`: out: expected shape (2, 4), got shape (3000, 3000)" in result.stdout
    assert "bytes of output cut" in result.stdout
    assert len(result.stdout) < 12_000
