"""YAML for dlkata's own files, read with libyaml's loader when PyYAML has it: the catalogue is
read on every command, and the pure-Python loader is ten times slower."""

from __future__ import annotations

from typing import Any

import yaml

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> Any:
    """Plain data only (the safe loader): mappings, lists, strings, numbers, booleans."""
    return yaml.load(text, Loader=_Loader)
