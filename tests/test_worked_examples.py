"""Every explanation's worked example, recomputed: its `## A worked example` section carries a
doctest (a fenced ```python block of `>>>` lines) that runs against the kata's reference, so a
wrong number in an explanation fails here instead of teaching a learner something false."""

from __future__ import annotations

import doctest
import re

import numpy as np
import pytest

from dlkata.catalogue import load_catalogue
from dlkata.i18n import LANGUAGES
from dlkata.validate_text import EXPLANATION_HEADINGS
from tests.support import load_reference

KATAS = sorted(load_catalogue())
_BLOCK = re.compile(r"```python\n(.*?)```", re.DOTALL)


def worked_example(kata_id: str, language: str = "en") -> str:
    """The doctest text of a kata's worked example section, in one language's explanation."""
    path = load_catalogue()[kata_id].text_path(language, ".md")
    heading = EXPLANATION_HEADINGS[language][3]
    section = path.read_text(encoding="utf-8").partition(heading)[2].partition("\n## ")[0]
    return "\n".join(block for block in _BLOCK.findall(section) if ">>>" in block)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kata_id", KATAS)
def test_worked_example_is_recomputed(kata_id: str, language: str) -> None:
    source = worked_example(kata_id, language)
    assert source.count(">>>") >= 2, f"{kata_id}: the worked example has no doctest block"
    reference = load_reference(kata_id)
    names = {k: v for k, v in vars(reference).items() if not k.startswith("_")}
    parser = doctest.DocTestParser()
    test = parser.get_doctest(source, {**names, "np": np}, kata_id, f"{kata_id}.md", 0)
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    report: list[str] = []
    with np.printoptions(precision=4, suppress=True):
        runner.run(test, out=report.append)
    assert runner.failures == 0, "".join(report)
