"""The grading library a notebook or the CLI calls: progress as tests finish, judges started
ahead of need and stopped when not needed."""

from __future__ import annotations

import os
import time

from dlkata.catalogue import get_kata
from dlkata.grading import GradeRequest, JudgePool, grade
from tests.support import REFERENCE_DIR


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_progress_counts_every_test_up_to_the_total() -> None:
    seen: list[tuple[str, int, int]] = []
    request = GradeRequest(get_kata("relu"), REFERENCE_DIR / "relu.py")
    (result,) = grade([request], on_progress=lambda *event: seen.append(event))
    assert result.status.value == "passed"
    total = len(result.tests)
    assert seen[0] == ("relu", 1, total)  # counted, and the signature checked
    assert seen[-1] == ("relu", total, total)
    assert [done for _, done, _ in seen] == sorted(done for _, done, _ in seen)


def test_a_warm_judge_is_used_and_a_judge_never_used_is_stopped() -> None:
    with JudgePool() as pool:
        pool.warm(2)
        first, second = pool.waiting
        request = GradeRequest(get_kata("relu"), REFERENCE_DIR / "relu.py")
        (result,) = grade([request], pool=pool)
        assert result.status.value == "passed"
        assert pool.waiting == [second]  # the first was taken, the other still waits
        assert first.process.poll() is not None
    deadline = time.monotonic() + 5
    while _alive(second.process.pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert second.process.poll() is not None
