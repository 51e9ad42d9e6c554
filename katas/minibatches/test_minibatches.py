"""Hidden tests for `minibatches`: one epoch of a DataLoader, in order and shuffled.

The shuffled order is random and any valid way of drawing it from `rng` passes, so a shuffled
epoch is never compared with the reference's; the tests check what holds for every uniformly
random order: each sample at most once, consecutive batches of the right sizes, `x` and `y` still
paired, and, over many epochs, positions, neighbours and fixed points as a uniform order gives
them.
"""

from __future__ import annotations

import numpy as np
import pytest

from dlkata.judge import binomial_test, expect_value_error, fail, note

FN = "minibatches"


def dataset(n, x_tail=(3,), y_tail=(), *, seed=0, x_dtype=np.float64, y_dtype=np.int64):
    """`x` whose first entry of each sample is its index (so a batch names its samples), the
    rest random; `y` random targets with repeats (labels say nothing about the sample)."""
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((n, *x_tail)) * 10
    x.reshape(n, int(np.prod(x_tail)))[:, 0] = np.arange(n)
    x = x.astype(x_dtype)
    if np.dtype(y_dtype).kind == "f":
        y = rng.standard_normal((n, *y_tail)).astype(y_dtype)
    else:
        y = rng.integers(0, 3, size=(n, *y_tail)).astype(y_dtype)
    return x, y


def call_text(n, batch_size, **kwargs):
    words = [f"x (N={n}, ...)", "y", str(batch_size)]
    for key, value in kwargs.items():
        words.append(f"{key}=rng" if key == "rng" and value is not None else f"{key}={value!r}")
    return f"minibatches({', '.join(words)})"


def sample_indices(result, x, y, call):
    """The indices of the samples in each batch, after checking the result's structure, that
    each batch holds x[idx] and y[idx] for the same idx, and that dtypes and shapes are kept."""
    if not isinstance(result, (list, tuple)):
        fail(
            note("not_a_list", call=call, type=type(result).__name__),
            function=FN,
            hint=note("returns_list"),
        )
    batches = []
    for k, pair in enumerate(result):
        if not isinstance(pair, (tuple, list)) or len(pair) != 2:
            fail(
                note("not_a_pair", call=call, k=k, type=type(pair).__name__),
                function=FN,
                hint=note("returns_list"),
            )
        xb, yb = pair
        for name, got, full in (("xb", xb, x), ("yb", yb, y)):
            if not isinstance(got, np.ndarray):
                fail(
                    note("not_an_array", call=call, k=k, name=name, type=type(got).__name__),
                    function=FN,
                    hint=note("returns_list"),
                )
            if got.ndim != full.ndim or got.shape[1:] != full.shape[1:]:
                fail(
                    note("batch_shape", call=call, k=k, name=name, got=got.shape, full=full.shape),
                    function=FN,
                    hint=note("keep_axes"),
                )
            if got.dtype != full.dtype:
                fail(
                    note("batch_dtype", call=call, k=k, name=name, got=got.dtype, full=full.dtype),
                    function=FN,
                    hint=note("keep_dtype"),
                )
        if len(xb) != len(yb):
            fail(
                note("batch_lengths", call=call, k=k, nx=len(xb), ny=len(yb)),
                function=FN,
                hint=note("pairs"),
            )
        marks = xb.reshape(len(xb), int(np.prod(x.shape[1:])))[:, 0]
        idx = marks.astype(np.int64)
        outside = len(idx) > 0 and (idx.min() < 0 or idx.max() >= len(x))
        if outside or not np.array_equal(idx, marks) or not np.array_equal(xb, x[idx]):
            fail(
                note("not_samples", call=call, k=k),
                function=FN,
                hint=note("pairs"),
            )
        if not np.array_equal(yb, y[idx]):
            fail(
                note("unpaired", call=call, k=k, idx=idx.tolist()[:8]),
                function=FN,
                hint=note("pairs"),
            )
        batches.append(idx)
    return batches


def expected_sizes(n, batch_size, drop_last):
    sizes = [batch_size] * (n // batch_size)
    if n % batch_size and not drop_last:
        sizes.append(n % batch_size)
    return sizes


def check_sizes(batches, n, batch_size, drop_last, call):
    sizes = [len(b) for b in batches]
    expected = expected_sizes(n, batch_size, drop_last)
    if sizes != expected:
        fail(
            note("sizes", call=call, got=sizes[:12], expected=expected[:12]),
            function=FN,
            hint=note("drop_last" if drop_last else "keep_last"),
        )


def check_each_sample_once(batches, n, drop_last, call):
    seen = np.concatenate(batches) if batches else np.zeros(0, dtype=np.int64)
    counts = np.bincount(seen, minlength=n)
    if counts.max(initial=0) > 1:
        fail(
            note("repeated", call=call, sample=int(np.argmax(counts)), count=int(counts.max())),
            function=FN,
            hint=note("without_replacement"),
        )
    if not drop_last and (counts == 0).any():
        fail(
            note("missing", call=call, sample=int(np.argmin(counts))),
            function=FN,
            hint=note("without_replacement"),
        )


IN_ORDER = [
    (10, 3, False),
    (10, 3, True),
    (12, 4, False),
    (12, 4, True),
    (5, 5, False),
    (5, 7, False),
    (5, 7, True),
    (7, 1, False),
    (1, 1, False),
    (1, 2, False),
    (9, 2, True),
    (0, 3, False),
    (0, 3, True),
]


@pytest.mark.parametrize(("n", "batch_size", "drop_last"), IN_ORDER)
def test_in_order(solution, reference, n, batch_size, drop_last):
    x, y = dataset(n, seed=n + batch_size)
    call = call_text(n, batch_size, shuffle=False, drop_last=drop_last)
    got = solution.minibatches(x, y, batch_size, shuffle=False, drop_last=drop_last)
    batches = sample_indices(got, x, y, call)
    expected = sample_indices(
        reference.minibatches(x, y, batch_size, shuffle=False, drop_last=drop_last), x, y, call
    )
    check_sizes(batches, n, batch_size, drop_last, call)
    for k, (b, e) in enumerate(zip(batches, expected, strict=True)):
        if not np.array_equal(b, e):
            fail(
                note("order", call=call, k=k, got=b.tolist(), expected=e.tolist()),
                function=FN,
                hint=note("in_order"),
            )


SHAPES = [
    ((1, 2, 2), (), np.float64, np.int64),
    ((4,), (3,), np.float64, np.float64),
    ((2, 3), (), np.float64, np.int32),
    ((1, 2, 2), (), np.uint8, np.int64),
    ((3,), (), np.float32, np.bool_),
]


@pytest.mark.parametrize(("x_tail", "y_tail", "x_dtype", "y_dtype"), SHAPES)
@pytest.mark.parametrize("shuffle", [False, True])
def test_shapes_and_dtypes_kept(solution, x_tail, y_tail, x_dtype, y_dtype, shuffle):
    n, batch_size = 7, 3
    x, y = dataset(n, x_tail, y_tail, seed=3, x_dtype=x_dtype, y_dtype=y_dtype)
    rng = np.random.default_rng(4) if shuffle else None
    call = call_text(n, batch_size, shuffle=shuffle)
    got = solution.minibatches(x, y, batch_size, shuffle=shuffle, rng=rng)
    batches = sample_indices(got, x, y, call)
    check_sizes(batches, n, batch_size, False, call)
    check_each_sample_once(batches, n, False, call)


SHUFFLED = [
    (20, 3, False),
    (20, 3, True),
    (20, 5, False),
    (20, 5, True),
    (20, 20, False),
    (20, 1, False),
    (21, 8, True),
    (4, 9, False),
    (4, 9, True),
    (1, 1, False),
]


@pytest.mark.parametrize(("n", "batch_size", "drop_last"), SHUFFLED)
def test_shuffled_epoch(solution, n, batch_size, drop_last):
    x, y = dataset(n, seed=50 + n)
    call = call_text(n, batch_size, drop_last=drop_last, rng=True)
    got = solution.minibatches(x, y, batch_size, drop_last=drop_last, rng=np.random.default_rng(n))
    batches = sample_indices(got, x, y, call)
    check_sizes(batches, n, batch_size, drop_last, call)
    check_each_sample_once(batches, n, drop_last, call)
    order = np.concatenate(batches) if batches else np.zeros(0, dtype=np.int64)
    if n >= 20 and np.array_equal(order, np.arange(len(order))):
        fail(note("not_shuffled", call=call), function=FN, hint=note("shuffle_default"))


def test_default_is_shuffled(solution):
    n, batch_size = 30, 30
    x, y = dataset(n, seed=8)
    call = call_text(n, batch_size, rng=True)
    got = solution.minibatches(x, y, batch_size, rng=np.random.default_rng(9))
    (order,) = sample_indices(got, x, y, call)
    if np.array_equal(order, np.arange(n)):
        fail(note("not_shuffled", call=call), function=FN, hint=note("shuffle_default"))


# Uniformity, from TRIALS epochs of N_UNIFORM samples, each from its own seed, in one message.
# Three counts that are binomial (or less spread) for a uniformly random order:
# - sample blocks against position blocks (4 x 4): the naive "swap each position with any
#   position" shuffle (j = rng.integers(0, N)) puts the last quarter of the samples into the first
#   quarter of the positions 16 % too rarely, about 11 deviations here; shuffling only inside each
#   batch leaves every sample in its own block;
# - neighbours b = a + 1: about 1 per epoch; a rotation by a random offset, or shuffling only the
#   order of the batches, keeps almost every sample next to its old neighbour;
# - fixed points (sample i at position i): about 1 per epoch; Sattolo's algorithm
#   (j = rng.integers(0, i)) draws only cyclic orders, which have none.
N_UNIFORM = 1000
TRIALS = 60
BLOCKS = 4


def many_orders(solution, batch_size):
    x = np.arange(N_UNIFORM, dtype=np.float64)[:, None]
    y = np.arange(N_UNIFORM)
    calls = [
        ((x, y, batch_size), {"rng": np.random.default_rng(10_000 + t)}) for t in range(TRIALS)
    ]
    call = call_text(N_UNIFORM, batch_size, rng=True)
    orders = np.empty((TRIALS, N_UNIFORM), dtype=np.int64)
    for t, result in enumerate(solution.call_many(FN, calls)):
        batches = sample_indices(result, x, y, call)
        check_sizes(batches, N_UNIFORM, batch_size, False, call)
        check_each_sample_once(batches, N_UNIFORM, False, call)
        orders[t] = np.concatenate(batches)
    return orders, call


@pytest.mark.parametrize("batch_size", [64, N_UNIFORM])
def test_every_order_equally_likely(solution, batch_size):
    orders, call = many_orders(solution, batch_size)
    n, size = N_UNIFORM, N_UNIFORM // BLOCKS
    positions = np.broadcast_to(np.arange(n), orders.shape)
    # how many samples of block s land in block p of the positions, over all epochs
    blocks = np.zeros((BLOCKS, BLOCKS), dtype=np.int64)
    np.add.at(blocks, (orders // size, positions // size), 1)
    expected = TRIALS * size / BLOCKS
    s, p = np.unravel_index(np.argmax(np.abs(blocks - expected)), blocks.shape)
    binomial_test(
        int(blocks[s, p]),
        TRIALS * size,
        1 / BLOCKS,
        what=note(
            "block_count",
            call=call,
            trials=TRIALS,
            samples=f"{s * size}..{(s + 1) * size - 1}",
            positions=f"{p * size}..{(p + 1) * size - 1}",
        ),
        function=FN,
        hint=note("uniform_positions"),
    )
    binomial_test(
        int(np.count_nonzero(orders[:, 1:] == orders[:, :-1] + 1)),
        TRIALS * (n - 1),
        1 / n,
        what=note("neighbour_count", call=call, trials=TRIALS),
        function=FN,
        hint=note("uniform_neighbours"),
    )
    binomial_test(
        int(np.count_nonzero(orders == positions)),
        TRIALS * n,
        1 / n,
        what=note("fixed_points", call=call, trials=TRIALS),
        function=FN,
        hint=note("fixed_points_hint"),
    )


def orders_of(solution, x, y, batch_size, generator, call, **kwargs):
    got = solution.minibatches(x, y, batch_size, rng=generator, **kwargs)
    return [b.tolist() for b in sample_indices(got, x, y, call)]


def test_reproducible_from_rng(solution):
    n, batch_size = 25, 4
    x, y = dataset(n, seed=11)
    call = call_text(n, batch_size, rng=True)
    first = orders_of(solution, x, y, batch_size, np.random.default_rng(12), call)
    again = orders_of(solution, x, y, batch_size, np.random.default_rng(12), call)
    if first != again:
        fail(note("same_seed", call=call), function=FN, hint=note("use_rng"))
    generator = np.random.default_rng(13)
    before = generator.bit_generator.state
    other = orders_of(solution, x, y, batch_size, generator, call)
    if generator.bit_generator.state == before or other == first:
        fail(note("rng_not_used", call=call), function=FN, hint=note("use_rng"))


def test_epochs_differ(solution):
    """Two epochs from one generator: each draws a fresh order (as a DataLoader's epochs do)."""
    n, batch_size = 25, 5
    x, y = dataset(n, seed=14)
    call = call_text(n, batch_size, rng=True)
    generator = np.random.default_rng(15)
    first = orders_of(solution, x, y, batch_size, generator, call)
    second = orders_of(solution, x, y, batch_size, generator, call)
    if first == second:
        fail(note("epochs_repeat", call=call), function=FN, hint=note("use_rng"))


def test_no_shuffle_leaves_rng_alone(solution):
    n, batch_size = 11, 4
    x, y = dataset(n, seed=16)
    call = call_text(n, batch_size, shuffle=False, rng=True)
    generator = np.random.default_rng(17)
    before = generator.bit_generator.state
    got = orders_of(solution, x, y, batch_size, generator, call, shuffle=False)
    expected = [list(range(s, min(s + batch_size, n))) for s in range(0, n, batch_size)]
    if got != expected:
        fail(
            note("order", call=call, k=0, got=got[:3], expected=expected[:3]),
            function=FN,
            hint=note("in_order"),
        )
    if generator.bit_generator.state != before:
        fail(note("rng_drawn_in_order", call=call), function=FN, hint=note("in_order"))


@pytest.mark.parametrize("shuffle", [False, True])
def test_error_batch_size(solution, shuffle):
    x, y = dataset(6, seed=18)
    for batch_size in (-2, 0):  # range(0, N, -2) is silently empty; a step of 0 fails in range
        expect_value_error(
            solution,
            FN,
            x,
            y,
            batch_size,
            shuffle=shuffle,
            rng=np.random.default_rng(0),
            because=note("batch_size_below_one", batch_size=batch_size),
        )


@pytest.mark.parametrize(("nx", "ny"), [(6, 7), (6, 5), (1, 3)])
@pytest.mark.parametrize("shuffle", [False, True])
def test_error_lengths_differ(solution, nx, ny, shuffle):
    x, _ = dataset(nx, seed=19)
    _, y = dataset(ny, seed=20)
    expect_value_error(
        solution,
        FN,
        x,
        y,
        2,
        shuffle=shuffle,
        rng=np.random.default_rng(0),
        because=note("lengths_differ", nx=nx, ny=ny),
    )


def test_error_shuffle_without_rng(solution):
    x, y = dataset(6, seed=21)
    expect_value_error(solution, FN, x, y, 2, because=note("rng_missing"))
    expect_value_error(solution, FN, x, y, 2, shuffle=True, rng=None, because=note("rng_missing"))
