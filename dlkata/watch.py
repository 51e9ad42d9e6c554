"""`dlkata watch`: grade again on every save.

Polls modification times (no file-watching dependency, and it works on every file system): a
change starts a quiet period of `debounce` seconds (an editor's save is often several writes),
then `run` grades; changes made while it runs are ignored, as rustlings does, so one save gives
one report. Ctrl-C ends the loop cleanly.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from pathlib import Path

Signature = tuple[int, int]


def snapshot(paths: Iterable[Path]) -> dict[Path, Signature]:
    """Modification time and size of each file that exists."""
    seen = {}
    for path in paths:
        try:
            stat = path.stat()
        except OSError:
            continue
        seen[path] = (stat.st_mtime_ns, stat.st_size)
    return seen


def watch(
    paths: Callable[[], list[Path]],
    run: Callable[[list[Path]], None],
    *,
    initial: list[Path] | None = None,
    ready: Callable[[], None] = lambda: None,
    debounce: float = 0.05,
    poll: float = 0.025,
) -> None:
    """Call `run(initial)` once, then `run(changed)` after each burst of saves, until Ctrl-C.
    `paths` is asked again on every poll, so a file created later is watched too. Saves made
    while a run is under way are ignored; `ready` is called once the files are watched again,
    so that a "watching" message never precedes a moment when a save would be missed."""
    try:
        if initial:
            run(initial)
        seen = snapshot(paths())
        ready()
        while True:
            time.sleep(poll)
            now = snapshot(paths())
            changed = {p for p, signature in now.items() if seen.get(p) != signature}
            if not changed:
                continue
            quiet_since = time.monotonic()
            while time.monotonic() - quiet_since < debounce:
                time.sleep(poll)
                later = snapshot(paths())
                if later != now:
                    changed |= {p for p, signature in later.items() if now.get(p) != signature}
                    now, quiet_since = later, time.monotonic()
            run(sorted(changed))
            seen = snapshot(paths())
            ready()
    except KeyboardInterrupt:
        return
