"""The learner's process: imports the learner's file under limits and answers calls from the judge.

Nothing here decides a verdict. It reports, for each call, what the function returned or raised,
plus the facts only this side can see: which input arrays were changed in place, whether the
global random state moved, and the final state of each `rng` it was given.
"""

from __future__ import annotations

import importlib.util
import inspect
import json
import os
import random
import sys
import traceback
from typing import Any

import numpy as np

from dlkata.worker import guard
from dlkata.worker.wire import Channel, Decoder, Encoder, Handle, WireError

_MAX_MESSAGE_CHARS = 2000


class Worker:
    def __init__(self, config: dict[str, Any]) -> None:
        self.config = config
        self.channel = Channel(config["read_fd"], config["write_fd"])
        self.solution_path = os.path.realpath(config["solution"])
        self.module: Any = None
        self.handles: dict[int, Any] = {}
        self._next_handle = 1

    # -- start-up ---------------------------------------------------------------------------

    def start(self) -> None:
        guard.apply_limits(
            self.config["memory_bytes"], self.config["cpu_seconds"], self.config["output_bytes"]
        )
        sys.dont_write_bytecode = True
        guard.install_audit_hook(
            tuple(self.config["protected"]),
            (self.solution_path, importlib.util.cache_from_source(self.solution_path)),
            self._report_violation,
        )
        import_error = self._import_solution()
        self.channel.send(
            {
                "op": "ready",
                "import_error": import_error,
                "signatures": self._signatures() if import_error is None else {},
            }
        )

    def _report_violation(self, what: str) -> None:
        self.channel.send({"op": "violation", "what": what})

    def _import_solution(self) -> dict[str, Any] | None:
        folder = os.path.dirname(self.solution_path)
        sys.path.insert(0, folder)
        name = os.path.splitext(os.path.basename(self.solution_path))[0]
        try:
            spec = importlib.util.spec_from_file_location(name, self.solution_path)
            if spec is None or spec.loader is None:
                return {"kind": "import", "message": "not a Python file"}
            module = importlib.util.module_from_spec(spec)
            sys.modules[name] = module
            spec.loader.exec_module(module)
        except SyntaxError as exc:
            return {
                "kind": "syntax",
                "message": exc.msg,
                "line": exc.lineno,
                "offset": exc.offset,
                "text": (exc.text or "").rstrip("\n"),
            }
        except BaseException as exc:  # noqa: BLE001 - anything the learner's module does at import
            return {**self._describe(exc), "kind": "import"}
        self.module = module
        return None

    def _signatures(self) -> dict[str, Any]:
        found: dict[str, Any] = {}
        for name in self.config["functions"]:
            obj = getattr(self.module, name, None)
            if obj is None:
                continue
            if not callable(obj):
                found[name] = {"callable": False}
                continue
            try:
                parameters = inspect.signature(obj).parameters.values()
            except (TypeError, ValueError):
                found[name] = {"callable": True, "parameters": None}
                continue
            found[name] = {
                "callable": True,
                "parameters": [
                    [p.name, p.kind.name, None if p.default is p.empty else repr(p.default)]
                    for p in parameters
                ],
            }
        return found

    # -- the call loop ----------------------------------------------------------------------

    def serve(self) -> None:
        while True:
            message, blobs = self.channel.receive()
            op = message.get("op")
            if op == "quit":
                return
            if op == "reset":
                self.handles.clear()
                continue
            if op == "call":
                self._answer(message["seq"], [self._call(message, blobs)])
            elif op == "batch":
                self._answer(
                    message["seq"], [self._call(call, blobs) for call in message["calls"]]
                )

    def _answer(self, seq: int, outcomes: list[dict[str, Any]]) -> None:
        encoder = Encoder(fallback=self._keep)
        replies = []
        for outcome in outcomes:
            if "value" in outcome:
                try:
                    outcome["value"] = encoder.encode(outcome["value"])
                except (WireError, RecursionError) as exc:
                    outcome = {"raised": {"type": "WireError", "kind": "unsendable",
                                          "message": str(exc), "frames": []}}
            replies.append(outcome)
        self.channel.send({"op": "result", "seq": seq, "outcomes": replies}, encoder.blobs)

    def _keep(self, value: Any) -> dict[str, Any]:
        """Anything that is not plain data stays here; the judge gets a handle to it."""
        return {"$h": self._store(value).id, "type": type(value).__name__}

    def _store(self, value: Any) -> Handle:
        handle = Handle(self._next_handle, type(value).__name__)
        self._next_handle += 1
        self.handles[handle.id] = value
        return handle

    def _resolve(self, handle_id: int, type_name: str) -> Any:
        if handle_id not in self.handles:
            raise WireError("the cache passed in does not exist any more")
        return self.handles[handle_id]

    def _call(self, call: dict[str, Any], blobs: list[bytes]) -> dict[str, Any]:
        name = call["fn"]
        function = getattr(self.module, name, None)
        if not callable(function):
            return {"raised": {"type": "AttributeError", "kind": "missing", "frames": [],
                               "message": f"your file defines no function {name}"}}
        decoder = Decoder(blobs, resolve_handle=self._resolve)
        args = decoder.decode(call["args"])
        kwargs = decoder.decode(call["kwargs"])
        before = _array_snapshot(function, args, kwargs)
        global_before = (_legacy_state(), random.getstate())
        try:
            with np.errstate(**_FP_STRICT if call.get("strict") else _FP_DEFAULT):
                value = function(*args, **kwargs)
        except BaseException as exc:  # noqa: BLE001 - the learner's code may raise anything
            return {"raised": self._describe(exc)}
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
        outcome: dict[str, Any] = {
            "modified": [n for n, (arr, copy) in before.items() if not _same(arr, copy)],
            "global_rng": global_before != (_legacy_state(), random.getstate()),
            "rng_states": [g.bit_generator.state for g in decoder.generators],
        }
        if call.get("keep_last"):
            if not isinstance(value, (tuple, list)) or len(value) < 2:
                outcome["bad_return"] = (
                    f"{name} must return a tuple ending with the cache; "
                    f"it returned {_kind_of(value)}"
                )
                value = None
            else:
                value = (*value[:-1], self._store(value[-1]))
        if call.get("pick") is not None:
            value = _pick(value, call["pick"])
        outcome["value"] = value
        return outcome

    def _describe(self, exc: BaseException) -> dict[str, Any]:
        frames = traceback.extract_tb(exc.__traceback__)
        learner_dir = os.path.dirname(self.solution_path)
        shown = [f for f in frames if os.path.realpath(f.filename).startswith(learner_dir)]
        if frames and (not shown or shown[-1] is not frames[-1]):
            shown.append(frames[-1])
        message = str(exc)
        if len(message) > _MAX_MESSAGE_CHARS:
            message = message[:_MAX_MESSAGE_CHARS] + " ... (cut)"
        return {
            "type": type(exc).__name__,
            "kind": _exception_kind(exc),
            "message": message,
            "exit_code": exc.code if isinstance(exc, SystemExit) and isinstance(exc.code, int)
            else None,
            "frames": [
                {"file": os.path.basename(f.filename), "line": f.lineno, "function": f.name,
                 "text": (f.line or "").strip()}
                for f in shown[-6:]
            ],
        }


_FP_STRICT = {"over": "raise", "invalid": "raise", "divide": "raise", "under": "ignore"}
_FP_DEFAULT = {"over": "warn", "invalid": "warn", "divide": "warn", "under": "ignore"}


def _exception_kind(exc: BaseException) -> str:
    kinds = [
        (NotImplementedError, "not_implemented"),
        (SystemExit, "exit"),
        (RecursionError, "recursion"),
        (MemoryError, "memory"),
        (FloatingPointError, "floating_point"),
        (ValueError, "value_error"),
        (PermissionError, "refused"),
    ]
    for exc_type, kind in kinds:
        if isinstance(exc, exc_type):
            return kind
    return "exception"


def _array_snapshot(function: Any, args: tuple, kwargs: dict) -> dict[str, tuple]:
    """Copies of every input array, by parameter name, to tell afterwards what was changed."""
    try:
        named = inspect.signature(function).bind_partial(*args, **kwargs).arguments
    except (TypeError, ValueError):
        named = {f"argument {i + 1}": a for i, a in enumerate(args)} | kwargs
    snapshot = {}
    for name, value in named.items():
        values = value if isinstance(value, (list, tuple)) else [value]
        for i, item in enumerate(values):
            if isinstance(item, np.ndarray):
                label = name if len(values) == 1 else f"{name}[{i}]"
                snapshot[label] = (item, item.copy())
    return snapshot


def _same(array: np.ndarray, copy: np.ndarray) -> bool:
    if array.shape != copy.shape:
        return False
    return bool(np.array_equal(array, copy, equal_nan=array.dtype.kind in "fc"))


def _legacy_state() -> tuple:
    _, keys, pos, has_gauss, cached = np.random.get_state()
    return (keys.tobytes(), pos, has_gauss, cached)


def _pick(value: Any, indices: list[int]) -> Any:
    """The requested elements of a tuple result (gradient checks need only the outputs)."""
    if not isinstance(value, (tuple, list)):
        return value
    return tuple(value[i] if -len(value) <= i < len(value) else None for i in indices)


def _kind_of(value: Any) -> str:
    if isinstance(value, np.ndarray):
        return f"an array of shape {value.shape}"
    return f"a {type(value).__name__}"


def main() -> None:
    config = json.loads(sys.argv[1])
    worker = Worker(config)
    worker.start()
    if worker.module is not None:
        worker.serve()


if __name__ == "__main__":
    main()
