"""Hidden tests for `augmentation`: random flips, random crops and normalisation of image batches.

Flips and crops are random and any valid way of drawing from `rng` passes, so their outputs are
never compared with the reference's. The tests read each output image back into the decision
that made it (flipped or not, the crop's top-left corner), after checking that it is exactly a
flip or a crop of its own input, and then test those decisions: the flip rate (binomial), every
crop position (chi-square, the extremes included), independence between neighbouring images, and
fresh decisions on every call. `normalize` is deterministic and compared with the reference.
"""

from __future__ import annotations

import numpy as np
import pytest
from numpy.lib.stride_tricks import sliding_window_view

from dlkata.judge import (
    binomial_test,
    check_call,
    check_independent,
    check_reproducible,
    chi_square_test,
    expect_array,
    expect_value_error,
    fail,
    note,
)

FLIP = "random_horizontal_flip"
CROP = "random_crop"
NORM = "normalize"


def images(shape, seed):
    """Distinct values of both signs, no zeros: no image equals its own mirror image, and a crop
    shows where it was cut."""
    rng = np.random.default_rng(seed)
    return rng.uniform(0.5, 2.0, size=shape) * rng.choice([-1.0, 1.0], size=shape)


def flip_call(shape, p):
    return f"random_horizontal_flip(x {tuple(shape)}, p={p})"


def flipped(x, out, call):
    """Which images `out` flipped, after checking that each is `x[n]` or `x[n, :, :, ::-1]`."""
    out = expect_array(out, x.shape, function=FLIP, what=call)
    kept = np.all(out == x, axis=(1, 2, 3))
    mirrored = np.all(out == x[:, :, :, ::-1], axis=(1, 2, 3))
    bad = np.flatnonzero(~(kept | mirrored))
    if bad.size:
        n = int(bad[0])
        if np.array_equal(out[n], x[n, :, ::-1, :]):
            key = "flipped_rows"
        elif np.array_equal(out[n], x[n, :, ::-1, ::-1]):
            key = "flipped_both"
        elif np.array_equal(out[n], x[n, ::-1]):
            key = "flipped_channels"
        else:
            key = "neither"
        fail(note("not_a_flip", call=call, n=n), function=FLIP, hint=note(key))
    return mirrored & ~kept


FLIP_SHAPES = [(8, 3, 4, 5), (6, 1, 1, 6), (5, 2, 3, 2), (7, 2, 3, 1), (1, 1, 2, 2), (0, 3, 4, 4)]


@pytest.mark.parametrize("shape", FLIP_SHAPES)
@pytest.mark.parametrize("p", [0.5, 0.3])
def test_flip_each_image_flipped_or_kept(solution, shape, p):
    x = images(shape, 1)
    out = solution.random_horizontal_flip(x, p=p, rng=np.random.default_rng(2))
    flipped(x, out, flip_call(shape, p))


@pytest.mark.parametrize("p", [0.0, 1.0])
def test_flip_p_zero_and_one(solution, p):
    shape = (50, 2, 3, 4)
    x = images(shape, 3)
    call = flip_call(shape, p)
    got = flipped(x, solution.random_horizontal_flip(x, p=p, rng=np.random.default_rng(4)), call)
    count = int(got.sum())
    if count != round(p * shape[0]):
        fail(
            note("flip_count", call=call, count=count, n=shape[0]),
            function=FLIP,
            hint=note("p_is_flip_probability"),
        )


# 20000 images of one row of two pixels: the flip rate within 0.017 of p (z = 5.3 at p = 0.3).
RATE_SHAPE = (20_000, 1, 1, 2)


@pytest.mark.parametrize("p", [0.3, 0.85, None])
def test_flip_rate_and_independence(solution, p):
    x = images(RATE_SHAPE, 5)
    kwargs = {} if p is None else {"p": p}
    call = f"random_horizontal_flip(x {RATE_SHAPE})" if p is None else flip_call(RATE_SHAPE, p)
    out = solution.random_horizontal_flip(x, rng=np.random.default_rng(6), **kwargs)
    got = flipped(x, out, call)
    check_independent(
        got.astype(np.float64),
        what=note("flip_decisions", call=call),
        function=FLIP,
        hint=note("independent_flips"),
    )
    binomial_test(
        int(got.sum()),
        RATE_SHAPE[0],
        0.5 if p is None else p,
        what=note("flipped_images", call=call),
        function=FLIP,
        hint=note("p_is_flip_probability" if p is not None else "default_p"),
    )


def test_flip_count_varies_as_binomial(solution):
    """60 calls on 500 images: the number flipped varies as Binomial(500, p). The mean square of
    the standardised counts is chi-square(60) / 60 for independent decisions (its chance outside
    [0.3, 2.3] is below 1e-7); flipping exactly round(p N) images gives about 0."""
    p, n, calls = 0.3, 500, 60
    x = images((n, 1, 1, 2), 30)
    call = flip_call(x.shape, p)
    results = solution.call_many(
        FLIP, [((x,), {"p": p, "rng": np.random.default_rng(300 + t)}) for t in range(calls)]
    )
    counts = np.array([int(flipped(x, out, call).sum()) for out in results])
    spread = float(np.mean((counts - n * p) ** 2) / (n * p * (1 - p)))
    if not 0.3 <= spread <= 2.3:
        fail(
            note("count_spread", call=call, calls=calls, spread=f"{spread:.3g}"),
            function=FLIP,
            hint=note("flip_count_varies"),
            counts=counts.tolist()[:12],
        )


def test_flip_fresh_on_every_call(solution):
    shape = (64, 1, 2, 3)
    x = images(shape, 7)
    call = flip_call(shape, 0.5)
    generator = np.random.default_rng(8)
    first = flipped(x, solution.random_horizontal_flip(x, rng=generator), call)
    second = flipped(x, solution.random_horizontal_flip(x, rng=generator), call)
    if np.array_equal(first, second):
        fail(note("same_twice", call=call), function=FLIP, hint=note("fresh_every_call"))


def test_flip_reproducible_from_rng(solution):
    check_reproducible(solution, FLIP, images((32, 2, 3, 4), 9), p=0.5, seed=10)


def crop_call(shape, size, padding):
    tail = "" if padding is None else f", padding={padding}"
    return f"random_crop(x {tuple(shape)}, size={size!r}{tail})"


def crop_positions(x, out, size, padding, call):
    """The top-left corner `(i, j)` of each output image in the zero-padded input, after
    checking that every image is exactly `padded[n, :, i:i + h, j:j + w]` for a valid `(i, j)`."""
    h, w = (size, size) if np.ndim(size) == 0 else size
    pad = padding or 0
    n, c = x.shape[:2]
    out = expect_array(out, (n, c, h, w), function=CROP, what=call)
    padded = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    windows = sliding_window_view(padded, (h, w), axis=(2, 3))  # (N, C, I, J, h, w)
    match = np.all(windows == out[:, :, None, None], axis=(1, 4, 5))  # (N, I, J)
    flat = match.reshape(n, match.shape[1] * match.shape[2])
    found = flat.any(axis=1)
    bad = np.flatnonzero(~found)
    if bad.size:
        k = int(bad[0])
        fail(
            note("not_a_crop", call=call, n=k, h=h, w=w, hp=padded.shape[2], wp=padded.shape[3]),
            function=CROP,
            hint=note(crop_diagnosis(x[k], out[k], h, w, pad)),
        )
    first = flat.argmax(axis=1)
    return np.divmod(first, match.shape[2]), match.shape[1:]


def crop_diagnosis(image, got, h, w, pad):
    """Which known mistake produced this output image, as a note key."""
    for mode in ("edge", "reflect", "symmetric", "wrap"):
        if mode == "reflect" and min(image.shape[1:]) < 2:
            continue
        other = np.pad(image, ((0, 0), (pad, pad), (pad, pad)), mode=mode)
        windows = sliding_window_view(other, (h, w), axis=(1, 2))
        if np.all(windows == got[:, None, None], axis=(0, 3, 4)).any():
            return "pad_with_zeros"
    zero = np.pad(image, ((0, 0), (pad, pad), (pad, pad)))
    windows = sliding_window_view(zero, (h, w), axis=(1, 2))  # (C, I, J, h, w)
    per_channel = np.all(windows == got[:, None, None], axis=(3, 4)).any(axis=(1, 2))
    if per_channel.all():
        return "same_position_for_channels"
    return "crop_window"


CROP_CASES = [
    ((4, 3, 5, 5), 3, None),
    ((4, 3, 5, 5), 3, 2),
    ((3, 2, 4, 6), (2, 5), 1),
    ((3, 2, 4, 6), [4, 2], 0),
    ((2, 1, 3, 3), 3, 0),  # one position: the image itself
    ((2, 2, 3, 4), (7, 8), 2),  # one position: the whole padded image
    ((3, 2, 2, 2), (2, 4), 1),  # h < Hp, w == Wp
    ((6, 1, 4, 4), 1, 0),
    ((6, 2, 5, 4), 2, 3),  # some windows lie wholly in the padding
    ((5, 1, 1, 6), (1, 2), None),
    ((0, 3, 4, 4), 2, 1),
]


@pytest.mark.parametrize(("shape", "size", "padding"), CROP_CASES)
def test_crop_is_a_window_of_the_padded_image(solution, shape, size, padding):
    x = images(shape, 11)
    kwargs = {} if padding is None else {"padding": padding}
    out = solution.random_crop(x, size, rng=np.random.default_rng(12), **kwargs)
    crop_positions(x, out, size, padding, crop_call(shape, size, padding))


# (shape, size, padding): 16, 30 and 5 positions, at least 100 images expected at each.
POSITION_CASES = [
    ((3000, 1, 4, 4), 3, 1),
    ((3000, 2, 6, 4), (3, 2), 1),
    ((2000, 1, 5, 7), (5, 3), 0),
]


@pytest.mark.parametrize(("shape", "size", "padding"), POSITION_CASES)
def test_crop_positions_uniform_and_independent(solution, shape, size, padding):
    x = images(shape, 13)
    call = crop_call(shape, size, padding)
    out = solution.random_crop(x, size, padding=padding, rng=np.random.default_rng(14))
    (rows, cols), (count_i, count_j) = crop_positions(x, out, size, padding, call)
    n = shape[0]
    check_independent(
        (rows * count_j + cols).astype(np.float64),
        what=note("crop_decisions", call=call),
        function=CROP,
        hint=note("independent_crops"),
    )
    for axis, drawn, count in (("i", rows, count_i), ("j", cols, count_j)):
        for end, key in ((0, "first_offset_never"), (count - 1, "last_offset_never")):
            if count > 1 and not np.any(drawn == end):
                fail(
                    note("offset_never", call=call, axis=axis, value=end, n=n),
                    function=CROP,
                    hint=note(key, axis=axis, last=count - 1),
                )
    counts = np.bincount(rows * count_j + cols, minlength=count_i * count_j)
    labels = [f"(i={i}, j={j})" for i in range(count_i) for j in range(count_j)]
    chi_square_test(
        counts,
        np.full(counts.size, 1 / counts.size),
        what=note("crop_positions", call=call, positions=counts.size),
        function=CROP,
        labels=labels,
        hint=note("uniform_positions"),
    )


def test_crop_counts_vary_as_multinomial(solution):
    """40 calls on 160 images with 16 positions: Pearson's statistic of each call has mean 15
    for independent draws, and their sum is about chi-square(600) (its chance outside
    [0.7, 1.4] times 600 is below 1e-8); using every position equally often gives about 0."""
    shape, size, padding, calls = (160, 1, 4, 4), 3, 1, 40
    x = images(shape, 31)
    call = crop_call(shape, size, padding)
    results = solution.call_many(
        CROP,
        [
            ((x, size), {"padding": padding, "rng": np.random.default_rng(400 + t)})
            for t in range(calls)
        ],
    )
    total = 0.0
    for out in results:
        (rows, cols), (count_i, count_j) = crop_positions(x, out, size, padding, call)
        counts = np.bincount(rows * count_j + cols, minlength=count_i * count_j)
        expected = shape[0] / counts.size
        total += float(np.sum((counts - expected) ** 2) / expected)
    spread = total / (calls * (counts.size - 1))
    if not 0.7 <= spread <= 1.4:
        fail(
            note("count_spread", call=call, calls=calls, spread=f"{spread:.3g}"),
            function=CROP,
            hint=note("crop_counts_vary"),
        )


def test_crop_fresh_on_every_call(solution):
    shape, size, padding = (40, 1, 6, 6), 3, 1
    x = images(shape, 15)
    call = crop_call(shape, size, padding)
    generator = np.random.default_rng(16)
    first = solution.random_crop(x, size, padding=padding, rng=generator)
    second = solution.random_crop(x, size, padding=padding, rng=generator)
    a, _ = crop_positions(x, first, size, padding, call)
    b, _ = crop_positions(x, second, size, padding, call)
    if np.array_equal(a[0], b[0]) and np.array_equal(a[1], b[1]):
        fail(note("same_twice", call=call), function=CROP, hint=note("fresh_every_call"))


def test_crop_reproducible_from_rng(solution):
    check_reproducible(solution, CROP, images((16, 2, 5, 5), 17), 3, padding=1, seed=18)


NORMALIZE_CASES = [
    ((2, 3, 4, 3), [0.485, 0.456, 0.406], [0.229, 0.224, 0.225]),  # C == W: a wrong axis broadcasts
    ((3, 4, 1, 4), (1.0, -2.0, 0.5, 3.0), (2.0, 0.5, 4.0, 1.5)),  # C == W again, H == 1
    ((4, 1, 2, 2), (0.5,), [0.25]),
    ((2, 2, 5, 5), np.array([0.3, -0.7]), np.array([1.5, -0.5])),  # a negative std is allowed
    ((2, 3, 2, 2), (0.0, 0.0, 0.0), (1.0, 1.0, 1.0)),  # the identity
    ((0, 2, 3, 3), [0.1, 0.2], [0.3, 0.4]),
]


@pytest.mark.parametrize(("shape", "mean", "std"), NORMALIZE_CASES)
def test_normalize_per_channel(solution, reference, shape, mean, std):
    x = images(shape, 19) * 3.0
    check_call(solution, reference, NORM, x, mean, std, rtol=1e-12, hint=note("channel_axis"))


def test_normalize_values_near_the_mean(solution, reference):
    """x close to the mean: (x - mean) / std loses nothing, x / std - mean / std would."""
    mean = [1e4, -3.0]
    x = np.array(mean)[None, :, None, None] + images((2, 2, 3, 3), 20) * 1e-6
    check_call(
        solution, reference, NORM, x, mean, [1e-3, 2.0], rtol=1e-12, hint=note("subtract_first")
    )


@pytest.mark.parametrize("p", [-0.1, 1.5, 2.0])
def test_error_flip_probability(solution, p):
    expect_value_error(
        solution,
        FLIP,
        images((4, 1, 2, 3), 21),
        p=p,
        rng=np.random.default_rng(0),
        because=note("not_probability", p=p),
    )


@pytest.mark.parametrize(
    ("shape", "size", "padding"),
    [
        ((3, 1, 4, 4), 0, 1),
        ((3, 1, 4, 4), (2, 0), 0),
        ((3, 1, 4, 4), (0, 3), 0),
    ],
)
def test_error_crop_size_below_one(solution, shape, size, padding):
    expect_value_error(
        solution,
        CROP,
        images(shape, 22),
        size,
        padding=padding,
        rng=np.random.default_rng(0),
        because=note("size_below_one", size=size),
    )


@pytest.mark.parametrize("padding", [-1, -2])
def test_error_negative_padding(solution, padding):
    expect_value_error(
        solution,
        CROP,
        images((3, 1, 6, 6), 23),
        2,
        padding=padding,
        rng=np.random.default_rng(0),
        because=note("negative_padding", padding=padding),
    )


# An empty batch: nothing to draw, so nothing but the check refuses a crop that does not fit (a
# non-empty batch would make rng.integers(0, Hp - h + 1) raise by itself).
TOO_LARGE = [
    ((0, 1, 4, 4), 5, 0),
    ((0, 2, 4, 4), (4, 7), 1),
    ((0, 1, 4, 4), (7, 3), 1),
    ((0, 3, 3, 3), 5, 0),
]


@pytest.mark.parametrize(("shape", "size", "padding"), TOO_LARGE)
def test_error_crop_larger_than_padded(solution, shape, size, padding):
    pad = 2 * padding
    expect_value_error(
        solution,
        CROP,
        images(shape, 24),
        size,
        padding=padding,
        rng=np.random.default_rng(0),
        because=note("crop_too_large", size=size, hp=shape[2] + pad, wp=shape[3] + pad, n=shape[0]),
    )


# Lengths that broadcast: one value for three channels, three values for one channel.
@pytest.mark.parametrize("which", ["mean", "std"])
@pytest.mark.parametrize(("channels", "length"), [(3, 1), (1, 3)])
def test_error_normalize_length(solution, which, channels, length):
    x = images((2, channels, 2, 4), 25)
    values = {"mean": [0.1 * (k + 1) for k in range(channels)], "std": [0.5] * channels}
    values[which] = [0.5 + k for k in range(length)]
    expect_value_error(
        solution,
        NORM,
        x,
        values["mean"],
        values["std"],
        because=note("length_not_channels", which=which, length=length, channels=channels),
    )


def test_error_normalize_scalar_for_several_channels(solution):
    x = images((2, 3, 2, 2), 26)
    for mean, std, which in ((0.5, [1.0, 1.0, 1.0], "mean"), ([0.5] * 3, 0.25, "std")):
        expect_value_error(
            solution,
            NORM,
            x,
            mean,
            std,
            because=note("length_not_channels", which=which, length=1, channels=3),
        )


@pytest.mark.parametrize("std", [[1.0, 0.0, 2.0], [0.0, 0.0, 0.0], [-0.0, 1.0, 1.0]])
def test_error_normalize_zero_std(solution, std):
    expect_value_error(
        solution,
        NORM,
        images((2, 3, 2, 2), 27),
        [0.1, 0.2, 0.3],
        std,
        because=note("zero_std", std=std),
    )
