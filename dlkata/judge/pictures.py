"""The data of the pictures a report draws, as small facts: never raw samples or whole arrays.

The judge decides what a picture shows (a histogram's bin counts and the expected counts, the
share of wrong values in each cell of an array's map); renderers only draw it, and without a
plotting library they leave it out.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

HISTOGRAM_BINS = 32
MAP_ROWS = 16
MAP_COLUMNS = 32


def histogram(values: np.ndarray, distribution: Any) -> dict[str, Any]:
    """The sample's counts in HISTOGRAM_BINS equal bins against the counts `distribution` (with
    a `cdf`, a `mean` and a `std`) expects, over a range that holds the bulk of both."""
    values = np.asarray(values, dtype=np.float64).ravel()
    finite = values[np.isfinite(values)]
    n = finite.size
    low, high = distribution.mean - 4 * distribution.std, distribution.mean + 4 * distribution.std
    if np.isfinite(distribution.low) and np.isfinite(distribution.high):
        margin = 0.1 * (distribution.high - distribution.low)
        low, high = distribution.low - margin, distribution.high + margin
    if n:
        low = min(low, float(np.quantile(finite, 0.001)))
        high = max(high, float(np.quantile(finite, 0.999)))
    edges = np.linspace(low, high, HISTOGRAM_BINS + 1)
    counts, _ = np.histogram(finite, bins=edges)
    expected = n * np.diff(distribution.cdf(edges))
    return {
        "low": float(low),
        "high": float(high),
        "counts": [int(c) for c in counts],
        "expected": [round(float(e), 3) for e in expected],
        "distribution": str(distribution),
        "n": int(n),
        "outside": int(n - counts.sum()),
    }


def binomial_histogram(counts: Any, trials: int, p: float) -> dict[str, Any]:
    """Counts that should each be Binomial(trials, p) (a dropout mask's survivors, call after
    call) against the binomial's expected counts, in at most HISTOGRAM_BINS bins of whole
    numbers, over a range that holds the bulk of both."""
    values = np.asarray(counts, dtype=np.float64).ravel()
    values = values[np.isfinite(values)]
    mean, spread = trials * p, math.sqrt(trials * p * (1 - p))
    low = max(0, min(math.floor(mean - 4 * spread), int(values.min(initial=mean))))
    high = min(trials, max(math.ceil(mean + 4 * spread), int(values.max(initial=mean))))
    width = -(-(high - low + 1) // HISTOGRAM_BINS)
    edges = np.arange(low, high + width + 1, width) - 0.5
    histogram, _ = np.histogram(values, bins=edges)
    k = np.arange(low, edges[-1] + 0.5)
    pmf = np.exp(
        [
            math.lgamma(trials + 1)
            - math.lgamma(i + 1)
            - math.lgamma(trials - i + 1)
            + (i * math.log(p) if p > 0 else (0.0 if i == 0 else -math.inf))
            + ((trials - i) * math.log1p(-p) if p < 1 else (0.0 if i == trials else -math.inf))
            if 0 <= i <= trials
            else -math.inf
            for i in k
        ]
    )
    expected = values.size * pmf.reshape(-1, width).sum(axis=1)
    return {
        "low": float(edges[0]),
        "high": float(edges[-1]),
        "counts": [int(c) for c in histogram],
        "expected": [round(float(e), 3) for e in expected],
        "distribution": f"Binomial({trials}, {p:.6g})",
        "n": int(values.size),
        "outside": int(values.size - histogram.sum()),
    }


def error_map(bad: np.ndarray) -> dict[str, Any] | None:
    """Where the wrong values are: the share of wrong values in each cell of the array's last
    two axes (one row for a 1-D array), cells grouping neighbours so that the map has at most
    MAP_ROWS x MAP_COLUMNS cells, and the share along each leading axis (a sample, a channel).
    None where a map would show nothing: every value wrong, or fewer than four values."""
    if bad.size < 4 or bad.all() or not bad.any():
        return None
    grid = bad.reshape(1, -1) if bad.ndim == 1 else bad
    plane = grid.reshape(-1, *grid.shape[-2:]).mean(axis=0)
    cells = _blocks(plane, MAP_ROWS, MAP_COLUMNS)
    leading = [
        _blocks(
            bad.mean(axis=tuple(a for a in range(bad.ndim) if a != axis))[None], 1, MAP_COLUMNS
        )[0]
        for axis in range(bad.ndim - 2)
    ]
    return {
        "shape": list(bad.shape),
        "cells": [[round(float(v), 2) for v in row] for row in cells],
        "block": [-(-plane.shape[0] // MAP_ROWS), -(-plane.shape[1] // MAP_COLUMNS)],
        "leading": [[round(float(v), 2) for v in row] for row in leading],
    }


def _blocks(plane: np.ndarray, rows: int, columns: int) -> np.ndarray:
    """The mean of `plane` over blocks of neighbours, at most `rows` x `columns` of them."""
    height, width = plane.shape
    step_r, step_c = -(-height // rows), -(-width // columns)
    out_r, out_c = -(-height // step_r), -(-width // step_c)
    padded = np.full((out_r * step_r, out_c * step_c), np.nan)
    padded[:height, :width] = plane
    return np.nanmean(padded.reshape(out_r, step_r, out_c, step_c), axis=(1, 3))
