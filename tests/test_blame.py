"""Blame follows cause, through the real `dlkata check`: a wrong forward pass is blamed on the
forward, never on the backward that only reflects it; with a right forward, central differences
of the learner's own forward name the wrong gradient."""

from __future__ import annotations

from tests.grading_support import failures, grade_file
from tests.support import SOLUTIONS_DIR

CONV2D = SOLUTIONS_DIR / "conv2d"


def _backward_tests(kata: dict) -> list[dict]:
    return [t for t in failures(kata) if t["name"].startswith("test_backward_against_reference")]


def test_a_wrong_forward_with_a_consistent_backward_is_blamed_on_the_forward() -> None:
    """The output size ignores padding; the backward mirrors the same windows. Every backward
    test that fails says the forward must be fixed first, and still fails."""
    code, kata = grade_file("conv2d", CONV2D / "wrong_output_size_ignores_padding.py")
    assert code == 1 and kata["status"] == "failed"
    blamed = _backward_tests(kata)
    assert blamed, "the backward tests must still fail: a pass is earned, not assumed"
    for test in blamed:
        assert test["kind"] == "forward_first", test
        assert test["function"] == "conv2d_forward", test
        assert "was not judged" in test["message"], test["message"]
        assert "Fix the forward pass `conv2d_forward` first" in test["hint"]
        assert test["facts"]["backward"] == "conv2d_backward"
        assert test["facts"]["expected_shape"] != test["facts"]["got_shape"]
    # the backward against its own forward is right, and nothing blames the backward
    assert not any(t["function"] == "conv2d_backward" for t in failures(kata)), failures(kata)


def test_a_wrong_forward_blames_the_forward_for_values_too() -> None:
    """A flipped kernel: the backward tests against the reference point at the forward."""
    _, kata = grade_file("conv2d", CONV2D / "wrong_flipped_kernel.py")
    blamed = _backward_tests(kata)
    assert blamed and all(t["kind"] == "forward_first" for t in blamed)
    assert all(t["facts"]["samples"] for t in blamed), "the forward's wrong values are shown"


def test_a_right_forward_and_a_wrong_gradient_names_that_gradient() -> None:
    """db averaged over the batch: db disagrees with central differences of the learner's own
    forward; dx and dw agree with them."""
    _, kata = grade_file("conv2d", CONV2D / "wrong_db_batch_mean.py")
    (first, *_) = _backward_tests(kata)
    assert first["kind"] == "mismatch" and first["function"] == "conv2d_backward"
    assert first["facts"]["gradients"] == {"dx": "right", "dw": "right", "db": "wrong"}
    assert (
        "db is wrong: it disagrees with central differences of your own `conv2d_forward`. "
        "dx, dw agree with them."
    ) in first["message"]


def test_a_wrong_input_gradient_is_named_in_chinese_too() -> None:
    """dx cropped from one corner: only dx is wrong where there is padding."""
    _, kata = grade_file("conv2d", CONV2D / "wrong_dx_padding_crop.py", "--lang", "zh")
    named = [t for t in _backward_tests(kata) if "gradients" in t["facts"]]
    assert named, _backward_tests(kata)
    assert named[0]["facts"]["gradients"] == {"dx": "wrong", "dw": "right", "db": "right"}
    assert "dx 有误" in named[0]["message"], named[0]["message"]
