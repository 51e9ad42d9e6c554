"""What one learner process may use. Kept apart from the judge (which imports NumPy) so that the
CLI can set limits and start a judge without importing NumPy itself."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    """The CLI's `--timeout`, `--kata-timeout` and `--memory-limit` set these."""

    call_timeout: float = 10.0
    kata_timeout: float = 60.0
    memory_bytes: int = 2 * 1024**3
    output_bytes: int = 8 * 1024**2
