"""The machine-readable report: exactly one JSON document on stdout.

`schema_version` names the shape of the document, which `dlkata schema report` publishes as a
JSON Schema (generated from `dlkata/report_schema.py`). Any change to its fields gets a new
version number.
"""

from __future__ import annotations

import json

from dlkata.results import KataResult, Summary

SCHEMA_VERSION = 2


def render_json(results: list[KataResult], summary: Summary) -> str:
    document = {
        "schema_version": SCHEMA_VERSION,
        "summary": summary.to_dict(),
        "katas": [r.to_dict() for r in results],
    }
    return json.dumps(document, indent=2)
