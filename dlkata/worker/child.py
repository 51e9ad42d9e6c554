"""The learner's process: imports the learner's file under limits and answers calls from the judge.

Nothing here decides a verdict. It reports, for each call, what the function returned or raised,
plus the facts only this side can see: which input arrays were changed in place, whether the
global random state moved, and the final state of each `rng` it was given. Those facts come from
the learner's own process, so a solution that sets out to sabotage this file could hide them; it
still cannot make wrong values pass, because values are compared in the judge.

Facts go to the judge as data, which words them; the few texts made here (the messages of the
exceptions a solution sees, of an import that failed) are in the language the judge sends in the
configuration, whose catalogue is read before the sandbox closes the file system.
"""

from __future__ import annotations

import errno
import importlib.util
import inspect
import io
import json
import linecache
import operator
import os
import random
import sys
import traceback
from collections.abc import Callable
from typing import Any

import numpy as np

from dlkata import i18n
from dlkata.i18n import _, ngettext
from dlkata.worker import guard, sandbox, wire
from dlkata.worker.wire import Channel, ChannelClosed, Decoder, Encoder, Handle, WireError

_MAX_MESSAGE_CHARS = 2000
_MAX_NAMED_PATCHES = 5
# Namespaces a solution has no business changing: the checkers' tools and the grader's own code.
# (numpy.testing is watched only if something loaded it: importing it would slow every start.)
_WATCHED_MODULES = (
    "builtins",
    "numpy",
    "numpy.random",
    "numpy.linalg",
    "numpy.testing",
    "math",
    "random",
    "os",
    "json",
    "dlkata.worker.child",
    "dlkata.worker.guard",
    "dlkata.worker.wire",
    "dlkata.worker.sandbox",
)


class Worker:
    def __init__(self, channel: Channel, config: dict[str, Any]) -> None:
        self.config = config
        self.channel = channel
        self.solution_path = os.path.realpath(config["solution"])
        self.module: Any = None
        self.handles: dict[int, Any] = {}
        self._next_handle = 1
        self.sandbox: list[str] = []
        self._patches: Callable[[], list[str]] = lambda: []
        self._called: set[str] = set()
        # the call under way: the judge's functions passed to it answer only while it runs
        self._call_token: object | None = None

    # -- start-up ---------------------------------------------------------------------------

    def start(self) -> None:
        i18n.use(self.config.get("language") or i18n.DEFAULT)  # reads its catalogue: first
        guard.apply_limits(
            self.config["memory_bytes"], self.config["cpu_seconds"], self.config["output_bytes"]
        )
        sys.dont_write_bytecode = True
        _write_through_output()
        # the import system also looks for a cached .pyc of the file (there is none to find)
        own_files = (self.solution_path, importlib.util.cache_from_source(self.solution_path))
        sys.path[:] = sandbox.import_path(sys.path)
        readable = sandbox.readable_paths(own_files)
        # entries of the import path that may not exist (python3XX.zip) are probed, not read
        readable[1].extend(p for p in sys.path if not os.path.isdir(p))
        self.sandbox = sandbox.install(own_files)
        self._patches = watch_namespaces(
            [sys.modules[name] for name in _WATCHED_MODULES if name in sys.modules]
            + [Worker, Encoder, Decoder, Channel]
        )
        guard.install_audit_hook(tuple(self.config["protected"]), readable, self._report_violation)
        import_error = self._import_solution()
        self._check_patches()
        self.channel.send(
            {
                "op": "ready",
                "import_error": import_error,
                "signatures": self._signatures() if import_error is None else {},
                "sandbox": self.sandbox,
            }
        )

    def _report_violation(self, what: str, detail: str | None = None) -> None:
        """Tell the judge what the solution tried: a code of `guard.actions()`, and a detail."""
        self.channel.send({"op": "violation", "what": what, "detail": detail})

    def _check_patches(self) -> None:
        """Name any change to NumPy, builtins or the grader's code, and undo it."""
        changed = self._patches()
        if changed:
            named = ", ".join(changed[:_MAX_NAMED_PATCHES])
            more = len(changed) - _MAX_NAMED_PATCHES
            if more > 0:
                named = ngettext(
                    "{names} and {count} more", "{names} and {count} more", more
                ).format(names=named, count=more)
            self._report_violation("patch", named)

    def _import_solution(self) -> dict[str, Any] | None:
        folder = os.path.dirname(self.solution_path)
        sys.path.insert(0, folder)
        name = os.path.splitext(os.path.basename(self.solution_path))[0]
        sys.meta_path.insert(0, OnlyNumPy(name))
        sys.breakpointhook = _no_debugger
        try:
            spec = importlib.util.spec_from_file_location(name, self.solution_path)
            if spec is None or spec.loader is None:
                return {"kind": "import", "message": _("not a Python file")}
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
        except BaseException as exc:  # anything the learner's module does at import
            described = self._describe(exc)
            if isinstance(exc, SystemExit):
                code = exc.code if isinstance(exc.code, (int, str, type(None))) else "..."
                described["message"] = _(
                    "sys.exit({code}) was called at the top level of your file, so it never "
                    "finished importing"
                ).format(code=repr(code))
            elif described["kind"] == "output":
                described["message"] = _(
                    "your file printed more than the {size} of output the grader keeps while it "
                    "was being imported"
                ).format(size=_megabytes(self.config["output_bytes"]))
            return {**described, "kind": "import"}
        self.module = module
        return None

    def _signatures(self) -> dict[str, Any]:
        found: dict[str, Any] = {}
        for name in self.config["functions"]:
            try:  # a module-level __getattr__ or a strange __signature__ may raise anything
                obj = getattr(self.module, name, None)
                if obj is None:
                    continue
                if not callable(obj):
                    found[name] = {"callable": False}
                    continue
                parameters = inspect.signature(obj).parameters.values()
            except Exception:
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
            if op == "reset":
                self.handles.clear()
                continue
            if op == "call":
                self._answer(message["seq"], [self._call_checked(message, blobs)])
            elif op == "batch":
                outcomes = [_copied(self._call(call, blobs)) for call in message["calls"]]
                self._answer(message["seq"], outcomes)

    def _answer(self, seq: int, outcomes: list[dict[str, Any]]) -> None:
        encoder = Encoder(fallback=self._keep)
        replies = []
        for outcome in outcomes:
            try:
                if "value" in outcome:
                    outcome["value"] = encoder.encode(outcome["value"])
                if "rng_states" in outcome:
                    outcome["rng_states"] = encoder.encode(outcome["rng_states"])
            except (WireError, RecursionError) as exc:
                outcome = {"raised": _unsendable(str(exc))}
            replies.append(outcome)
        header = {"op": "result", "seq": seq, "outcomes": replies}
        try:
            message = wire.pack(header, encoder.blobs)
        except (WireError, ValueError, TypeError) as exc:  # too large, or not JSON after all
            reason = _("the result cannot be sent to the grader ({error})").format(error=exc)
            header["outcomes"] = [{"raised": _unsendable(reason)} for _outcome in outcomes]
            message = wire.pack(header, [])
        self.channel.send_packed(message)

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
            raise WireError(_("the cache passed in does not exist any more"))
        return self.handles[handle_id]

    def _call_checked(self, call: dict[str, Any], blobs: list[bytes]) -> dict[str, Any]:
        """The first call of each function runs twice on equal arguments. Results of the two
        that share memory (a memo, a module-level buffer) break rule 2: the caller who changes
        one result changes the other. Copies cross the wire, so only this side can see it."""
        if call["fn"] in self._called:
            return self._call(call, blobs)
        self._called.add(call["fn"])
        first = self._call(call, blobs)
        if "raised" in first or any(first.get(k) for k in ("modified", "global_rng", "bad_return")):
            return first
        if not _arrays_in(first["value"], ""):
            return first  # nothing that could be shared
        second = self._call(call, blobs)
        if "value" in second and _shares_memory(first["value"], second["value"]):
            second["aliased"] = True
        return second

    def _call(self, call: dict[str, Any], blobs: list[bytes]) -> dict[str, Any]:
        name = call["fn"]
        try:
            function = getattr(self.module, name, None)
        except Exception:
            function = None
        if not callable(function):
            return {
                "raised": {
                    "type": "AttributeError",
                    "kind": "missing",
                    "frames": [],
                    "message": _("your file defines no function {function}").format(function=name),
                }
            }
        token = object()
        # A function that returns a state and receives its own earlier one (an optimiser step)
        # may update that state in place, as the contract allows; its other inputs stay checked.
        own_state: list[Any] = []

        def resolve(handle_id: int, type_name: str) -> Any:
            value = self._resolve(handle_id, type_name)
            own_state.append(value)
            return value

        decoder = Decoder(
            blobs,
            resolve_handle=resolve if call.get("keep_last") else self._resolve,
            resolve_function=lambda index: GraderFunction(self, index, token),
        )
        args = decoder.decode(call["args"])
        kwargs = decoder.decode(call["kwargs"])
        before = _input_snapshot(function, args, kwargs, own_state)
        global_before = (_legacy_state(), random.getstate())
        self._call_token = token
        try:
            with np.errstate(**_FP_STRICT if call.get("strict") else _FP_DEFAULT):
                value = function(*args, **kwargs)
        except BaseException as exc:  # the learner's code may raise anything
            self._check_patches()
            return {"raised": self._describe(exc)}
        finally:
            self._call_token = None
        self._check_patches()  # before the checks below use NumPy
        outcome: dict[str, Any] = {
            "modified": [n for n, (arr, copy) in before.items() if not _same(arr, copy)],
            "global_rng": global_before != (_legacy_state(), random.getstate()),
            "rng_states": [g.bit_generator.state for g in decoder.generators],
        }
        if call.get("keep_last"):
            if not isinstance(value, (tuple, list)) or len(value) < 2:
                outcome["bad_return"] = _kind_of(value)  # the judge words it
                value = None
            else:
                value = (*value[:-1], self._store(value[-1]))
        if call.get("pick") is not None:
            value = _pick(value, call["pick"])
        outcome["value"] = value
        return outcome

    def _describe(self, exc: BaseException) -> dict[str, Any]:
        # lines are read only from the learner's own file: the grader's are not readable here
        frames = traceback.StackSummary.extract(
            traceback.walk_tb(exc.__traceback__), lookup_lines=False
        )
        learner_dir = os.path.dirname(self.solution_path)
        shown = [f for f in frames if os.path.realpath(f.filename).startswith(learner_dir)]
        if frames and (not shown or shown[-1] is not frames[-1]):
            shown.append(frames[-1])
        try:
            message = str(exc)
        except Exception:  # an exception whose __str__ raises
            message = _("(its message cannot be shown)")
        if len(message) > _MAX_MESSAGE_CHARS:
            message = _("{text} ... (cut)").format(text=message[:_MAX_MESSAGE_CHARS])
        return {
            "type": type(exc).__name__,
            "kind": _exception_kind(exc),
            "message": message,
            "exit_code": exc.code
            if isinstance(exc, SystemExit) and isinstance(exc.code, int)
            else None,
            "frames": [
                {
                    "file": os.path.basename(f.filename),
                    "line": f.lineno,
                    "function": f.name,
                    "text": linecache.getline(f.filename, f.lineno or 0).strip()
                    if os.path.realpath(f.filename).startswith(learner_dir)
                    else "",
                }
                for f in shown[-6:]
            ],
        }


class GraderFunction:
    """A function of the judge's passed to the learner's (`f` in `numerical_gradient(f, x)`):
    calling it asks the judge, which runs it and answers with the value. Its code never leaves
    the judge, and it answers only during the call it was passed to."""

    def __init__(self, worker: Worker, index: int, token: object) -> None:
        self._worker, self._index, self._token = worker, index, token

    def __repr__(self) -> str:
        return _("<a function of the grader's>")

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        if self._worker._call_token is not self._token:
            raise RuntimeError(
                _("a function of the grader's can be called only during the call it was passed to")
            )
        encoder = Encoder()
        try:
            header = {
                "op": "callback",
                "id": self._index,
                "args": encoder.encode(args),
                "kwargs": encoder.encode(kwargs),
            }
        except WireError as exc:
            raise TypeError(str(exc)) from None
        self._worker.channel.send(header, encoder.blobs)
        reply, blobs = self._worker.channel.receive()
        if reply.get("op") == "callback_error":
            raise ValueError(str(reply.get("message")))
        return Decoder(blobs).decode(reply.get("value"))


def _no_debugger(*args: Any, **kwargs: Any) -> None:
    """`breakpoint()` in a solution: no debugger can attach inside the grader."""
    raise RuntimeError(
        _(
            "breakpoint() cannot open a debugger inside the grader (your code runs in a sandboxed "
            "process with no terminal). Remove it, and debug with print() or by calling your "
            "functions yourself in Python or a notebook on small inputs."
        )
    )


class OnlyNumPy:
    """An import finder that turns away every package but NumPy and the standard library, with
    a message that names the package: a solution may use nothing else, and the sandbox could
    not read it anyway (NumPy's own optional imports see an ordinary ModuleNotFoundError)."""

    def __init__(self, own_module: str) -> None:
        self.allowed = frozenset(
            {*sys.stdlib_module_names, *sys.builtin_module_names, "numpy", own_module}
        )

    def find_spec(self, name: str, path: Any = None, target: Any = None) -> None:
        top = name.partition(".")[0]
        if top not in self.allowed and top not in sys.modules:
            raise ModuleNotFoundError(
                _(
                    "No module named {name} here: a solution may import only NumPy and Python's "
                    "standard library"
                ).format(name=repr(name)),
                name=name,
            )


_FP_STRICT = {"over": "raise", "invalid": "raise", "divide": "raise", "under": "ignore"}
_FP_DEFAULT = {"over": "warn", "invalid": "warn", "divide": "warn", "under": "ignore"}


def watch_namespaces(owners: list[Any]) -> Callable[[], list[str]]:
    """Remember the attributes of modules and classes; the returned function names every one
    rebound or deleted since, and puts it back.

    Everything it uses is bound here, so a solution that replaces builtins cannot blind it.
    """
    saved = []
    for owner in owners:
        label = (
            owner.__name__
            if not isinstance(owner, type)
            else (f"{owner.__module__}.{owner.__qualname__}")
        )
        namespace = vars(owner)  # live: a module's dict, a class's mappingproxy
        attributes = dict(namespace)
        getter = operator.itemgetter(*attributes) if len(attributes) > 1 else None
        saved.append((label, owner, namespace, attributes, getter, tuple(attributes.values())))
    items, setattr_, append, any_, map_, is_not = (
        dict.items,
        setattr,
        list.append,
        any,
        map,
        operator.is_not,
    )
    missing = object()

    def unchanged(namespace: Any, getter: Any, values: tuple) -> bool:
        """The common case, in C: every attribute still there and still the same object."""
        try:
            return getter is not None and not any_(map_(is_not, values, getter(namespace)))
        except KeyError:  # one was deleted
            return False

    def changes() -> list[str]:
        found: list[str] = []
        for label, owner, namespace, attributes, getter, values in saved:
            if unchanged(namespace, getter, values):
                continue
            current = namespace.get
            for key, value in items(attributes):
                if current(key, missing) is not value:
                    append(found, f"{label}.{key}")
                    setattr_(owner, key, value)
        return found

    return changes


def _write_through_output() -> None:
    """Print straight into the capture file, without a buffer in between.

    A buffer that cannot be written (the output cap was reached) would fail every later flush,
    the grader's own included; nothing is lost either when the process is killed mid-call.
    """
    for fd, name in ((1, "stdout"), (2, "stderr")):
        raw = io.FileIO(fd, "w", closefd=False)
        stream = io.TextIOWrapper(
            raw, encoding="utf-8", errors="backslashreplace", write_through=True
        )
        setattr(sys, name, stream)


def _unsendable(reason: str) -> dict[str, Any]:
    return {"type": "WireError", "kind": "unsendable", "message": reason, "frames": []}


def _megabytes(size: int) -> str:
    return f"{size / 1024**2:g} MB"


def _exception_kind(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.errno == errno.EFBIG:
        return "output"  # RLIMIT_FSIZE: the capture file is full
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


def _input_snapshot(
    function: Any,
    args: tuple,
    kwargs: dict,
    own_state: list[Any] = (),  # type: ignore[assignment]
) -> dict[str, tuple]:
    """Copies of every input array, and the members of every input list and dict, by parameter
    name (and index or key inside tuples, lists and dicts), to tell afterwards what was changed;
    the arguments in `own_state` (the function's own state, handed back to it) are left out."""
    try:
        named = inspect.signature(function).bind_partial(*args, **kwargs).arguments
    except Exception:  # no signature, arguments that do not bind, or a __signature__ that raises
        named = {
            _("argument {number}").format(number=i + 1): a for i, a in enumerate(args)
        } | kwargs
    inputs = [(n, v) for n, v in named.items() if not any(v is state for state in own_state)]
    arrays = {
        label: (array, array.copy())
        for name, value in inputs
        for label, array in _arrays_in(value, name)
    }
    containers = {
        label: (container, _members(container))
        for name, value in inputs
        for label, container in _containers_in(value, name)
    }
    return arrays | containers


def _members(container: list | dict) -> tuple:
    """What a list or dict holds, by identity: an entry replaced, added or removed changes it."""
    if isinstance(container, dict):
        return tuple((key, id(item)) for key, item in container.items())
    return tuple(id(item) for item in container)


def _containers_in(value: Any, label: str, depth: int = 0) -> list[tuple[str, Any]]:
    """Every list and dict inside a value (a tuple cannot change, but may hold one)."""
    if depth > 4 or not isinstance(value, (list, tuple, dict)):
        return []
    found = [] if isinstance(value, tuple) else [(label, value)]
    items = (
        ((repr(k), v) for k, v in value.items()) if isinstance(value, dict) else enumerate(value)
    )
    for key, item in items:
        found += _containers_in(item, f"{label}[{key}]", depth + 1)
    return found


def _arrays_in(value: Any, label: str, depth: int = 0) -> list[tuple[str, np.ndarray]]:
    """Every array inside a value, with a label such as `params['w1']` or `xs[2]`."""
    if isinstance(value, np.ndarray):
        return [(label, value)]
    if depth >= 4:
        return []
    if isinstance(value, (list, tuple)):
        items = enumerate(value)
    elif isinstance(value, dict):
        items = ((repr(k), v) for k, v in value.items())
    else:
        return []
    return [
        found for key, item in items for found in _arrays_in(item, f"{label}[{key}]", depth + 1)
    ]


def _copied(outcome: dict[str, Any]) -> dict[str, Any]:
    """An outcome whose arrays are copies: a batch is sent after all its calls have run, and a
    function that reuses one output buffer must not make every call's result look the same."""
    if "value" in outcome:
        outcome["value"] = _copy_arrays(outcome["value"])
    return outcome


def _copy_arrays(value: Any) -> Any:
    if isinstance(value, np.ndarray):
        return value.copy()
    if isinstance(value, tuple):
        return tuple(_copy_arrays(v) for v in value)
    if isinstance(value, list):
        return [_copy_arrays(v) for v in value]
    return value


def _shares_memory(first: Any, second: Any) -> bool:
    """Whether an array of one result lies in memory that an array of the other also uses."""
    ours = [a for _label, a in _arrays_in(first, "")]
    return any(np.may_share_memory(a, b) for _label, b in _arrays_in(second, "") for a in ours)


def _same(value: Any, before: Any) -> bool:
    """Whether an input array, or a list or dict (by its members), is as it was before the call."""
    if not isinstance(value, np.ndarray):
        return _members(value) == before
    array, copy = value, before
    if array.shape != copy.shape:
        return False
    return bool(np.array_equal(array, copy, equal_nan=array.dtype.kind in "fc"))


def _legacy_state() -> tuple:
    _name, keys, pos, has_gauss, cached = np.random.get_state()
    return (keys.tobytes(), pos, has_gauss, cached)


def _pick(value: Any, indices: list[int]) -> Any:
    """The requested elements of a tuple result (gradient checks need only the outputs)."""
    if not isinstance(value, (tuple, list)):
        return value
    return tuple(value[i] if -len(value) <= i < len(value) else None for i in indices)


def _kind_of(value: Any) -> dict[str, Any]:
    """What a function returned instead of a tuple, as facts: its type, and an array's shape."""
    if isinstance(value, np.ndarray):
        return {"type": "ndarray", "shape": [int(n) for n in value.shape]}
    return {"type": type(value).__name__}


def main() -> None:
    """Wait for the configuration (the process may start before the learner's file is known),
    then apply the limits and the sandbox, import the file and answer calls."""
    fds = json.loads(sys.argv[1])
    channel = Channel(fds["read_fd"], fds["write_fd"])
    try:
        message, _blobs = channel.receive()
        if message.get("op") != "config":
            return
        worker = Worker(channel, message)
        worker.start()
        if worker.module is not None:
            worker.serve()
    except ChannelClosed:
        pass  # the judge has gone: nothing left to answer


if __name__ == "__main__":
    main()
