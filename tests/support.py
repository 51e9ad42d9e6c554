"""Helpers shared by the project's own tests (not by the hidden kata tests)."""

from __future__ import annotations

import importlib.util
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
