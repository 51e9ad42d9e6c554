"""The wire format between the judge and the learner's process: data only, never code.

A message is a JSON document plus binary blobs. An array travels as its raw bytes, with its dtype
and shape in the JSON marker; the dtype must be a plain one (booleans, numbers, fixed-length
strings) and the shape must account for exactly the bytes carried, so no object is ever built
from what arrives and no small message makes the reader allocate a large array. Tuples, dicts,
NumPy scalars, random generators and opaque handles are JSON objects with a `$` marker. Nothing here
can execute code while decoding, which is what makes it safe to read what the learner's process
sends (pickle would not be), and anything malformed raises `WireError`, never another exception.
Its message can reach a report, so it is worded in the current language (both processes have it).
"""

from __future__ import annotations

import functools
import json
import math
import os
import re
import select
import struct
import time
import types
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from dlkata.i18n import _

MAX_MESSAGE_BYTES = 256 * 1024 * 1024
# Values outside arrays (lists of numbers, strings) become Python objects many times their JSON
# size: their part of a message is kept small, so that no reply can exhaust the judge's memory.
MAX_HEADER_BYTES = 16 * 1024 * 1024
MAX_ITEMS = 1_000_000  # values outside arrays in one message, counted while encoding
MAX_DEPTH = 64
MAX_INT_BITS = 4096  # JSON integers past about 4300 digits are refused by Python itself
_HEADER = struct.Struct("<Q")
_RNG_NAMES = ("PCG64", "PCG64DXSM", "MT19937", "Philox", "SFC64")
# what an array received may hold: booleans and numbers (no objects, strings, bytes, dates)
_ARRAY_KINDS = "biufc"
# the dtypes that cross at all, as `dtype.str` spells them: booleans, numbers, unicode strings
_PLAIN_DTYPE = re.compile(r"[<>|=][biufcU][0-9]{1,6}")
_MAX_DIMS = 64
# what a malformed message can raise while it is taken apart; each becomes a WireError
_MALFORMED = (
    TypeError,
    KeyError,
    ValueError,
    IndexError,
    AttributeError,
    OverflowError,
    RecursionError,
    struct.error,
    EOFError,
)


class WireError(Exception):
    """A value cannot be sent, or what arrived is not a valid message."""


class ChannelClosed(WireError):
    """The other side closed the pipe (usually: the learner's process died)."""


class ChannelTimeout(WireError):
    """Nothing arrived within the time allowed."""


# what the judge may pass by reference: its own functions (a hidden test's lambda, a partial)
_FUNCTIONS = (types.FunctionType, types.MethodType, functools.partial)


@dataclass(frozen=True)
class Handle:
    """An object that stays in the learner's process (a cache, say); only its id crosses."""

    id: int
    type_name: str

    def __repr__(self) -> str:
        return _("<{type} kept in your process>").format(type=self.type_name)


class Encoder:
    """Turns a value into JSON-able data plus blobs.

    `fallback` is asked about anything that is not plain data and returns a JSON marker for it
    (the worker keeps such objects in its process and sends a handle).
    """

    def __init__(
        self, fallback: Callable[[Any], Any] | None = None, *, functions: bool = False
    ) -> None:
        """`functions`: send a Python function as a reference (`{"$f": i}`) that the learner's
        process calls back (the judge's `f` for `numerical_gradient(f, x)`); the code itself
        never crosses."""
        self.blobs: list[bytes] = []
        self.generators: list[np.random.Generator] = []
        self.functions: list[Callable[..., Any]] = []
        self._fallback = fallback
        self._send_functions = functions
        self._items = 0

    def encode(self, value: Any, depth: int = 0) -> Any:
        if depth > MAX_DEPTH:
            raise WireError(_("the value is nested too deeply to send"))
        self._items += 1
        # a container's items will all be counted: a huge list fails before it is walked
        ahead = len(value) if isinstance(value, (list, tuple, dict)) else 0
        if self._items + ahead > MAX_ITEMS:
            raise WireError(
                _(
                    "more than {count} values outside arrays (return large data as NumPy arrays)"
                ).format(count=MAX_ITEMS)
            )
        if isinstance(value, np.ndarray):
            return self._array("$a", value)
        if isinstance(value, np.generic):  # before float: np.float64 is a float subclass
            return self._array("$s", value)
        if value is None or isinstance(value, (bool, str, float)):
            return value
        if isinstance(value, int):
            if int.bit_length(value) > MAX_INT_BITS:
                raise WireError(
                    _("an integer of {bits} bits cannot be sent").format(bits=int.bit_length(value))
                )
            return value
        if isinstance(value, tuple):
            return {"$t": [self.encode(v, depth + 1) for v in value]}
        if isinstance(value, list):
            return [self.encode(v, depth + 1) for v in value]
        if isinstance(value, dict) and all(isinstance(k, (str, int)) for k in value):
            return {"$d": [[k, self.encode(v, depth + 1)] for k, v in value.items()]}
        if isinstance(value, np.random.Generator):
            self.generators.append(value)
            return {"$rng": self.encode(value.bit_generator.state, depth + 1)}
        if isinstance(value, Handle):
            return {"$h": value.id, "type": value.type_name}
        if self._send_functions and isinstance(value, _FUNCTIONS):
            self.functions.append(value)
            return {"$f": len(self.functions) - 1}
        if self._fallback is not None:
            return self._fallback(value)
        raise WireError(
            _("a value of type {type} cannot be sent").format(type=type(value).__name__)
        )

    def _array(self, key: str, value: np.ndarray | np.generic) -> dict[str, Any]:
        """Raw bytes in C order as a blob, dtype and shape in the marker (subclasses lose their
        class; 0-d arrays stay 0-d)."""
        array = np.asarray(value)
        if not _PLAIN_DTYPE.fullmatch(array.dtype.str):
            raise WireError(
                _(
                    "an array of dtype {dtype} cannot be sent (only booleans, numbers and strings)"
                ).format(dtype=array.dtype)
            )
        self.blobs.append(array.tobytes())
        return {key: len(self.blobs) - 1, "dtype": array.dtype.str, "shape": list(array.shape)}


class Decoder:
    """Turns JSON data plus blobs back into values; the inverse of `Encoder`."""

    def __init__(
        self,
        blobs: list[bytes],
        resolve_handle: Callable[[int, str], Any] | None = None,
        numbers_only: bool = False,
        resolve_function: Callable[[int], Any] | None = None,
    ) -> None:
        """`numbers_only`: refuse arrays of anything but booleans and numbers (the judge reading
        what a learner's process sent: no strings, bytes, dates or records to trip a check).
        `resolve_function` turns a function reference into something to call (the worker's
        stand-in that asks the judge)."""
        self._blobs = blobs
        self._resolve_handle = resolve_handle
        self._resolve_function = resolve_function
        self._numbers_only = numbers_only
        self.generators: list[np.random.Generator] = []

    def decode(self, data: Any) -> Any:
        """The value `data` describes; `WireError` for anything malformed."""
        try:
            return self._decode(data, 0)
        except WireError:
            raise
        except _MALFORMED as exc:
            raise WireError(
                _("malformed value in message ({error})").format(
                    error=f"{type(exc).__name__}: {exc}"
                )
            ) from None

    def _decode(self, data: Any, depth: int) -> Any:
        if depth > MAX_DEPTH:
            raise WireError(_("message nested too deeply"))
        if isinstance(data, list):
            return [self._decode(v, depth + 1) for v in data]
        if not isinstance(data, dict):
            return data
        if "$a" in data:
            return self._array(data["$a"], data)
        if "$s" in data:
            scalar = self._array(data["$s"], data)
            if scalar.ndim != 0:
                raise WireError(_("a scalar in the message has a shape"))
            return scalar[()]
        if "$t" in data:
            return tuple(self._decode(v, depth + 1) for v in data["$t"])
        if "$d" in data:
            result = {}
            for key, value in data["$d"]:
                if not isinstance(key, (str, int)):
                    raise WireError(_("a dict key in the message is neither a string nor an int"))
                result[key] = self._decode(value, depth + 1)
            return result
        if "$rng" in data:
            return self._generator(self._decode(data["$rng"], depth + 1))
        if "$h" in data:
            if self._resolve_handle is None:
                raise WireError(_("handles are not expected here"))
            return self._resolve_handle(int(data["$h"]), str(data.get("type", "object")))
        if "$f" in data:
            if self._resolve_function is None or type(data["$f"]) is not int:
                raise WireError(_("functions are not expected here"))
            return self._resolve_function(data["$f"])
        raise WireError(_("unknown marker in message"))

    def _array(self, index: Any, marker: dict[str, Any]) -> np.ndarray:
        if type(index) is not int or not 0 <= index < len(self._blobs):
            raise WireError(_("the message refers to an array it does not carry"))
        blob, spelled, shape = self._blobs[index], marker.get("dtype"), marker.get("shape")
        if type(spelled) is not str or not _PLAIN_DTYPE.fullmatch(spelled):
            raise WireError(
                _("arrays of dtype {dtype} cannot be received").format(dtype=_cut(spelled))
            )
        dtype = np.dtype(spelled)
        if self._numbers_only and (dtype.kind not in _ARRAY_KINDS or dtype.itemsize > 16):
            raise WireError(
                _("arrays of dtype {dtype} cannot be received (numbers only)").format(dtype=dtype)
            )
        if (
            type(shape) is not list
            or len(shape) > _MAX_DIMS
            or not all(type(n) is int and n >= 0 for n in shape)
        ):
            raise WireError(_("an array's shape in the message is not a list of sizes"))
        # the shape must describe exactly the bytes carried: a small message cannot make the
        # reader allocate a huge array
        if math.prod(shape) * dtype.itemsize != len(blob):
            raise WireError(_("an array's data does not match its shape and dtype"))
        if not blob:
            return np.zeros(shape, dtype)
        return np.frombuffer(blob, dtype).reshape(shape).copy()

    def _generator(self, state: Any) -> np.random.Generator:
        name = state.get("bit_generator") if isinstance(state, dict) else None
        if name not in _RNG_NAMES:
            raise WireError(_("unsupported random generator {name}").format(name=repr(name)))
        bit_generator = getattr(np.random, name)()
        bit_generator.state = state
        generator = np.random.Generator(bit_generator)
        self.generators.append(generator)
        return generator


def _cut(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:40] + "..."


def pack(header: dict[str, Any], blobs: list[bytes]) -> bytes:
    """One message: its length, the JSON header, then each blob with its length."""
    text = json.dumps(header).encode()
    if len(text) > MAX_HEADER_BYTES:
        raise WireError(
            _(
                "{size} bytes of values outside arrays exceed the {cap} byte cap "
                "(return large data as NumPy arrays)"
            ).format(size=len(text), cap=MAX_HEADER_BYTES)
        )
    parts = [_HEADER.pack(len(text)), text]
    for blob in blobs:
        parts += [_HEADER.pack(len(blob)), blob]
    body = b"".join(parts)
    if len(body) > MAX_MESSAGE_BYTES:
        raise WireError(
            _("message of {size} bytes exceeds the {cap} byte cap").format(
                size=len(body), cap=MAX_MESSAGE_BYTES
            )
        )
    return _HEADER.pack(len(body)) + body


def unpack(body: bytes) -> tuple[dict[str, Any], list[bytes]]:
    try:
        (size,) = _HEADER.unpack_from(body, 0)
        if size > MAX_HEADER_BYTES:
            raise WireError(_("a message header of {size} bytes exceeds the cap").format(size=size))
        if 8 + size > len(body):
            raise WireError(_("malformed message: the header runs past the end"))
        header = json.loads(body[8 : 8 + size])
        blobs, offset = [], 8 + size
        while offset < len(body):
            (length,) = _HEADER.unpack_from(body, offset)
            if offset + 8 + length > len(body):
                raise WireError(_("malformed message: a blob runs past the end"))
            blobs.append(body[offset + 8 : offset + 8 + length])
            offset += 8 + length
    except WireError:
        raise
    except _MALFORMED as exc:
        raise WireError(_("malformed message: {error}").format(error=exc)) from None
    if not isinstance(header, dict):
        raise WireError(_("malformed message: header is not an object"))
    return header, blobs


class Channel:
    """Length-prefixed messages over a pair of pipe file descriptors."""

    def __init__(self, read_fd: int, write_fd: int) -> None:
        self.read_fd = read_fd
        self.write_fd = write_fd

    def send(
        self,
        header: dict[str, Any],
        blobs: list[bytes] | None = None,
        timeout: float | None = None,
    ) -> None:
        self.send_packed(pack(header, blobs or []), timeout)

    def send_packed(self, message: bytes, timeout: float | None = None) -> None:
        """Send what `pack` made. With a `timeout` the write never blocks past it: a reader that
        stops reading (a full pipe) raises ChannelTimeout instead of stalling the writer."""
        data = memoryview(message)
        deadline = None if timeout is None else time.monotonic() + timeout
        if deadline is not None:
            os.set_blocking(self.write_fd, False)
        try:
            while data:
                if deadline is not None:
                    left = deadline - time.monotonic()
                    _readable, ready, _errors = select.select(
                        [], [self.write_fd], [], max(left, 0.0)
                    )
                    if not ready:
                        raise ChannelTimeout(_("the other process stopped reading"))
                try:
                    written = os.write(self.write_fd, data)
                except BlockingIOError:
                    continue
                data = data[written:]
        except OSError as exc:
            raise ChannelClosed(_("the other process is gone")) from exc

    def receive(self, timeout: float | None = None) -> tuple[dict[str, Any], list[bytes]]:
        deadline = None if timeout is None else time.monotonic() + timeout
        (size,) = _HEADER.unpack(self._read_exactly(8, deadline))
        if size > MAX_MESSAGE_BYTES:
            raise WireError(
                _("message of {size} bytes exceeds the {cap} byte cap").format(
                    size=size, cap=MAX_MESSAGE_BYTES
                )
            )
        return unpack(self._read_exactly(size, deadline))

    def _read_exactly(self, count: int, deadline: float | None) -> bytes:
        chunks, remaining = [], count
        while remaining:
            if deadline is not None:
                left = deadline - time.monotonic()
                ready, _writable, _errors = select.select([self.read_fd], [], [], max(left, 0.0))
                if not ready:
                    raise ChannelTimeout(_("no answer in time"))
            try:
                chunk = os.read(self.read_fd, min(remaining, 1 << 20))
            except OSError as exc:
                raise ChannelClosed(_("the other process closed the channel")) from exc
            if not chunk:
                raise ChannelClosed(_("the other process closed the channel"))
            chunks.append(chunk)
            remaining -= len(chunk)
        return b"".join(chunks)
