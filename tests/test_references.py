"""Every reference passes its own kata through the real command; every untouched stub is
`not_started`; every kata folder is valid."""

from __future__ import annotations

from typer.testing import CliRunner

from dlkata.catalogue import load_catalogue
from dlkata.cli import app
from tests.grading_support import grade_many, summary

KATAS = list(load_catalogue().values())


def test_every_reference_passes_as_a_solution() -> None:
    code, graded = grade_many({kata.id: kata.reference_path for kata in KATAS})
    failed = [summary(graded[k.id]) for k in KATAS if graded[k.id]["status"] != "passed"]
    assert code == 0 and not failed, "\n".join(failed)


def test_every_untouched_stub_is_not_started() -> None:
    code, graded = grade_many({kata.id: kata.stub_path for kata in KATAS})
    assert code == 1
    for kata in KATAS:
        result = graded[kata.id]
        assert result["status"] == "not_started", summary(result)
        assert result["tests"][0]["name"] == "signatures", kata.id
        assert result["tests"][0]["status"] == "passed", kata.id


def test_every_kata_folder_is_valid() -> None:
    result = CliRunner().invoke(app, ["validate"])
    assert result.exit_code == 0, result.stdout
