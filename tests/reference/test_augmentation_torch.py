"""The `augmentation` reference against PyTorch ops, at the same flip decisions and crop offsets.

torchvision is not installed, so its transforms are rebuilt from the torch ops they run on a
tensor image: `RandomHorizontalFlip` is `img.flip(-1)` when `torch.rand(1) < p`, `RandomCrop` is
`F.pad(img, [padding] * 4)` (constant 0) and then `img[..., i:i + h, j:j + w]` with `i` from
`torch.randint(0, Hp - h + 1)` and `j` from `torch.randint(0, Wp - w + 1)`, and `Normalize` is
`img.sub(mean.view(-1, 1, 1)).div(std.view(-1, 1, 1))`. The decisions are those the reference draws
(`rng.random(N) < p`, then `rng.integers` for all rows and then all columns), replayed from a
generator with the same seed.
"""

from __future__ import annotations

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from scipy import stats

from tests.support import load_reference

ref = load_reference("augmentation")


def images(shape, seed):
    return np.random.default_rng(seed).standard_normal(shape)


@pytest.mark.parametrize(
    ("shape", "p", "seed"),
    [
        ((8, 3, 4, 5), 0.5, 0),
        ((6, 1, 1, 6), 0.3, 1),
        ((5, 2, 3, 1), 0.9, 2),
        ((7, 3, 2, 2), 1.0, 3),
    ],
)
def test_flip_matches_torch_flip(shape, p, seed):
    x = images(shape, seed)
    out = ref.random_horizontal_flip(x, p=p, rng=np.random.default_rng(seed + 100))
    decisions = np.random.default_rng(seed + 100).random(shape[0]) < p
    xt = torch.tensor(x)
    expected = torch.stack(
        [img.flip(-1) if flip else img for img, flip in zip(xt, decisions, strict=True)]
    )
    assert out.dtype == np.float64
    np.testing.assert_array_equal(out, expected.numpy())
    # the whole batch at once, as torch.flip along dims=[3] where the decision says so
    batched = torch.where(torch.tensor(decisions)[:, None, None, None], torch.flip(xt, [3]), xt)
    np.testing.assert_array_equal(out, batched.numpy())


def test_flip_p_zero_is_identity():
    x = images((4, 2, 3, 3), 4)
    out = ref.random_horizontal_flip(x, p=0.0, rng=np.random.default_rng(5))
    np.testing.assert_array_equal(out, x)
    assert not np.shares_memory(out, x)


CROPS = [
    ((4, 3, 5, 5), 3, 0),
    ((4, 3, 5, 5), 3, 2),
    ((3, 2, 4, 6), (2, 5), 1),
    ((2, 2, 3, 4), (7, 8), 2),
    ((6, 1, 4, 4), 1, 0),
    ((5, 3, 8, 8), (6, 4), 4),
    ((3, 1, 2, 2), (1, 1), 3),  # windows that lie wholly in the padding
    ((6, 2, 5, 4), 2, 3),
    ((4, 1, 6, 3), (3, 2), 4),
]


@pytest.mark.parametrize(("shape", "size", "padding"), CROPS)
def test_crop_matches_torch_pad_and_slice(shape, size, padding):
    seed = sum(shape) + padding
    x = images(shape, seed)
    out = ref.random_crop(x, size, padding=padding, rng=np.random.default_rng(seed))
    h, w = (size, size) if isinstance(size, int) else size
    hp, wp = shape[2] + 2 * padding, shape[3] + 2 * padding
    replay = np.random.default_rng(seed)
    rows = replay.integers(0, hp - h + 1, size=shape[0])
    cols = replay.integers(0, wp - w + 1, size=shape[0])
    padded = F.pad(torch.tensor(x), [padding] * 4, mode="constant", value=0.0)
    assert padded.shape[2:] == (hp, wp)
    expected = torch.stack(
        [
            padded[n, :, i : i + h, j : j + w]
            for n, (i, j) in enumerate(zip(rows, cols, strict=True))
        ]
    )
    assert out.shape == (shape[0], shape[1], h, w)
    assert out.dtype == np.float64
    np.testing.assert_array_equal(out, expected.numpy())


@pytest.mark.parametrize(
    ("shape", "mean", "std"),
    [
        ((2, 3, 4, 3), [0.485, 0.456, 0.406], [0.229, 0.224, 0.225]),
        ((3, 4, 1, 4), (1.0, -2.0, 0.5, 3.0), (2.0, 0.5, 4.0, 1.5)),
        ((4, 1, 2, 2), (0.5,), (0.25,)),
        ((2, 2, 5, 5), [0.3, -0.7], [1.5, -0.5]),
    ],
)
def test_normalize_matches_torchvision_formula_and_batch_norm(shape, mean, std):
    x = images(shape, 6) * 3.0
    out = ref.normalize(x, mean, std)
    xt = torch.tensor(x)
    m = torch.tensor(mean, dtype=torch.float64)
    s = torch.tensor(std, dtype=torch.float64)
    # torchvision.transforms.functional.normalize on each image (C, H, W)
    per_image = torch.stack([img.sub(m.view(-1, 1, 1)).div(s.view(-1, 1, 1)) for img in xt])
    np.testing.assert_allclose(out, per_image.numpy(), rtol=1e-12, atol=0)
    if (s > 0).all():
        # an independent route along the channel axis: batch norm in eval mode, var = std ** 2
        bn = F.batch_norm(xt, m, s * s, training=False, eps=0.0)
        np.testing.assert_allclose(out, bn.numpy(), rtol=1e-12, atol=1e-12)


def test_flip_rate_and_crop_positions_are_uniform():
    """Over many images the reference flips a fraction p and uses every crop position equally,
    the extremes included (scipy's binomial and chi-square tests)."""
    n = 20_000
    x = images((n, 1, 1, 2), 7)
    out = ref.random_horizontal_flip(x, p=0.3, rng=np.random.default_rng(8))
    flipped = int(np.all(out == x[..., ::-1], axis=(1, 2, 3)).sum())
    assert stats.binomtest(flipped, n, 0.3).pvalue > 1e-4
    x = np.arange(16.0).reshape(1, 1, 4, 4) + 1.0
    x = np.repeat(x, 6000, axis=0)
    out = ref.random_crop(x, 3, padding=1, rng=np.random.default_rng(9))
    padded = np.pad(x[0, 0], 1)
    positions = [(i, j) for i in range(4) for j in range(4)]
    counts = np.zeros(len(positions), dtype=np.int64)
    for k, (i, j) in enumerate(positions):
        counts[k] = np.all(out[:, 0] == padded[i : i + 3, j : j + 3], axis=(1, 2)).sum()
    assert counts.sum() == 6000 and counts.min() > 0
    assert stats.chisquare(counts).pvalue > 1e-4


def test_errors_as_torchvision_raises_them():
    x = images((2, 3, 4, 4), 10)
    rng = np.random.default_rng(0)
    for kwargs in ({"p": -0.1}, {"p": 1.5}):
        with pytest.raises(ValueError):
            ref.random_horizontal_flip(x, rng=rng, **kwargs)
    for size, padding in ((5, 0), ((3, 7), 1), (0, 0), ((2, 0), 1), (2, -1)):
        with pytest.raises(ValueError):
            ref.random_crop(x, size, padding=padding, rng=rng)
    for mean, std in (([0.5], [1.0, 1.0, 1.0]), ([0.1] * 3, [1.0, 0.0, 1.0]), (0.5, [1.0] * 3)):
        with pytest.raises(ValueError):
            ref.normalize(x, mean, std)
