"""Every reference passes its own kata through the real command; every untouched stub is
`not_started`; every kata folder is valid."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from dlkata.catalogue import load_catalogue
from dlkata.cli import app
from tests.grading_support import grade_file, summary

KATAS = list(load_catalogue().values())


@pytest.mark.parametrize("kata", KATAS, ids=lambda k: k.id)
def test_reference_passes_as_a_solution(kata) -> None:
    code, result = grade_file(kata.id, kata.reference_path)
    assert (code, result["status"]) == (0, "passed"), summary(result)


@pytest.mark.parametrize("kata", KATAS, ids=lambda k: k.id)
def test_untouched_stub_is_not_started(kata) -> None:
    code, result = grade_file(kata.id, kata.stub_path)
    assert (code, result["status"]) == (1, "not_started"), summary(result)
    assert result["tests"][0]["name"] == "signatures" and result["tests"][0]["status"] == "passed"


def test_every_kata_folder_is_valid() -> None:
    result = CliRunner().invoke(app, ["validate"])
    assert result.exit_code == 0, result.stdout
