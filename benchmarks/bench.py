"""`make bench`: wall times of the commands a learner waits for, on this machine, as ratios.

Each figure is the median of several runs of a fresh process, measured in one run of this script
beside its floor, `python -c "import numpy"`: absolute times depend on the machine and its load,
the ratio to the floor much less. The baseline rows say what the rest is made of: the same hidden
tests run directly in one pytest process with no isolation (the difference is what the
learner-process boundary costs).

The targets (issue 12): `dlkata check KATA` within 5x the floor, and a save graded and redrawn by a
warm `dlkata watch` within 2x the floor.
"""

from __future__ import annotations

import os
import select
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = int(os.environ.get("BENCH_RUNS", "7"))


def timed(command: list[str], cwd: Path = ROOT, runs: int = RUNS) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def _read_until(stream: int, marker: bytes, timeout: float = 60.0) -> None:
    """Read the watcher's output until a line holds `marker`."""
    seen, deadline = b"", time.monotonic() + timeout
    while marker not in seen:
        ready, _, _ = select.select([stream], [], [], max(deadline - time.monotonic(), 0))
        if not ready:
            raise TimeoutError(f"no {marker!r} from dlkata watch")
        chunk = os.read(stream, 65536)
        if not chunk:
            raise EOFError("dlkata watch ended")
        seen = (seen + chunk)[-4096:]


def watch_save_to_redraw(dlkata: list[str], kata_id: str, runs: int = RUNS) -> float:
    """Seconds from a save to the end of the redrawn report, in a watch that is already warm."""
    with tempfile.TemporaryDirectory() as workspace:
        file = Path(workspace) / f"{kata_id}.py"
        source = (ROOT / "reference" / f"{kata_id}.py").read_text()
        file.write_text(source)
        process = subprocess.Popen(
            [*dlkata, "watch", kata_id, "--dir", workspace],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        assert process.stdout is not None
        out = process.stdout.fileno()
        samples = []
        try:
            _read_until(out, b"Watching")
            for run in range(runs):
                time.sleep(1.0)  # the judge for the next save gets ready meanwhile
                start = time.perf_counter()
                file.write_text(f"{source}\n# save {run}\n")
                _read_until(out, b"Watching")
                samples.append(time.perf_counter() - start)
        finally:
            process.send_signal(signal.SIGINT)
            process.wait(timeout=10)
    return statistics.median(samples)


def main() -> None:
    from dlkata.catalogue import load_catalogue

    katas = list(load_catalogue().values())
    python, dlkata = sys.executable, [sys.executable, "-m", "dlkata"]
    floor = timed([python, "-c", "import numpy"])
    rows = [("python -c 'import numpy' (the floor)", floor)]
    rows.append(("dlkata --help", timed([*dlkata, "--help"])))
    for kata_id in ("linear", "conv2d"):
        rows.append(
            (
                f"dlkata check {kata_id} (reference)",
                timed([*dlkata, "check", kata_id, "--file", f"reference/{kata_id}.py"]),
            )
        )
    for kata_id in ("linear", "conv2d"):
        rows.append(
            (f"dlkata watch {kata_id}: save to redrawn", watch_save_to_redraw(dlkata, kata_id))
        )
    direct = [
        python,
        "-m",
        "pytest",
        "-q",
        "-p",
        "no:cacheprovider",
        "-p",
        "benchmarks.direct_fixtures",
        "--noconftest",
        "-c",
        os.devnull,
        "--rootdir",
        str(ROOT),
    ]
    rows.append(
        (
            "pytest directly, linear hidden tests (no isolation)",
            timed([*direct, "katas/linear/test_linear.py"]),
        )
    )
    with tempfile.TemporaryDirectory() as workspace:
        for kata in katas:
            shutil.copy(kata.reference_path, Path(workspace) / f"{kata.id}.py")
        all_time = timed([*dlkata, "check", "--all", "--dir", workspace], runs=max(1, RUNS // 2))
    rows.append((f"dlkata check --all ({len(katas)} katas)", all_time))
    rows.append(
        (
            "pytest directly, all hidden tests (no isolation)",
            timed([*direct, *[str(k.tests_path) for k in katas]], runs=max(1, RUNS // 2)),
        )
    )
    rows.append(("check --all, per kata", all_time / len(katas)))
    width = max(len(name) for name, _ in rows)
    print(f"median of {RUNS} runs on {os.cpu_count()} cores; the floor is {floor:.3f} s")
    print(f"{'what':<{width}}  {'wall time':>9}  {'x floor':>7}")
    for name, seconds in rows:
        print(f"{name:<{width}}  {seconds:7.3f} s  {seconds / floor:6.1f}x")


if __name__ == "__main__":
    main()
