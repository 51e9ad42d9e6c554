"""The wire format between the judge and the learner's process, tested by properties.

Whatever the learner's process sends, the judge decodes data or raises `WireError`: values round-
trip exactly (types, dtypes, shapes, NaN and inf, generators' states), malformed and oversized
messages are refused, and nothing is ever unpickled.
"""

from __future__ import annotations

import json
import math
import os
import pickle
import struct
import threading
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from dlkata.worker import wire
from dlkata.worker.wire import (
    Channel,
    ChannelClosed,
    ChannelTimeout,
    Decoder,
    Encoder,
    Handle,
    WireError,
    pack,
    unpack,
)

settings.register_profile(
    "wire", deadline=None, suppress_health_check=[HealthCheck.too_slow], max_examples=60
)
settings.load_profile("wire")

# -- strategies ------------------------------------------------------------------------------

DTYPES = st.one_of(
    hnp.floating_dtypes(endianness="="),
    hnp.floating_dtypes(endianness=">"),
    hnp.integer_dtypes(endianness="="),
    hnp.unsigned_integer_dtypes(endianness="<"),
    hnp.complex_number_dtypes(endianness="="),
    hnp.boolean_dtypes(),
    hnp.unicode_string_dtypes(max_len=4),
)
ARRAYS = hnp.arrays(
    DTYPES, hnp.array_shapes(min_dims=0, max_dims=3, min_side=0, max_side=4)
) | hnp.arrays(
    np.float64,
    hnp.array_shapes(max_dims=2),
    elements=st.sampled_from([np.nan, np.inf, -np.inf, -0.0, 1e308, 5e-324]),
)
# a non-contiguous view: a column of a Fortran-ordered array
VIEWS = hnp.arrays(np.float64, (3, 4)).map(lambda a: np.asfortranarray(a)[:, 1:3])
SCALARS = hnp.arrays(DTYPES, ()).map(lambda a: a[()])
LEAVES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**200), max_value=2**200),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12),
    ARRAYS,
    VIEWS,
    SCALARS,
)
KEYS = st.one_of(st.text(max_size=6), st.integers(min_value=-(2**40), max_value=2**40))
VALUES = st.recursive(
    LEAVES,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.lists(inner, max_size=4).map(tuple),
        st.dictionaries(KEYS, inner, max_size=4),
    ),
    max_leaves=12,
)
BIT_GENERATORS = st.sampled_from(["PCG64", "PCG64DXSM", "MT19937", "Philox", "SFC64"])


# -- helpers ---------------------------------------------------------------------------------


def same(a: Any, b: Any) -> bool:
    """Equal in value and in type: dtype, shape, tuple versus list, NaN equal to NaN."""
    if isinstance(a, np.ndarray):
        return (
            type(b) is np.ndarray
            and a.dtype == b.dtype
            and a.shape == b.shape
            and bool(np.array_equal(a, b, equal_nan=a.dtype.kind in "fc"))
        )
    if isinstance(a, np.generic):
        return type(a) is type(b) and same(np.asarray(a), np.asarray(b))
    if isinstance(a, float):
        return type(b) is float and (a == b or (math.isnan(a) and math.isnan(b)))
    if isinstance(a, (list, tuple)):
        return type(a) is type(b) and len(a) == len(b) and all(map(same, a, b))
    if isinstance(a, dict):
        return type(b) is dict and list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    return type(a) is type(b) and a == b


def round_trip(value: Any) -> Any:
    encoder = Encoder()
    message = pack({"value": encoder.encode(value)}, encoder.blobs)
    header, blobs = unpack(message[8:])
    return Decoder(blobs).decode(header["value"])


def decode_body(body: bytes) -> Any:
    header, blobs = unpack(body)
    return Decoder(blobs, resolve_handle=lambda i, t: Handle(i, t)).decode(header.get("value"))


def marker(dtype: str, shape: list[Any], index: int = 0, key: str = "$a") -> dict[str, Any]:
    return {key: index, "dtype": dtype, "shape": shape}


# -- round trips -----------------------------------------------------------------------------


@given(VALUES)
def test_values_round_trip_exactly(value: Any) -> None:
    assert same(round_trip(value), value)


@given(SCALARS)
def test_numpy_scalars_stay_scalars(scalar: np.generic) -> None:
    back = round_trip(scalar)
    assert isinstance(back, np.generic) and not isinstance(back, np.ndarray)
    assert same(back, scalar)


def test_zero_dimensional_arrays_stay_arrays() -> None:
    back = round_trip(np.array(2.5))
    assert type(back) is np.ndarray and back.shape == () and back.dtype == np.float64


@given(BIT_GENERATORS, st.integers(0, 2**64), st.integers(0, 40))
def test_generators_round_trip_their_state(name: str, seed: int, draws: int) -> None:
    original = np.random.Generator(getattr(np.random, name)(seed))
    original.random(draws)
    encoder = Encoder()
    message = pack({"value": encoder.encode(original)}, encoder.blobs)
    assert encoder.generators == [original]
    header, blobs = unpack(message[8:])
    decoder = Decoder(blobs)
    copy = decoder.decode(header["value"])
    assert decoder.generators == [copy] and copy is not original
    assert type(copy.bit_generator).__name__ == name
    assert np.array_equal(copy.random(5), original.random(5))


@given(BIT_GENERATORS, st.integers(0, 2**32))
def test_generator_states_round_trip_as_data(name: str, seed: int) -> None:
    """The worker sends back each generator's final state as plain data (arrays included)."""
    state = getattr(np.random, name)(seed).state
    back = round_trip(state)
    rebuilt = getattr(np.random, name)()
    rebuilt.state = back
    assert same(rebuilt.state, state)


def test_handles_cross_only_where_expected() -> None:
    encoder = Encoder()
    data = encoder.encode((1, Handle(7, "dict")))
    assert Decoder([], resolve_handle=lambda i, t: (i, t)).decode(data) == (1, (7, "dict"))
    with pytest.raises(WireError, match="handles are not expected"):
        Decoder([]).decode(data)


@given(st.lists(VALUES, min_size=1, max_size=3))
def test_messages_cross_a_real_pipe(values: list[Any]) -> None:
    read_fd, write_fd = os.pipe()
    sender, receiver = Channel(-1, write_fd), Channel(read_fd, -1)
    encoder = Encoder()
    header = {"values": [encoder.encode(v) for v in values]}
    # messages may be larger than the pipe's buffer: write from another thread
    thread = threading.Thread(target=sender.send, args=(header, encoder.blobs))
    thread.start()
    try:
        got, blobs = receiver.receive(timeout=10)
    finally:
        thread.join()
        os.close(read_fd)
        os.close(write_fd)
    decoder = Decoder(blobs)
    assert all(same(decoder.decode(g), v) for g, v in zip(got["values"], values, strict=True))


def test_channel_time_out_and_close() -> None:
    read_fd, write_fd = os.pipe()
    receiver = Channel(read_fd, -1)
    with pytest.raises(ChannelTimeout):
        receiver.receive(timeout=0.05)
    os.write(write_fd, struct.pack("<Q", 100) + b"{}")  # a promise of 100 bytes, then silence
    os.close(write_fd)
    with pytest.raises(ChannelClosed):
        receiver.receive(timeout=1)
    os.close(read_fd)


# -- malformed and oversized messages --------------------------------------------------------


@given(st.binary(max_size=200))
def test_random_bytes_are_refused(body: bytes) -> None:
    try:
        decode_body(body)
    except WireError:
        pass


JSON_LEAVES = st.one_of(
    st.none(), st.booleans(), st.integers(-5, 5), st.floats(), st.text(max_size=4)
)
MARKERS = st.sampled_from(
    ["$a", "$s", "$t", "$d", "$rng", "$h", "type", "bit_generator", "dtype", "shape", "x"]
)
JSON = st.recursive(
    JSON_LEAVES,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(MARKERS, inner, max_size=2),
    max_leaves=10,
)


@given(JSON, st.lists(st.binary(max_size=120), max_size=3))
def test_forged_structures_decode_to_data_or_wire_error(data: Any, blobs: list[bytes]) -> None:
    """Anything the learner's process could write: only WireError, never another exception."""
    blobs += [np.arange(3.0).tobytes(), np.float64(1.0).tobytes()]
    try:
        Decoder(blobs, resolve_handle=lambda i, t: Handle(i, t)).decode(data)
    except WireError:
        pass


@given(VALUES, st.data())
def test_truncated_messages_are_refused(value: Any, data: st.DataObject) -> None:
    encoder = Encoder()
    body = pack({"value": encoder.encode(value)}, encoder.blobs)[8:]
    cut = data.draw(st.integers(0, len(body) - 1))
    with pytest.raises(WireError):
        decode_body(body[:cut])


@pytest.mark.parametrize(
    "body",
    [
        b"",
        struct.pack("<Q", 2**60) + b"{}",
        struct.pack("<Q", 2) + b"[]",  # a header that is not an object
        struct.pack("<Q", 2) + b"{}" + struct.pack("<Q", 2**40) + b"x",  # a blob past the end
        struct.pack("<Q", 4) + b"\xff\xfe{}",  # not UTF-8
        struct.pack("<Q", 20_000) + b"[" * 10_000 + b"]" * 10_000,  # nesting beyond recursion
        struct.pack("<Q", 9) + b'{"value":',
    ],
)
def test_malformed_bodies_are_refused(body: bytes) -> None:
    with pytest.raises(WireError):
        decode_body(body)


def test_an_array_marker_cannot_claim_more_data_than_it_carries() -> None:
    """A small message must not make the judge allocate a huge array."""
    data = np.zeros(1).tobytes()
    assert Decoder([data]).decode(marker("<f8", [1])).shape == (1,)
    for shape in ([10_000_000_000_000], [0], [2], [1, 1, 2], [-1], [True], [1.0], "1", [[1]]):
        with pytest.raises(WireError):
            Decoder([data]).decode(marker("<f8", shape))  # type: ignore[arg-type]
    for blob in (data[:-1], data + b"\0" * 8):
        with pytest.raises(WireError):
            Decoder([blob]).decode(marker("<f8", [1]))
    with pytest.raises(WireError):
        Decoder([b""]).decode(marker("<f8", [1] * 65 + [0]))


@pytest.mark.parametrize("data", [{"$a": 5}, {"$a": -1}, {"$a": "0"}, {"$a": 0.0}, {"$s": 0}])
def test_array_references_must_point_at_a_carried_array(data: dict[str, Any]) -> None:
    with pytest.raises(WireError):
        Decoder([np.zeros(3).tobytes()]).decode({**data, "dtype": "<f8", "shape": [3]})


def test_nesting_is_bounded_both_ways() -> None:
    deep: Any = 0
    for _ in range(wire.MAX_DEPTH + 5):
        deep = [deep]
    with pytest.raises(WireError, match="nested too deeply"):
        Encoder().encode(deep)
    with pytest.raises(WireError, match="nested too deeply"):
        Decoder([]).decode(deep)
    looped: list[Any] = []
    looped.append(looped)
    with pytest.raises(WireError):
        Encoder().encode(looped)


def test_oversized_messages_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(wire, "MAX_MESSAGE_BYTES", 4096)
    encoder = Encoder()
    data = encoder.encode(np.zeros(1000))
    with pytest.raises(WireError, match="exceeds"):
        pack({"value": data}, encoder.blobs)
    read_fd, write_fd = os.pipe()
    os.write(write_fd, struct.pack("<Q", 4097))
    with pytest.raises(WireError, match="exceeds"):
        Channel(read_fd, -1).receive(timeout=1)
    os.close(read_fd)
    os.close(write_fd)


def test_values_outside_arrays_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    """Lists of numbers cost the judge far more memory than arrays: their share is capped."""
    with pytest.raises(WireError, match="values outside arrays"):
        Encoder().encode([0.5] * (wire.MAX_ITEMS + 1))
    monkeypatch.setattr(wire, "MAX_HEADER_BYTES", 1000)
    with pytest.raises(WireError, match="outside arrays"):
        pack({"value": "x" * 2000}, [])
    body = struct.pack("<Q", 1001) + b" " * 1001
    with pytest.raises(WireError, match="exceeds the cap"):
        unpack(body)


def test_integers_too_long_for_json_are_refused() -> None:
    with pytest.raises(WireError, match="bits"):
        Encoder().encode(10**5000)


# -- nothing is unpickled ----------------------------------------------------------------------

RAN: list[str] = []


def _payload(tag: str) -> str:
    RAN.append(tag)
    return tag


class Evil:
    """Would run `_payload` in whichever process unpickled it."""

    def __reduce__(self) -> tuple[Any, tuple[str]]:
        return (_payload, ("unpickled",))


def test_objects_cannot_be_sent_without_a_fallback() -> None:
    for value in (Evil(), np.array([Evil()], dtype=object), {1.5: "float key"}, {1, 2}, b"bytes"):
        with pytest.raises(WireError):
            Encoder().encode(value)
    kept: list[Any] = []
    encoder = Encoder(fallback=lambda v: kept.append(v) or {"$h": len(kept), "type": "Evil"})
    assert encoder.encode((Evil(),)) == {"$t": [{"$h": 1, "type": "Evil"}]}
    assert not RAN


@pytest.mark.parametrize(
    "dtype", ["|O", "|O8", "O", "[('a', 'O')]", "i4,O", "|V8", "<M8[ns]", "|S3", "<f8 ", 3, None]
)
def test_only_plain_dtypes_are_received_and_nothing_is_unpickled(dtype: Any) -> None:
    RAN.clear()
    pickled = pickle.dumps(Evil())
    for blob in (pickled, np.zeros(1).tobytes()):
        with pytest.raises(WireError):
            Decoder([blob]).decode(marker(dtype, [1]))
        with pytest.raises(WireError):
            Decoder([blob]).decode(marker(dtype, [], key="$s"))
    assert not RAN


def test_structured_arrays_with_objects_cannot_be_sent() -> None:
    with pytest.raises(WireError):
        Encoder().encode(np.zeros(2, dtype=[("a", "f8"), ("b", "O")]))


def test_generator_states_are_checked() -> None:
    for state in ({"bit_generator": "Evil"}, {"bit_generator": "PCG64", "state": "nonsense"}, 3):
        data = {"$rng": Encoder().encode(state)}
        with pytest.raises(WireError):
            Decoder([]).decode(data)


def test_the_header_is_plain_json() -> None:
    encoder = Encoder()
    data = encoder.encode({"a": (np.float32(1.5), [None, True, "x"]), 3: np.zeros((2, 2))})
    message = pack({"value": data}, encoder.blobs)
    (size,) = struct.unpack_from("<Q", message, 8)
    assert isinstance(json.loads(message[16 : 16 + size]), dict)
