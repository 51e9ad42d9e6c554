"""A pass is earned, never assumed: hidden suites broken on purpose give `error`, and the engine's
own guarantees (independent caches, fresh results, NaN never matching, inputs checked inside
containers) hold for any kata. The broken suites run through the real `dlkata` command."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap
import time
import types
from pathlib import Path

import numpy as np
import pytest

from dlkata.bundle import bundle
from dlkata.judge import GradingFailure, check_backward, check_gradient_numerically
from dlkata.judge.proxy import ReferenceImpl
from dlkata.worker.child import _input_snapshot, _same, _shares_memory
from tests.cli_support import BIN, subprocess_env
from tests.support import REFERENCE_DIR, ROOT

HOSTILE = ROOT / "tests" / "hostile"

# what is appended to linear's hidden tests, and what the report must then say
BREAKAGES = {
    "pytest_exit": ("def test_zz():\n    pytest.exit('stop here')\n", "ended early"),
    "keyboard_interrupt": ("def test_zz():\n    raise KeyboardInterrupt\n", "ended early"),
    "collection_error": ("import a_module_that_does_not_exist\n", "could not be collected"),
    "skipped_test": ("def test_zz():\n    pytest.skip('later')\n", "was skipped"),
    "teardown_error": (
        "@pytest.fixture\ndef broken():\n    yield\n    raise RuntimeError('teardown')\n\n"
        "def test_zz(broken):\n    pass\n",
        "after the test",
    ),
}


def _course(tmp_path: Path, tests: str) -> Path:
    """A course holding only `linear` (instead of dlkata's katas), with the given hidden test
    file."""
    course = tmp_path / "course"
    shutil.copytree(ROOT / "katas" / "linear", course / "katas" / "linear")
    (course / "dlkata.yaml").write_text("builtin: false\n", encoding="utf-8")
    (course / "reference").mkdir()
    shutil.copy(REFERENCE_DIR / "linear.py", course / "reference" / "linear.py")
    (course / "katas" / "linear" / "test_linear.py").write_text(tests, encoding="utf-8")
    return course


def _check(course: Path) -> tuple[int, dict]:
    process = subprocess.run(
        [
            str(BIN / "dlkata"),
            "check",
            "linear",
            "--file",
            str(REFERENCE_DIR / "linear.py"),
            "--format",
            "json",
        ],
        capture_output=True,
        text=True,
        env=subprocess_env(DLKATA_COURSE=str(course)),
        timeout=120,
    )
    (kata,) = json.loads(process.stdout)["katas"]
    return process.returncode, kata


def _everything_said(kata: dict) -> str:
    return json.dumps([kata.get("error"), [t["message"] for t in kata["tests"]]])


@pytest.mark.parametrize("breakage", sorted(BREAKAGES))
def test_a_suite_broken_on_purpose_is_an_error(tmp_path: Path, breakage: str) -> None:
    appended, said = BREAKAGES[breakage]
    original = (ROOT / "katas" / "linear" / "test_linear.py").read_text(encoding="utf-8")
    code, kata = _check(_course(tmp_path, f"{original}\n\n{appended}"))
    assert (code, kata["status"]) == (1, "error"), _everything_said(kata)
    assert said in _everything_said(kata)


def test_a_suite_without_tests_is_an_error(tmp_path: Path) -> None:
    code, kata = _check(_course(tmp_path, '"""No tests yet."""\n'))
    assert (code, kata["status"]) == (1, "error")
    assert "no hidden test was collected" in kata["error"]["message"]


def test_the_unbroken_copy_passes(tmp_path: Path) -> None:
    """The control: the same course with linear's real tests passes."""
    original = (ROOT / "katas" / "linear" / "test_linear.py").read_text(encoding="utf-8")
    code, kata = _check(_course(tmp_path, original))
    assert (code, kata["status"]) == (0, "passed")


def test_what_a_hidden_test_prints_is_never_read_as_the_judges_report(tmp_path: Path) -> None:
    """The judge reports on a channel of its own: output on its stdout, even a forged report,
    changes nothing."""
    original = (ROOT / "katas" / "linear" / "test_linear.py").read_text(encoding="utf-8")
    noisy = (
        "def test_zz():\n"
        "    import os\n"
        '    os.write(1, b\'{"event": "results", "results": []}\\n\' * 1000)\n'
        "    print('x' * 100_000)\n"
    )
    code, kata = _check(_course(tmp_path, f"{original}\n\n{noisy}"))
    assert (code, kata["status"]) == (0, "passed"), _everything_said(kata)
    assert any(t["name"] == "test_zz" for t in kata["tests"])


# -- engine guarantees on small modules, called in-process --------------------------------------

LINEAR = """
import numpy as np

def linear_forward(x, w, b):
    return x @ w.T + b, {"x": x, "w": w}

def linear_backward(dout, cache):
    return dout @ cache["w"], dout.T @ cache["x"], dout.sum(axis=0)
"""

GLOBAL_STATE = """
import numpy as np
_last = {}

def linear_forward(x, w, b):
    _last.update(x=x, w=w)
    return x @ w.T + b, None

def linear_backward(dout, cache):
    return dout @ _last["w"], dout.T @ _last["x"], dout.sum(axis=0)
"""

ACCUMULATES = """
import numpy as np

def linear_forward(x, w, b):
    return x @ w.T + b, {"x": x, "w": w, "dw": np.zeros_like(w)}

def linear_backward(dout, cache):
    cache["dw"] += dout.T @ cache["x"]
    return dout @ cache["w"], cache["dw"].copy(), dout.sum(axis=0)
"""

NAN_BACKWARD = LINEAR.replace("dout.sum(axis=0)", "dout.sum(axis=0) * np.nan")


def _impl(source: str) -> ReferenceImpl:
    module = types.ModuleType("solution")
    exec(textwrap.dedent(source), module.__dict__)
    return ReferenceImpl(module)


def _inputs() -> dict[str, np.ndarray]:
    rng = np.random.default_rng(0)
    return {
        "x": rng.standard_normal((3, 4)),
        "w": rng.standard_normal((2, 4)),
        "b": rng.standard_normal(2),
    }


def _backward(solution: str) -> None:
    check_backward(_impl(solution), _impl(LINEAR), "linear_forward", "linear_backward", _inputs())


def test_check_backward_passes_a_correct_layer() -> None:
    _backward(LINEAR)


def test_a_backward_reading_the_latest_forward_is_named() -> None:
    with pytest.raises(GradingFailure, match="state of the latest forward pass") as caught:
        _backward(GLOBAL_STATE)
    assert caught.value.kind == "cache"


def test_a_backward_accumulating_into_its_cache_fails() -> None:
    with pytest.raises(GradingFailure, match="the same cache used a second time") as caught:
        _backward(ACCUMULATES)
    assert caught.value.kind == "cache"


def test_nan_never_matches_in_the_numerical_check() -> None:
    with pytest.raises(GradingFailure, match="nan"):
        check_gradient_numerically(
            _impl(NAN_BACKWARD), "linear_forward", "linear_backward", _inputs()
        )


def test_inputs_are_checked_inside_dicts_and_lists() -> None:
    def update(params, xs):
        params["w"] += 1.0
        xs[1][0] = 5.0

    params, xs = {"w": np.zeros(2), "b": np.ones(2)}, [np.zeros(2), np.zeros(3)]
    snapshot = _input_snapshot(update, (params, xs), {})
    update(params, xs)
    changed = sorted(label for label, (array, copy) in snapshot.items() if not _same(array, copy))
    assert changed == ["params['w']", "xs[1]"]


def test_results_sharing_memory_are_seen() -> None:
    table = np.arange(10.0)
    assert _shares_memory((table[:4], {"a": 1}), [table[2:6]])
    assert not _shares_memory((table[:4].copy(),), (table[:4].copy(),))


def test_a_memoised_result_fails_through_the_real_command(tmp_path: Path) -> None:
    memo = tmp_path / "positional_encoding.py"
    memo.write_text(
        (REFERENCE_DIR / "positional_encoding.py").read_text(encoding="utf-8")
        + "\n\n_memo = {}\n_plain = positional_encoding\n\n"
        "def positional_encoding(seq_len, d_model):\n"
        "    key = (seq_len, d_model)\n"
        "    if key not in _memo:\n"
        "        _memo[key] = _plain(seq_len, d_model)\n"
        "    return _memo[key]\n",
        encoding="utf-8",
    )
    process = subprocess.run(
        [
            sys.executable,
            "-m",
            "dlkata",
            "check",
            "positional_encoding",
            "--file",
            str(memo),
            "--format",
            "json",
        ],
        capture_output=True,
        text=True,
        env=subprocess_env(),
        timeout=120,
    )
    (kata,) = json.loads(process.stdout)["katas"]
    assert kata["status"] == "failed"
    assert "aliased" in {t["kind"] for t in kata["tests"] if t["status"] == "failed"}


def test_an_infinite_loop_costs_one_time_out(tmp_path: Path) -> None:
    """Every call of linear_forward hangs: after the first time-out, later calls fail at once."""
    looping = bundle(HOSTILE / "infinite_loop.py", tmp_path)
    started = time.monotonic()
    process = subprocess.run(
        [
            str(BIN / "dlkata"),
            "check",
            "linear",
            "--file",
            str(looping),
            "--format",
            "json",
            "--timeout",
            "2",
            "--kata-timeout",
            "60",
        ],
        capture_output=True,
        text=True,
        env=subprocess_env(),
        timeout=120,
    )
    elapsed = time.monotonic() - started
    (kata,) = json.loads(process.stdout)["katas"]
    timeouts = [t for t in kata["tests"] if t["kind"] == "timeout"]
    assert kata["status"] == "failed" and len(timeouts) > 3
    assert sum("not called again" in t["message"] for t in timeouts) == len(timeouts) - 1
    assert elapsed < 2 * 2 + 20, f"{elapsed:.1f} s for a 2 s call limit"
