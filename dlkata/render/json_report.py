"""The machine-readable report: exactly one JSON document on stdout."""

from __future__ import annotations

import json

from dlkata.results import KataResult


def render_json(results: list[KataResult]) -> str:
    return json.dumps({"katas": [r.to_dict() for r in results]}, indent=2)
