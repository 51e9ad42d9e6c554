"""The wire format between the judge and the learner's process: data only, never code.

A message is a JSON document plus binary blobs. Arrays travel as `.npy` bytes read back with
`allow_pickle=False`; tuples, dicts, NumPy scalars, random generators
and opaque handles are JSON objects with a `$` marker. Nothing here can execute code while decoding, which is what
makes it safe to read what the learner's process sends (pickle would not be).
"""

from __future__ import annotations

import io
import json
import os
import select
import struct
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

MAX_MESSAGE_BYTES = 256 * 1024 * 1024
MAX_DEPTH = 64
_HEADER = struct.Struct("<Q")
_RNG_NAMES = ("PCG64", "PCG64DXSM", "MT19937", "Philox", "SFC64")


class WireError(Exception):
    """A value cannot be sent, or what arrived is not a valid message."""


class ChannelClosed(WireError):
    """The other side closed the pipe (usually: the learner's process died)."""


class ChannelTimeout(WireError):
    """Nothing arrived within the time allowed."""


@dataclass(frozen=True)
class Handle:
    """An object that stays in the learner's process (a cache, say); only its id crosses."""

    id: int
    type_name: str

    def __repr__(self) -> str:
        return f"<{self.type_name} kept in your process>"


class Encoder:
    """Turns a value into JSON-able data plus blobs.

    `fallback` is asked about anything that is not plain data and returns a JSON marker for it
    (the worker keeps such objects in its process and sends a handle).
    """

    def __init__(self, fallback: Callable[[Any], Any] | None = None) -> None:
        self.blobs: list[bytes] = []
        self.generators: list[np.random.Generator] = []
        self._fallback = fallback

    def encode(self, value: Any, depth: int = 0) -> Any:
        if depth > MAX_DEPTH:
            raise WireError("the value is nested too deeply to send")
        if value is None or isinstance(value, (bool, str)):
            return value
        if isinstance(value, (int, float)) and not isinstance(value, np.generic):
            return value
        if isinstance(value, np.ndarray) and value.dtype != object:
            return {"$a": self._blob(np.asarray(value))}
        if isinstance(value, np.generic) and not isinstance(value, np.object_):
            return {"$s": self._blob(np.asarray(value))}
        if isinstance(value, tuple):
            return {"$t": [self.encode(v, depth + 1) for v in value]}
        if isinstance(value, list):
            return [self.encode(v, depth + 1) for v in value]
        if isinstance(value, dict) and all(isinstance(k, (str, int)) for k in value):
            return {"$d": [[k, self.encode(v, depth + 1)] for k, v in value.items()]}
        if isinstance(value, np.random.Generator):
            self.generators.append(value)
            state = value.bit_generator.state
            return {"$rng": state}
        if isinstance(value, Handle):
            return {"$h": value.id, "type": value.type_name}
        if self._fallback is not None:
            return self._fallback(value)
        raise WireError(f"a value of type {type(value).__name__} cannot be sent")

    def _blob(self, array: np.ndarray) -> int:
        buffer = io.BytesIO()
        np.save(buffer, array, allow_pickle=False)  # keeps 0-d arrays 0-d
        self.blobs.append(buffer.getvalue())
        return len(self.blobs) - 1


class Decoder:
    """Turns JSON data plus blobs back into values; the inverse of `Encoder`."""

    def __init__(
        self,
        blobs: list[bytes],
        resolve_handle: Callable[[int, str], Any] | None = None,
    ) -> None:
        self._blobs = blobs
        self._resolve_handle = resolve_handle
        self.generators: list[np.random.Generator] = []

    def decode(self, data: Any, depth: int = 0) -> Any:
        if depth > MAX_DEPTH:
            raise WireError("message nested too deeply")
        if isinstance(data, list):
            return [self.decode(v, depth + 1) for v in data]
        if not isinstance(data, dict):
            return data
        if "$a" in data:
            return self._array(data["$a"])
        if "$s" in data:
            return self._array(data["$s"])[()]
        if "$t" in data:
            return tuple(self.decode(v, depth + 1) for v in data["$t"])
        if "$d" in data:
            return {k: self.decode(v, depth + 1) for k, v in data["$d"]}
        if "$rng" in data:
            return self._generator(data["$rng"])
        if "$h" in data:
            if self._resolve_handle is None:
                raise WireError("handles are not expected here")
            return self._resolve_handle(int(data["$h"]), str(data.get("type", "object")))
        raise WireError("unknown marker in message")

    def _array(self, index: int) -> np.ndarray:
        try:
            return np.load(io.BytesIO(self._blobs[index]), allow_pickle=False)
        except (IndexError, ValueError, OSError) as exc:
            raise WireError(f"invalid array in message: {exc}") from exc

    def _generator(self, state: dict[str, Any]) -> np.random.Generator:
        name = state.get("bit_generator") if isinstance(state, dict) else None
        if name not in _RNG_NAMES:
            raise WireError(f"unsupported random generator {name!r}")
        bit_generator = getattr(np.random, name)()
        bit_generator.state = state
        generator = np.random.Generator(bit_generator)
        self.generators.append(generator)
        return generator


def pack(header: dict[str, Any], blobs: list[bytes]) -> bytes:
    text = json.dumps(header).encode()
    parts = [_HEADER.pack(len(text)), text]
    for blob in blobs:
        parts += [_HEADER.pack(len(blob)), blob]
    body = b"".join(parts)
    if len(body) > MAX_MESSAGE_BYTES:
        raise WireError(f"message of {len(body)} bytes exceeds the {MAX_MESSAGE_BYTES} byte cap")
    return _HEADER.pack(len(body)) + body


def unpack(body: bytes) -> tuple[dict[str, Any], list[bytes]]:
    try:
        (size,) = _HEADER.unpack_from(body, 0)
        header = json.loads(body[8 : 8 + size])
        blobs, offset = [], 8 + size
        while offset < len(body):
            (length,) = _HEADER.unpack_from(body, offset)
            blobs.append(body[offset + 8 : offset + 8 + length])
            offset += 8 + length
    except (struct.error, ValueError, RecursionError) as exc:
        raise WireError(f"malformed message: {exc}") from exc
    if not isinstance(header, dict):
        raise WireError("malformed message: header is not an object")
    return header, blobs


class Channel:
    """Length-prefixed messages over a pair of pipe file descriptors."""

    def __init__(self, read_fd: int, write_fd: int) -> None:
        self.read_fd = read_fd
        self.write_fd = write_fd

    def send(self, header: dict[str, Any], blobs: list[bytes] | None = None) -> None:
        data = memoryview(pack(header, blobs or []))
        try:
            while data:
                written = os.write(self.write_fd, data)
                data = data[written:]
        except (BrokenPipeError, OSError) as exc:
            raise ChannelClosed("the other process is gone") from exc

    def receive(self, timeout: float | None = None) -> tuple[dict[str, Any], list[bytes]]:
        deadline = None if timeout is None else time.monotonic() + timeout
        (size,) = _HEADER.unpack(self._read_exactly(8, deadline))
        if size > MAX_MESSAGE_BYTES + 8:
            raise WireError(f"message of {size} bytes exceeds the cap")
        return unpack(self._read_exactly(size, deadline))

    def _read_exactly(self, count: int, deadline: float | None) -> bytes:
        chunks, remaining = [], count
        while remaining:
            if deadline is not None:
                left = deadline - time.monotonic()
                ready, _, _ = select.select([self.read_fd], [], [], max(left, 0.0))
                if not ready:
                    raise ChannelTimeout("no answer in time")
            chunk = os.read(self.read_fd, min(remaining, 1 << 20))
            if not chunk:
                raise ChannelClosed("the other process closed the channel")
            chunks.append(chunk)
            remaining -= len(chunk)
        return b"".join(chunks)
