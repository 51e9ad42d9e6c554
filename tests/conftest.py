"""Every test starts without the variables that change dlkata's behaviour or output, so the
suite gives the same verdicts on a laptop and in CI (where `CI=true` is set), and in English
whatever the machine's locale."""

from __future__ import annotations

import pytest

from dlkata import i18n
from tests.cli_support import ENVIRONMENT


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ENVIRONMENT:
        monkeypatch.delenv(name, raising=False)
    i18n.use(i18n.DEFAULT)  # a test that spoke Chinese in-process leaves no trace
