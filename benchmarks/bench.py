"""`make bench`: wall times of the commands a learner waits for, on this machine.

Each figure is the median of several runs of a fresh process. The baseline rows say what the
floor is: starting Python with NumPy, and running the same hidden tests directly in one pytest
process with no isolation (the difference is what the learner-process boundary costs).
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = int(os.environ.get("BENCH_RUNS", "5"))


def timed(command: list[str], cwd: Path = ROOT, runs: int = RUNS) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> None:
    from dlkata.catalogue import load_catalogue

    katas = list(load_catalogue().values())
    python, dlkata = sys.executable, [sys.executable, "-m", "dlkata"]
    rows = [
        ("python -c 'import numpy'", timed([python, "-c", "import numpy"])),
        ("dlkata --help", timed([*dlkata, "--help"])),
    ]
    for kata_id in ("linear", "conv2d"):
        rows.append(
            (
                f"dlkata check {kata_id} (reference)",
                timed([*dlkata, "check", kata_id, "--file", f"reference/{kata_id}.py"]),
            )
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
    width = max(len(name) for name, _ in rows)
    print(f"{'what':<{width}}  wall time (median of {RUNS} runs; {os.cpu_count()} cores)")
    for name, seconds in rows:
        print(f"{name:<{width}}  {seconds:6.3f} s")
    print(f"{'check --all, per kata':<{width}}  {all_time / len(katas):6.3f} s")


if __name__ == "__main__":
    main()
