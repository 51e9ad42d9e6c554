"""Helpers shared by the project's own tests (not by the hidden kata tests)."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
REFERENCE_DIR = ROOT / "reference"
SOLUTIONS_DIR = Path(__file__).resolve().parent / "solutions"


def load_reference(kata_id: str) -> ModuleType:
    """Import `reference/<kata_id>.py` under a private name, for cross-checks against PyTorch."""
    path = REFERENCE_DIR / f"{kata_id}.py"
    spec = importlib.util.spec_from_file_location(f"_reference_{kata_id}", path)
    assert spec is not None and spec.loader is not None, path
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# four English words in a row (a sentence left untranslated); code, paths and identifiers do not
# match, as their words are joined by `_`, `.`, `/`, `(` or `=`, nor do lists of one-letter
# indices (`n, o, i, j`)
ENGLISH_RUN = re.compile(r"(?<![\w./-])[A-Za-z][a-z']+(?:,? [A-Za-z][a-z']+){3,}(?![\w(])")
HAN = re.compile(r"[\u4e00-\u9fff]")


def english_sentences(text: str) -> list[str]:
    """Runs of English words in Chinese output, outside `code` and doctest lines."""
    found = []
    for line in text.splitlines():
        if ">>>" in line or line.strip().startswith("..."):
            continue
        found += [m.group(0) for m in ENGLISH_RUN.finditer(re.sub(r"`[^`]*`", "", line))]
    return found
