"""Progress while a check runs: one live line on a terminal, for checks that take a while.

Nothing is drawn for the first half second (a quick check shows no flicker), nothing at all when
the output is not an interactive terminal (a pipe, a file, a dumb terminal, CI), and the line is
erased when the check ends, so that the report is drawn where it would have been without it.
The judge reports each kata's tests as they finish (`dlkata.grading.OnProgress`).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from types import TracebackType

from rich.console import Console
from rich.live import Live
from rich.spinner import Spinner

from dlkata.i18n import _, ngettext

DELAY = 0.5  # seconds before the line appears


def wants_progress(console: Console) -> bool:
    """A live line only where someone watches: a real, capable terminal, never in CI (where
    FORCE_COLOR makes rich treat a log as a terminal) and never in a pipe."""
    try:
        interactive = console.file.isatty()
    except (AttributeError, ValueError):  # a closed or unusual stream
        interactive = False
    return (
        interactive
        and console.is_terminal
        and not console.is_dumb_terminal
        and not os.environ.get("CI")
    )


class CheckProgress:
    """A context manager, and the `on_progress` callback of `run_check`: it shows the kata being
    graded and its tests done of total; with several katas, how many are done and each kata
    under way. Disabled, it does nothing at all."""

    def __init__(
        self,
        console: Console,
        katas: Sequence[str] = (),
        *,
        enabled: bool = True,
        delay: float = DELAY,
    ) -> None:
        self.console = console
        self.katas = list(katas)
        self.enabled = enabled
        self.delay = delay
        self.counts: dict[str, tuple[int, int]] = {}
        self._spinner = Spinner("dots", text=self.describe(), style="cyan")
        self._live: Live | None = None
        self._timer: threading.Timer | None = None
        self._lock = threading.Lock()
        self._closed = False

    def __enter__(self) -> CheckProgress:
        if self.enabled:
            self._timer = threading.Timer(self.delay, self._show)
            self._timer.daemon = True
            self._timer.start()
        return self

    def __call__(self, kata: str, done: int, total: int) -> None:
        with self._lock:
            self.counts[kata] = (done, total)
            self._spinner.update(text=self.describe())

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        with self._lock:
            self._closed = True
            if self._timer is not None:
                self._timer.cancel()
            if self._live is not None:
                self._live.stop()  # transient: the line is erased

    def _show(self) -> None:
        with self._lock:
            if self._closed:
                return
            self._live = Live(
                self._spinner,
                console=self.console,
                transient=True,
                refresh_per_second=8,
                redirect_stdout=False,
                redirect_stderr=False,
            )
            self._live.start()

    def describe(self) -> str:
        """`Grading linear: 12/22 tests`, or with several katas `Grading 2 of 5 katas done ·
        conv2d 12/52 tests · relu 3/8 tests`."""
        under_way = [
            _("{kata} {done}/{total} tests").format(kata=kata, done=done, total=total)
            for kata, (done, total) in self.counts.items()
            if done < total
        ]
        if len(self.katas) == 1:
            kata = self.katas[0]
            done, total = self.counts.get(kata, (0, 0))
            if total:
                return _("Grading {kata}: {done}/{total} tests").format(
                    kata=kata, done=done, total=total
                )
            return _("Grading {kata}…").format(kata=kata)
        finished = sum(done >= total for done, total in self.counts.values())
        if not self.counts:
            if self.katas:
                return _("Grading {count} katas…").format(count=len(self.katas))
            return _("Grading your katas…")
        if self.katas:
            count = _("Grading: {finished} of {total} katas done").format(
                finished=finished, total=len(self.katas)
            )
        else:
            count = ngettext(
                "Grading: {finished} kata done", "Grading: {finished} katas done", finished
            ).format(finished=finished)
        return " · ".join([count, *under_way])
