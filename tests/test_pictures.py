"""Pictures in the report, through the real `dlkata check`: the judge sends small facts (a
histogram's counts, a map of where the wrong values are) and the text report draws them; without
uniplot the report is the same, minus the curves."""

from __future__ import annotations

import importlib.util
import sys
import tempfile
from pathlib import Path

import pytest

from dlkata.bundle import bundle
from dlkata.notebook import Report
from dlkata.results import KataResult
from tests.cli_support import ENVIRONMENT, invoke
from tests.grading_support import failures, grade_file
from tests.support import SOLUTIONS_DIR

NO_SQRT2 = SOLUTIONS_DIR / "he_init" / "wrong_no_sqrt2.py"
ZERO_PADDING = SOLUTIONS_DIR / "max_pool2d" / "wrong_zero_padding.py"


def _text(kata: str, path: Path, *extra: str) -> str:
    with tempfile.TemporaryDirectory(prefix="dlkata-pictured-") as folder:
        graded = bundle(path, Path(folder))
        result = invoke(
            "check", kata, "--file", str(graded), "--color", "never", *extra,
            env=dict.fromkeys(ENVIRONMENT),
        )  # fmt: skip
    assert result.exit_code == 1, result.output
    return result.output


def test_a_wrong_std_sends_the_histogram_against_the_expected_density() -> None:
    """He without the gain of √2: the sample is narrower than N(0, sqrt(2 / fan))."""
    _, kata = grade_file("he_init", NO_SQRT2)
    first = failures(kata)[0]
    picture = first["facts"]["histogram"]
    counts, expected = picture["counts"], picture["expected"]
    assert len(counts) == len(expected) == 32
    assert sum(counts) + picture["outside"] == picture["n"] == 1_000_000
    assert abs(sum(expected) - picture["n"]) < 0.01 * picture["n"]
    # std / sqrt(2): a peak about sqrt(2) times as high as the expected one
    assert 1.3 < max(counts) / max(expected) < 1.5
    assert picture["distribution"].startswith("N(")


def test_the_text_report_draws_the_histogram() -> None:
    pytest.importorskip("uniplot")
    text = _text("he_init", NO_SQRT2)
    assert "picture   your 1000000 values (#) against N(mean=0, std=0.04) (.)" in text
    body = text.split("picture", 1)[1].split("hint", 1)[0]
    assert "#" in body and "." in body and "┌" in body and "└" in body


def test_without_uniplot_the_report_is_the_same_minus_the_picture(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pytest.importorskip("uniplot")
    drawn = _text("he_init", NO_SQRT2)
    monkeypatch.setitem(sys.modules, "uniplot", None)  # import uniplot raises ImportError
    plain = _text("he_init", NO_SQRT2)
    assert "picture" not in plain
    start, end = drawn.index("    picture"), drawn.index("    hint")
    assert drawn[:start] + drawn[end:] == plain


def test_a_wrong_border_is_mapped_where_it_is() -> None:
    """Zero padding in max pooling: on all-negative inputs only border windows are wrong."""
    _, kata = grade_file("max_pool2d", ZERO_PADDING)
    (test, *_) = (t for t in failures(kata) if "error_map" in t["facts"])
    picture = test["facts"]["error_map"]
    assert picture["shape"] == [1, 2, 3, 3] and picture["block"] == [1, 1]
    assert picture["cells"] == [[0.5, 0.0, 0.0], [0.0, 0.0, 0.0], [0.0, 0.0, 0.0]]
    assert picture["leading"] == [[0.06], [0.11, 0.0]]  # 1 of 18 values; 1 of 9, none
    text = _text("max_pool2d", ZERO_PADDING)
    assert "where the wrong values are over the last two axes of shape (1, 2, 3, 3)" in text
    assert "\n                ▓··\n                ···\n                ···\n" in text
    assert "axis 1 (size 2): ░·" in text


def test_every_value_wrong_draws_no_map() -> None:
    """A map of nothing but █ teaches nothing: none is sent."""
    _, kata = grade_file("conv2d", SOLUTIONS_DIR / "conv2d" / "wrong_flipped_kernel.py")
    wrong = [t for t in failures(kata) if t["kind"] == "mismatch"]
    every = [t for t in wrong if t["facts"]["mismatched"] == t["facts"]["total"]]
    some = [t for t in wrong if t["facts"]["mismatched"] < t["facts"]["total"]]
    assert every and all("error_map" not in t["facts"] for t in every)
    assert all("error_map" in t["facts"] for t in some)


def test_a_wrong_schedule_sends_both_curves() -> None:
    """A cosine that climbs back up after total_steps: both curves, and where they part."""
    path = SOLUTIONS_DIR / "lr_schedules" / "wrong_cosine_not_clamped.py"
    _, kata = grade_file("lr_schedules", path)
    (test, *_) = failures(kata)
    curve = test["facts"]["curve"]
    assert curve["function"] == "cosine_annealing" and curve["failed_at"] == 5
    assert len(curve["x"]) == len(curve["yours"]) == len(curve["expected"]) > 5
    before = [i for i, x in enumerate(curve["x"]) if x <= 4]
    after = [i for i, x in enumerate(curve["x"]) if x > 4]
    assert all(curve["yours"][i] == pytest.approx(curve["expected"][i]) for i in before)
    assert all(curve["yours"][i] > curve["expected"][i] for i in after)
    if importlib.util.find_spec("uniplot"):
        text = _text("lr_schedules", path)
        assert (
            "picture   your `cosine_annealing` (#) against the expected values (.); the first "
            "wrong one at 5"
        ) in text


def test_wrong_attention_weights_are_drawn_beside_the_expected() -> None:
    """Softmax over the queries: each column of your weights sums to one, not each row."""
    path = SOLUTIONS_DIR / "scaled_dot_product_attention" / "wrong_softmax_over_queries.py"
    _, kata = grade_file("scaled_dot_product_attention", path)
    (test, *_) = failures(kata)
    heatmap = test["facts"]["heatmap"]
    assert heatmap["output"] == "weights" and heatmap["shape"] == [3, 5]
    yours, expected = heatmap["yours"], heatmap["expected"]
    assert all(sum(row) == pytest.approx(1, abs=0.03) for row in expected)
    assert all(sum(column) == pytest.approx(1, abs=0.03) for column in zip(*yours))
    text = _text("scaled_dot_product_attention", path)
    assert "picture   `weights` (3 x 5): yours on the left, the expected on the right" in text
    assert "\n                ░░▒▒▒   ░▒░░░\n" in text


def test_the_notebook_draws_the_histogram_with_matplotlib(monkeypatch: pytest.MonkeyPatch) -> None:
    """The notebook's report of the real check: the character pictures, and with matplotlib a
    PNG of the histogram too; without matplotlib the same report minus the image."""
    pytest.importorskip("matplotlib")
    _, kata = grade_file("he_init", NO_SQRT2)
    report = Report([KataResult.from_dict(kata)])
    html = report._repr_html_()
    assert html.count('<img alt="he_init: ') == 1 and "data:image/png;base64," in html
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    monkeypatch.setitem(sys.modules, "matplotlib.figure", None)
    assert report._repr_html_() == html[: html.index("<figure>")]


def test_a_fixed_survivor_count_is_drawn_against_the_binomial() -> None:
    """Dropout dropping exactly round(p * n) elements: every call keeps 700 of 1000, a spike
    where Binomial(1000, 0.7) spreads over about ±30."""
    _, kata = grade_file("dropout", SOLUTIONS_DIR / "dropout" / "wrong_fixed_count.py")
    (test,) = failures(kata)
    picture = test["facts"]["histogram"]
    assert picture["distribution"] == "Binomial(1000, 0.7)" and picture["n"] == 30
    assert sorted(picture["counts"])[-2:] == [0, 30]  # all in one bin
    assert max(picture["expected"]) < 5 and sum(picture["expected"]) == pytest.approx(30, 0.01)
