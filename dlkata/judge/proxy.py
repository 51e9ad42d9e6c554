"""The judge's side of the untrusted boundary: a learner process, and a proxy that calls into it.

A hidden test calls `solution.conv2d_forward(x, w, b)`; the proxy sends the call to the learner's
process and turns whatever comes back into a value, or into a `LearnerError` that names what went
wrong (an exception, a time-out, a death, an input changed in place, the global random state used).
`ReferenceImpl` gives the reference module the same interface, so helpers treat both alike.
"""

from __future__ import annotations

import copy
import inspect
import os
import re
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any, NoReturn

import numpy as np

from dlkata import i18n
from dlkata.i18n import N_, _, ngettext
from dlkata.judge.failures import LearnerError
from dlkata.limits import Limits
from dlkata.resources import protected_dirs
from dlkata.worker.guard import actions
from dlkata.worker.spawn import Spawned, spawn_worker
from dlkata.worker.wire import (
    Channel,
    ChannelClosed,
    ChannelTimeout,
    Decoder,
    Encoder,
    Handle,
    WireError,
)

_OUTPUT_EDGE = 4096
_START_GRACE = 20.0


class WorkerProcess:
    """One learner process for one kata, restarted after a time-out or a death."""

    def __init__(
        self,
        solution: Path,
        functions: list[str],
        limits: Limits,
        spare: Spawned | None = None,
        kata_folder: Path | None = None,
    ) -> None:
        self.solution = solution.resolve()
        # the kata's own folders (a course's lie outside dlkata), named in reports when read
        self.protected = protected_dirs(*([kata_folder] if kata_folder else []))
        # A learner process started before the file was known, if the judge has one.
        self._spare = spare
        self._folder = spare.folder if spare else Path(tempfile.mkdtemp(prefix="dlkata-solution-"))
        # The file is read once, here: every start of the learner's process loads this snapshot,
        # so a save during grading cannot mix two versions into one verdict, and the process
        # needs to read nothing of the learner's folder but this one file.
        self.snapshot = self._folder / self.solution.name
        try:
            source = self.solution.read_bytes()
        except OSError as exc:
            unreadable = _("your file could not be read: {error}").format(error=exc)
            source = f"raise ImportError({unreadable!r})\n".encode()
        self.snapshot.write_bytes(source)
        self.functions = functions
        self.limits = limits
        # what the learner's code tried and was refused: (code of `guard.actions()`, detail)
        self.violations: list[tuple[str, str | None]] = []
        self.capture = spare.capture if spare else tempfile.TemporaryFile()
        self.process: subprocess.Popen[bytes] | None = None
        self.channel: Channel | None = None
        self.ready_message: dict[str, Any] | None = None
        self._seq = 0
        # functions that ran past the per-call limit, killed their process or broke the channel:
        # later calls fail at once, for the same reason, so that an infinite loop costs one
        # time-out and a crash one restart, not the kata's whole budget
        self.stopped: dict[str, LearnerError] = {}
        # Seconds spent waiting for this kata's learner code (import and calls), against
        # `kata_timeout`. Counted, not a deadline from creation: a judge grades its katas one
        # after another, and a slow kata must not eat the time of the next one.
        self.used = 0.0

    def start(self) -> None:
        """A learner process for this kata: the spare one the judge started early, the first
        time, and a new one after a time-out or a death."""
        self._close_channel()  # a restart: the dead process's pipes are not needed any more
        spawned, self._spare = self._spare or spawn_worker(self._folder, self.capture), None
        self.process = spawned.process
        self.channel = Channel(spawned.read_fd, spawned.write_fd)
        self.ready_message = None
        config = {
            "op": "config",
            "solution": str(self.snapshot),
            "functions": self.functions,
            "protected": [str(p) for p in self.protected],  # to name them in reports
            "memory_bytes": self.limits.memory_bytes,
            "cpu_seconds": int(self.limits.kata_timeout) + 5,
            "output_bytes": self.limits.output_bytes,
            "language": i18n.language(),  # for the few texts the learner's process words itself
        }
        try:
            self.channel.send(config, timeout=self.limits.call_timeout)
        except (ChannelClosed, ChannelTimeout):
            pass  # a process that died or stalls this early is reported by `wait_ready`

    @property
    def remaining(self) -> float:
        """Seconds left of the kata's time limit."""
        return self.limits.kata_timeout - self.used

    def wait_ready(self) -> dict[str, Any]:
        """The learner's module is imported: its import error, or its functions' signatures."""
        if self.process is None:
            self.start()
        if self.ready_message is None:
            timeout = min(self.limits.call_timeout + _START_GRACE, max(self.remaining, 0.0))
            message, _blobs = self._receive(timeout, None)
            if message.get("op") != "ready":
                self.kill()
                raise self.protocol_error(
                    None,
                    _("it sent {op} before 'ready'").format(op=_cut(repr(message.get("op")))),
                )
            ready = _valid_ready(message)
            if ready is None:
                self.kill()
                raise self.protocol_error(None, _("a 'ready' message that is not the grader's"))
            self.ready_message = ready
        return self.ready_message

    def request(
        self,
        header: dict[str, Any],
        blobs: list[bytes],
        function: str,
        functions: list[Callable[..., Any]] | None = None,
    ) -> tuple[dict, list]:
        """Send a call and wait for its result; `functions` are the judge's functions passed in
        it, which the learner's process may call back meanwhile."""
        if function in self.stopped:
            earlier = self.stopped[function]
            raise LearnerError(
                _("{message} (on an earlier call, so it was not called again)").format(
                    message=earlier.message
                ),
                kind=earlier.kind,
                function=function,
                hint=earlier.hint,
            )
        if self.remaining <= 0:  # checked first: no fresh process for a kata out of time
            raise LearnerError(
                _(
                    "the kata's time limit of {limit} s was used up before `{function}` was called"
                ).format(limit=f"{self.limits.kata_timeout:g}", function=function),
                kind="timeout",
                function=function,
                hint=_(
                    "Your functions are too slow overall: look for Python loops over large arrays."
                ),
            )
        if self.process is None or self.process.poll() is not None:
            self.start()
        self.wait_ready()
        if self.ready_message and self.ready_message.get("import_error"):
            raise LearnerError(
                _("your file could not be imported"), kind="import", function=function
            )
        self._seq += 1
        header = {**header, "seq": self._seq}
        assert self.channel is not None
        try:
            self.channel.send(header, blobs, timeout=self.limits.call_timeout)
        except ChannelTimeout:
            self.kill()
            raise self.protocol_error(
                function, _("it stopped reading the grader's channel")
            ) from None
        except ChannelClosed:
            self._raise_death(function)
        timeout = min(self.limits.call_timeout, max(self.remaining, 0.0))
        try:
            message, reply_blobs = self._receive(timeout, function, functions or [])
        except LearnerError as error:
            if error.kind in _STOPPING:
                self.stopped[function] = error
            raise
        if message.get("op") != "result" or message.get("seq") != self._seq:
            self.kill()
            raise self.protocol_error(function, _("an answer to a call it was not asked"))
        return message, reply_blobs

    def _call_back(
        self,
        message: dict[str, Any],
        blobs: list[bytes],
        functions: list[Callable[..., Any]],
        function: str | None,
    ) -> None:
        """Run one of the judge's functions on what the learner's process sent and answer it.
        What arrives is the learner's: bad arguments, or the function raising on them, are an
        error in the learner's call (`callback_error`), never in the judge."""
        index = message.get("id")
        if type(index) is not int or not 0 <= index < len(functions):
            self.kill()
            raise self.protocol_error(function, _("a call of a function it was not given"))
        try:
            decoder = Decoder(blobs, numbers_only=True)
            args = decoder.decode(message.get("args"))
            kwargs = decoder.decode(message.get("kwargs"))
            if not isinstance(args, (list, tuple)) or not isinstance(kwargs, dict):
                raise WireError(_("malformed arguments"))
            value = functions[index](*args, **{str(k): v for k, v in kwargs.items()})
            encoder = Encoder()
            reply = {"op": "callback_result", "value": encoder.encode(value)}
            reply_blobs = encoder.blobs
        except Exception as exc:  # the judge's function on the learner's arguments
            text = _cut(f"{type(exc).__name__}: {exc}")
            reply, reply_blobs = {"op": "callback_error", "message": text}, []
        assert self.channel is not None
        try:
            self.channel.send(reply, reply_blobs, timeout=self.limits.call_timeout)
        except ChannelTimeout:
            self.kill()
            raise self.protocol_error(
                function, _("it stopped reading the grader's channel")
            ) from None
        except ChannelClosed:
            self._raise_death(function)

    def protocol_error(self, function: str | None, detail: str) -> LearnerError:
        """The learner's process wrote something on the grader's channel that it should not."""
        return LearnerError(
            _("your process sent the grader something that is not an answer ({detail})").format(
                detail=detail
            ),
            kind="protocol",
            function=function,
            hint=_(
                "Only the grader may write to its channel: do not write to file descriptors "
                "you did not open."
            ),
        )

    def reset_handles(self) -> None:
        if self.channel is not None and self.process is not None and self.process.poll() is None:
            try:
                self.channel.send({"op": "reset"}, timeout=1.0)
            except ChannelTimeout:
                self.kill()
            except ChannelClosed:
                pass

    def _receive(
        self,
        timeout: float,
        function: str | None,
        functions: list[Callable[..., Any]] | None = None,
    ) -> tuple[dict, list]:
        """The next answer, collecting violation reports and answering calls of the judge's
        `functions` on the way; `function` is None while the learner's file is being imported.
        Time spent here, the judge's functions included, counts against the call and the kata."""
        assert self.channel is not None
        started = time.monotonic()
        try:
            while True:
                left = timeout - (time.monotonic() - started)
                try:
                    message, blobs = self.channel.receive(max(left, 0.0))
                except ChannelTimeout:
                    self.kill()
                    raise self._timeout_error(timeout, function) from None
                except ChannelClosed:
                    self._raise_death(function)
                except WireError as exc:
                    self.kill()
                    raise self.protocol_error(function, str(exc)) from None
                if message.get("op") == "violation":
                    detail = message.get("detail")
                    what = (
                        _cut(str(message.get("what"))),
                        None if detail is None else _cut(str(detail)),
                    )
                    if what not in self.violations and len(self.violations) < _MAX_VIOLATIONS:
                        self.violations.append(what)
                    continue
                if message.get("op") == "callback" and functions:
                    self._call_back(message, blobs, functions, function)
                    continue
                return message, blobs
        finally:
            self.used += time.monotonic() - started

    def _timeout_error(self, timeout: float, function: str | None) -> LearnerError:
        if function is None:
            message = _(
                "importing your file did not finish within {timeout} s: an infinite loop, "
                "or heavy work, at the top level of your file?"
            ).format(timeout=f"{timeout:.3g}")
        elif timeout < self.limits.call_timeout:
            message = _(
                "`{function}` did not return before the kata's time limit of {limit} s ran out "
                "({left} s were left): an infinite loop, or Python loops over a large array?"
            ).format(
                function=function, limit=f"{self.limits.kata_timeout:g}", left=f"{timeout:.2g}"
            )
        else:
            message = _(
                "`{function}` did not return within {timeout} s: an infinite loop, "
                "or Python loops over a large array?"
            ).format(function=function, timeout=f"{timeout:g}")
        return LearnerError(
            message,
            kind="timeout",
            function=function,
            hint=_(
                "Look for a loop whose exit condition is never met, or vectorise "
                "the innermost loops."
            ),
        )

    def _raise_death(self, function: str | None) -> NoReturn:
        """The channel closed: name how the learner's process ended."""
        assert self.process is not None
        try:
            code = self.process.wait(timeout=2)
        except subprocess.TimeoutExpired:  # alive, but it closed the grader's channel
            self.kill()
            raise self.protocol_error(function, _("it closed the grader's channel")) from None
        self.process = None
        raise LearnerError(_death(code, function), kind="crash", function=function, exit_code=code)

    def kill(self) -> None:
        """End the learner's process and its whole process group: anything it started too,
        even after the process itself has exited (the group outlives its leader)."""
        if self.process is not None:
            try:
                os.killpg(self.process.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
            self.process.wait()
        self.process = None

    def close(self) -> None:
        """Stop the learner's process at once: everything it printed is already in the capture
        file (written through, no buffer), and nothing it could still do is wanted."""
        self.kill()
        self._close_channel()
        shutil.rmtree(self._folder, ignore_errors=True)

    def _close_channel(self) -> None:
        if self.channel is not None:
            for fd in (self.channel.read_fd, self.channel.write_fd):
                try:
                    os.close(fd)
                except OSError:
                    pass
            self.channel = None

    def printed(self) -> int:
        """How many bytes the learner's code has printed so far (where the next print starts)."""
        return os.fstat(self.capture.fileno()).st_size

    def output(self, start: int = 0, end: int | None = None, edge: int = _OUTPUT_EDGE) -> str:
        """What the learner's code printed between two `printed()` marks (by default all of
        it), cut to its first and last `edge` bytes, with a note of what was cut (and of output
        lost past the cap, where writes began to fail)."""
        self.capture.flush()
        total = self.printed()
        end = total if end is None else min(end, total)
        size = max(end - start, 0)
        capped = (
            "\n"
            + _("... [output stopped at the {size} cap: later prints failed] ...").format(
                size=_size(self.limits.output_bytes)
            )
            if start < self.limits.output_bytes <= end
            else ""
        )
        self.capture.seek(start)
        if size <= 2 * edge:
            return visible_controls(self.capture.read(size).decode(errors="replace")) + capped
        head = visible_controls(self.capture.read(edge).decode(errors="replace"))
        self.capture.seek(end - edge)
        tail = visible_controls(self.capture.read(edge).decode(errors="replace"))
        cut = _("... [{count} bytes of output cut] ...").format(count=size - 2 * edge)
        return f"{head}\n{cut}\n{tail}{capped}"


class SolutionProxy:
    """The learner's functions as attributes; every call crosses into the learner's process."""

    def __init__(
        self, worker: WorkerProcess, keep_cache: frozenset[str], strict: bool = False
    ) -> None:
        self._worker = worker
        self._keep_cache = keep_cache
        self._strict = strict

    @property
    def stable(self) -> SolutionProxy:
        """The same functions, with overflow, invalid and divide-by-zero warnings as failures."""
        return SolutionProxy(self._worker, self._keep_cache, strict=True)

    def __getattr__(self, name: str) -> Callable[..., Any]:
        if name.startswith("_") or name not in self._worker.functions:
            raise AttributeError(name)

        def call(*args: Any, **kwargs: Any) -> Any:
            return self.call(name, *args, **kwargs)

        call.__name__ = name
        return call

    def call(self, name: str, *args: Any, **kwargs: Any) -> Any:
        spec = {"fn": name, "keep_last": name in self._keep_cache}
        return self._run(name, [(spec, args, kwargs)])[0]

    def call_many(
        self, name: str, calls: list[tuple[tuple, dict]], pick: list[int] | None = None
    ) -> list[Any]:
        """Many calls in one message (gradient checks call the forward pass hundreds of times)."""
        spec = {"fn": name, "pick": pick}
        return self._run(name, [(spec, args, kwargs) for args, kwargs in calls])

    def _run(self, name: str, calls: list[tuple[dict, tuple, dict]]) -> list[Any]:
        encoder = Encoder(functions=True)
        encoded = [
            {
                **spec,
                "strict": self._strict,
                "args": encoder.encode(args),
                "kwargs": encoder.encode(kwargs),
            }
            for spec, args, kwargs in calls
        ]
        header = (
            {"op": "call", **encoded[0]} if len(encoded) == 1 else {"op": "batch", "calls": encoded}
        )
        reply, blobs = self._worker.request(header, encoder.blobs, name, encoder.functions)
        self._check_violations(name)
        # The reply comes from the learner's process, which could have written it itself:
        # anything unexpected in it is that process's fault, never an error of the hidden test.
        outcomes = reply.get("outcomes")
        if not isinstance(outcomes, list) or len(outcomes) != len(calls):
            raise self._broken(name, _("not one outcome per call"))
        decoder = Decoder(
            blobs, resolve_handle=lambda i, t: Handle(i, t[:_MAX_NAME]), numbers_only=True
        )
        values = []
        states = iter(encoder.generators)
        for outcome in outcomes:
            if not _valid_outcome(outcome):
                raise self._broken(name, _("a malformed outcome"))
            if "raised" in outcome:
                raise _learner_error(name, outcome["raised"], self._worker.limits)
            self._check_rules(name, outcome)
            try:
                for state in decoder.decode(outcome.get("rng_states", [])):
                    generator = next(states, None)
                    if generator is not None:
                        generator.bit_generator.state = state
                values.append(decoder.decode(outcome["value"]))
            except (WireError, TypeError, ValueError, KeyError) as exc:
                raise self._broken(name, str(exc)) from None
        return values

    def _broken(self, name: str, detail: str) -> LearnerError:
        """A reply that is not an answer: the process that sent it is not trusted any further
        (a fresh one answers the next call of another function)."""
        self._worker.kill()
        error = self._worker.protocol_error(name, detail)
        self._worker.stopped[name] = error
        return error

    def _check_violations(self, name: str) -> None:
        if self._worker.violations:
            raise LearnerError(
                _(
                    "your solution tried to {actions}. The grader refused, and a solution that "
                    "tries this cannot pass"
                ).format(actions=_grouped(self._worker.violations)),
                kind="refused",
                function=name,
                hint=_(
                    "A solution only computes with its arguments: no files, processes, "
                    "network, or changes to NumPy and the grader."
                ),
            )

    def _check_rules(self, name: str, outcome: dict[str, Any]) -> None:
        returned = outcome.get("bad_return")
        if returned:
            if returned.get("shape") is not None:
                message = _(
                    "{function} must return a tuple ending with the cache; it returned an array "
                    "of shape {shape}"
                ).format(function=name, shape=tuple(returned["shape"]))
            else:
                message = _(
                    "{function} must return a tuple ending with the cache; it returned a {type}"
                ).format(function=name, type=_cut(returned["type"])[:_MAX_NAME])
            raise LearnerError(
                message,
                kind="return_type",
                function=name,
                hint=_("Forward functions return (out, cache) (contract rule 5)."),
            )
        if outcome.get("modified"):
            modified = outcome["modified"]
            raise LearnerError(
                ngettext(
                    "`{function}` changed its input {names} in place",
                    "`{function}` changed its inputs {names} in place",
                    len(modified),
                ).format(function=name, names=", ".join(f"`{_cut(n)}`" for n in modified)),
                kind="modified_input",
                function=name,
                hint=_(
                    "Functions must return new arrays and leave their inputs alone (contract "
                    "rule 2): copy before an in-place operation such as `+=` or `x[mask] = 0`."
                ),
            )
        if outcome.get("aliased"):
            raise LearnerError(
                _(
                    "`{function}` returned an array that a later call returned again: two calls "
                    "share their results, so changing one result changes the other"
                ).format(function=name),
                kind="aliased",
                function=name,
                hint=_(
                    "Return a new array from every call (contract rule 2): a memo or a "
                    "module-level buffer must hand out copies, e.g. `table[:n].copy()`."
                ),
            )
        if outcome.get("global_rng"):
            raise LearnerError(
                _(
                    "`{function}` drew from the global random state (np.random.* or random.*)"
                ).format(function=name),
                kind="global_rng",
                function=name,
                hint=_(
                    "Draw every random number from the `rng` argument, e.g. `rng.random(shape)` "
                    "(contract rule 4): the global state makes results irreproducible."
                ),
            )


def _learner_error(name: str, raised: dict[str, Any], limits: Limits) -> LearnerError:
    kind = raised.get("kind") or "exception"
    message = _cut(str(raised.get("message")))
    exc = _cut(f"{raised.get('type')}: {message}".rstrip(": "))
    text, hint = _raised_words(kind, name, message, exc, raised, limits)
    return LearnerError(
        text,
        kind="not_implemented" if kind == "not_implemented" else "raised",
        function=name,
        exc_type=_cut(str(raised.get("type")))[:_MAX_NAME],
        hint=hint,
        exception=exc,
        exception_kind=kind,
        traceback=_frames(raised.get("frames")),
    )


def _raised_words(
    kind: str, name: str, message: str, exc: str, raised: dict[str, Any], limits: Limits
) -> tuple[str, str | None]:
    """The failure message and hint for a call of `name` that raised (`kind` as the learner's
    process classed the exception; `exc` is its type and message)."""
    if kind == "not_implemented":
        text = _("`{function}` is not implemented yet (it raises NotImplementedError)")
        return text.format(function=name), None
    if kind == "exit":
        text = _("`{function}` called sys.exit({code}) instead of returning")
        return text.format(function=name, code=_cut(str(raised.get("exit_code")))), None
    if kind == "recursion":
        return _("`{function}` recursed without end (RecursionError)").format(function=name), None
    if kind == "memory":
        text = _("`{function}` ran out of memory (the limit is {limit}, set with --memory-limit)")
        return text.format(function=name, limit=_size(limits.memory_bytes)), _(
            "Look for an array far larger than the inputs (an outer product, or a "
            "broadcast you did not intend) or a list that grows without end."
        )
    if kind == "output":
        text = _(
            "`{function}` printed more than the {size} of output the grader keeps, and was stopped"
        )
        return text.format(function=name, size=_size(limits.output_bytes)), _(
            "Remove print() calls inside loops."
        )
    if kind == "floating_point":
        return _floating_point(name, str(message))
    if kind == "missing":
        return _("your file defines no function `{function}`").format(function=name), _(
            "Define it with the exact signature from the stub (`dlkata new` writes one)."
        )
    if kind == "refused":
        text = _("`{function}` tried something the grader refuses: {error}")
        return text.format(function=name, error=message), None
    if kind == "unsendable":
        text = _("`{function}` returned something that cannot be sent to the grader: {error}")
        return text.format(function=name, error=message), _(
            "Return arrays, numbers, strings, tuples, lists and dicts of those."
        )
    return _("`{function}` raised {error}").format(function=name, error=exc), None


# NumPy's words for a floating-point error (`overflow encountered in exp`, NumPy 2's `invalid
# value encountered in scalar divide`), which the learner's process raises under `solution.stable`
# (contract rule 7)
_NUMPY_FLOATING_POINT = re.compile(
    r"(overflow|invalid value|divide by zero|underflow) encountered in (\w+(?: \w+)?)"
)


# each kind of floating-point error, with the hint for that one mistake
_FLOATING_POINT_WORDS = {
    "overflow": (
        N_("`{function}` is not numerically stable: {operation} overflowed"),
        N_(
            "Large inputs overflow: rewrite the formula so that no exp() sees a "
            "large positive argument (subtract the max, or split by sign)."
        ),
    ),
    "invalid value": (
        N_("`{function}` is not numerically stable: {operation} produced NaN"),
        N_(
            "NaN comes from 0/0, inf - inf, 0 * inf or inf / inf: find the edge case that "
            "makes one (a probability of 1, an all-masked row, an overflow just before) and "
            "handle it before computing."
        ),
    ),
    "divide by zero": (
        N_("`{function}` is not numerically stable: {operation} divided by zero"),
        N_(
            "A denominator can be zero for these inputs: handle that case before dividing, or "
            "rewrite the formula so that it never divides by something that can vanish."
        ),
    ),
}


def _floating_point(function: str, error: str) -> tuple[str, str]:
    """What went wrong, in the learner's language, and the hint for that one mistake: an
    overflow, a NaN or a division by zero each have their own fix."""
    found = _NUMPY_FLOATING_POINT.fullmatch(error.strip())
    if found is None or found.group(1) not in _FLOATING_POINT_WORDS:
        return _("`{function}` is not numerically stable: {error}").format(
            function=function, error=error
        ), _("Look for a division by zero, a log of zero or an exp that overflows.")
    message, hint = _FLOATING_POINT_WORDS[found.group(1)]
    return _(message).format(function=function, operation=found.group(2)), _(hint)


def _death(code: int, function: str | None) -> str:
    """How the learner's process ended (`code` as `Popen.wait` gives it), while running
    `function`, or while importing the learner's file when `function` is None: each signal's
    sentence says what happened and why it usually does."""
    if code >= 0:
        if function is None:
            text = _(
                "your process exited with code {code} while importing your file instead of "
                "returning: os._exit, or a fatal error"
            )
        else:
            text = _(
                "your process exited with code {code} while running `{function}` instead of "
                "returning: os._exit, or a fatal error"
            )
        return text.format(code=code, function=function)
    name = _signal_name(-code)
    running = function is not None
    if name == "SIGKILL":
        text = (
            _(
                "your process was killed (SIGKILL) while running `{function}`: usually the "
                "machine ran out of memory"
            )
            if running
            else _(
                "your process was killed (SIGKILL) while importing your file: usually the "
                "machine ran out of memory"
            )
        )
    elif name == "SIGSEGV":
        text = (
            _(
                "your process was stopped by a segmentation fault (SIGSEGV) while running "
                "`{function}`: often recursion too deep for the C stack (after raising the "
                "recursion limit), or a bug in C code"
            )
            if running
            else _(
                "your process was stopped by a segmentation fault (SIGSEGV) while importing your "
                "file: often recursion too deep for the C stack (after raising the recursion "
                "limit), or a bug in C code"
            )
        )
    elif name == "SIGXCPU":
        text = (
            _(
                "your process was stopped for using too much CPU time (SIGXCPU) while running "
                "`{function}`"
            )
            if running
            else _(
                "your process was stopped for using too much CPU time (SIGXCPU) while importing "
                "your file"
            )
        )
    elif name == "SIGSYS":
        text = (
            _(
                "your process was stopped by the grader's sandbox (SIGSYS) while running "
                "`{function}`: it made a forbidden system call (starting a program or a process, "
                "signalling, tracing or re-prioritising another one, opening a network "
                "connection, changing a file's permissions, owner, attributes or timestamps, or "
                "an administrator's call)"
            )
            if running
            else _(
                "your process was stopped by the grader's sandbox (SIGSYS) while importing your "
                "file: it made a forbidden system call (starting a program or a process, "
                "signalling, tracing or re-prioritising another one, opening a network "
                "connection, changing a file's permissions, owner, attributes or timestamps, or "
                "an administrator's call)"
            )
        )
    elif name == "SIGABRT":
        text = (
            _(
                "your process was aborted (SIGABRT) while running `{function}`: a fatal error in "
                "C code"
            )
            if running
            else _(
                "your process was aborted (SIGABRT) while importing your file: a fatal error in "
                "C code"
            )
        )
    elif running:
        text = _("your process was killed by signal {signal} while running `{function}`")
    else:
        text = _("your process was killed by signal {signal} while importing your file")
    return text.format(signal=name, function=function)


_STOPPING = ("timeout", "crash", "protocol")  # failures that cost a process: not repeated
_MAX_TEXT = 2000
_MAX_NAME = 80
_MAX_VIOLATIONS = 20
_FRAME_FIELDS = {"file": str, "line": int, "function": str, "text": str}


def _cut(text: str) -> str:
    """Text from the learner's process, at a length a report can show, with control characters
    made visible (`\x1b` as text), so that no terminal, log or CI runner interprets them."""
    if len(text) > _MAX_TEXT:
        text = _("{text} ... (cut)").format(text=text[:_MAX_TEXT])
    return visible_controls(text)


_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def visible_controls(text: str) -> str:
    """Every control character but newline and tab, written out as an escape."""
    return _CONTROLS.sub(lambda m: m.group().encode("unicode_escape").decode(), text)


_SIGNATURE_KINDS = {
    "POSITIONAL_ONLY",
    "POSITIONAL_OR_KEYWORD",
    "VAR_POSITIONAL",
    "KEYWORD_ONLY",
    "VAR_KEYWORD",
}


def _valid_ready(message: dict[str, Any]) -> dict[str, Any] | None:
    """The 'ready' message, rebuilt from the fields and types the grader sends, or None when it
    is not one (a forged message cannot crash a renderer with an odd field later)."""
    error = message.get("import_error")
    signatures = message.get("signatures")
    sandbox = message.get("sandbox", [])
    if not isinstance(sandbox, list) or not all(isinstance(n, str) for n in sandbox):
        return None
    if error is not None:
        if not isinstance(error, dict) or error.get("kind") not in ("syntax", "import"):
            return None
        types = {"message": str, "type": str, "text": str, "line": int, "offset": int}
        for key, kind in types.items():
            value = error.get(key)
            if value is not None and (type(value) is not kind):
                return None
        frames = error.get("frames", [])
        if not isinstance(frames, list) or len(_frames(frames) or []) != len(frames):
            return None
        clean = {  # in the order the learner's process wrote them
            key: _cut(value) if isinstance(value, str) else value
            for key, value in error.items()
            if key == "kind" or (key in types and value is not None)
        }
        clean["frames"] = _frames(frames) or []
        return {"op": "ready", "import_error": clean, "signatures": {}, "sandbox": sandbox}
    if not isinstance(signatures, dict):
        return None
    for name, info in signatures.items():
        if not isinstance(name, str) or not isinstance(info, dict):
            return None
        if not isinstance(info.get("callable"), bool):
            return None
        parameters = info.get("parameters")
        if parameters is not None and not (
            isinstance(parameters, list)
            and all(
                isinstance(p, list)
                and len(p) == 3
                and isinstance(p[0], str)
                and p[1] in _SIGNATURE_KINDS
                and isinstance(p[2], (str, type(None)))
                for p in parameters
            )
        ):
            return None
    return {"op": "ready", "import_error": None, "signatures": signatures, "sandbox": sandbox}


def _size(size: int) -> str:
    return f"{size / 1024**3:g} GB" if size >= 1024**3 else f"{size / 1024**2:g} MB"


def _signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return f"signal {number}"


def _frames(frames: Any) -> list[dict[str, Any]] | None:
    """Traceback frames as the report expects them; anything else is dropped."""
    if not isinstance(frames, list):
        return None
    kept = [
        {key: (_cut(f[key]) if kind is str else f[key]) for key, kind in _FRAME_FIELDS.items()}
        for f in frames
        if isinstance(f, dict)
        and all(isinstance(f.get(key), kind) for key, kind in _FRAME_FIELDS.items())
    ]
    return kept or None


def _valid_outcome(outcome: Any) -> bool:
    """The shape of one outcome as the worker sends it (values are checked when decoded)."""
    if not isinstance(outcome, dict):
        return False
    if "raised" in outcome:
        raised = outcome["raised"]
        return isinstance(raised, dict) and all(
            isinstance(raised.get(key), (str, type(None))) for key in ("type", "kind", "message")
        )
    modified = outcome.get("modified", [])
    return (
        "value" in outcome
        and isinstance(outcome.get("aliased", False), bool)
        and _valid_bad_return(outcome.get("bad_return"))
        and isinstance(modified, list)
        and all(isinstance(n, str) for n in modified)
    )


def _valid_bad_return(returned: Any) -> bool:
    """None, or what a forward function returned instead of a tuple: a type name, and an
    array's shape."""
    if returned is None:
        return True
    shape = returned.get("shape") if isinstance(returned, dict) else None
    return (
        isinstance(returned, dict)
        and isinstance(returned.get("type"), str)
        and (
            shape is None
            or (
                isinstance(shape, list)
                and len(shape) <= 64
                and all(type(n) is int and n >= 0 for n in shape)
            )
        )
    )


def _grouped(violations: list[tuple[str, str | None]]) -> str:
    """What the solution tried, in words: each code once, with the details of all its reports
    ("read the grader's files (a)" and "... (b)" as "read the grader's files (a, b)"). A code
    the grader does not know (the learner's process wrote it itself) is shown as it came."""
    words = actions()
    details: dict[str, list[str]] = {}
    for code, detail in dict.fromkeys(violations):
        found = details.setdefault(code, [])
        if detail is not None:
            found.append(detail)
    parts = []
    for code, found in details.items():
        listed = ", ".join(found)
        if code in words:
            parts.append(words[code].format(details=listed or "?"))
        else:
            parts.append(f"{code} ({listed})" if listed else code)
    return "; ".join(parts)


class ReferenceImpl:
    """The reference module behind the proxy's interface, called in the judge process."""

    def __init__(self, module: ModuleType, strict: bool = False) -> None:
        self._module = module
        self._strict = strict

    @property
    def stable(self) -> ReferenceImpl:
        return ReferenceImpl(self._module, strict=True)

    def __getattr__(self, name: str) -> Callable[..., Any]:
        if name.startswith("_"):
            raise AttributeError(name)
        function = getattr(self._module, name)

        def call(*args: Any, **kwargs: Any) -> Any:
            errors = "raise" if self._strict else "warn"
            with np.errstate(over=errors, invalid=errors, divide=errors, under="ignore"):
                return function(*args, **kwargs)

        return call

    def call(self, name: str, *args: Any, **kwargs: Any) -> Any:
        return getattr(self, name)(*args, **kwargs)

    def bind(self, name: str, args: tuple, kwargs: dict) -> dict[str, Any]:
        """The arguments of a call by parameter name, for the report."""
        signature = inspect.signature(getattr(self._module, name))
        try:
            return dict(signature.bind(*args, **kwargs).arguments)
        except TypeError:
            return {
                _("argument {number}").format(number=i + 1): a for i, a in enumerate(args)
            } | kwargs

    def call_many(
        self, name: str, calls: list[tuple[tuple, dict]], pick: list[int] | None = None
    ) -> list[Any]:
        function = getattr(self, name)
        # each call gets its own copy of the arguments, as each call of a batch sent to the
        # learner's process does (a shared generator would otherwise advance between calls)
        results = [
            function(*copy.deepcopy(args), **copy.deepcopy(kwargs)) for args, kwargs in calls
        ]
        if pick is None:
            return results
        return [tuple(r[i] for i in pick) if isinstance(r, tuple) else r for r in results]
