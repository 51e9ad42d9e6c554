"""Every hint shown under a failure is the one for that failure, through the real `dlkata check`:
a wrong output size gets the kata's output-size note, wrong values the note about values."""

from __future__ import annotations

import pytest

from dlkata.catalogue import read_words
from dlkata.judge.failures import GradingFailure, hint_for
from tests.grading_support import failures, grade_file
from tests.support import ROOT, SOLUTIONS_DIR


def _note(kata: str, key: str, language: str = "en") -> str:
    return read_words(ROOT / "katas" / kata / "text" / f"{language}.yaml")["notes"][key]


def _failed(kata: dict, test: str) -> list[dict]:
    return [t for t in failures(kata) if t["name"].startswith(test)]


@pytest.mark.parametrize("language", ["en", "zh"])
def test_conv2d_output_size_ignoring_padding_gets_the_output_size_hint(language: str) -> None:
    """Before, this shape failure showed the padding note, which speaks of shifted windows."""
    _, kata = grade_file(
        "conv2d",
        SOLUTIONS_DIR / "conv2d" / "wrong_output_size_ignores_padding.py",
        "--lang",
        language,
    )
    padded = _failed(kata, "test_forward_zero_padding")
    assert padded, failures(kata)
    for test in padded:
        assert test["kind"] == "shape", test
        assert test["hint"] == _note("conv2d", "output_size", language)


def test_conv2d_windows_shifted_by_one_sided_padding_get_the_padding_hint() -> None:
    """The same tests, with the right size and shifted values, still show the padding note."""
    _, kata = grade_file("conv2d", SOLUTIONS_DIR / "conv2d" / "wrong_padding_one_side.py")
    padded = _failed(kata, "test_forward_zero_padding")
    assert padded and all(t["kind"] == "mismatch" for t in padded), failures(kata)
    assert {t["hint"] for t in padded} == {_note("conv2d", "padding")}


def test_a_stride_applied_twice_gets_the_output_size_hint() -> None:
    """depthwise_separable_conv2d with the stride in both steps: the output is too small."""
    _, kata = grade_file(
        "depthwise_separable_conv2d",
        SOLUTIONS_DIR / "depthwise_separable_conv2d" / "wrong_stride_twice.py",
    )
    strided = _failed(kata, "test_stride_belongs_to_the_depthwise_step")
    shapes = [t for t in strided if t["kind"] == "shape"]
    assert shapes, failures(kata)
    assert {t["hint"] for t in shapes} == {_note("depthwise_separable_conv2d", "output_size")}


def test_a_hint_per_kind_picks_the_failures_kind() -> None:
    hints = {"shape": "the size", "mismatch": "the values"}
    assert hint_for(hints, "shape") == "the size"
    assert hint_for(hints, "type") is None
    assert hint_for("one for all", "shape") == "one for all"
    assert GradingFailure("m", kind="mismatch", hint=hints).hint == "the values"
