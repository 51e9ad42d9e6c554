"""A kata's failure notes in the learner's language: hidden tests name them by key.

A note is data (`notes:` in the kata's `text/<lang>.yaml`), so a hidden test's logic never holds
words and a new language never touches it. The plugin sets the notes of the kata whose test runs.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from dlkata import i18n

_notes: Mapping[str, str] = {}


class MissingNote(KeyError):
    """A hidden test names a note its kata's text does not have: the kata's fault."""


def use_notes(notes: Mapping[str, str]) -> None:
    global _notes
    _notes = notes


def note(*keys: str, **fields: Any) -> str:
    """The notes `keys`, joined as sentences, with their `{name}` fields filled from `fields`.

    `note("weight_layout")`, `note("forward", "zero")`, `note("shape", got=(2, 3))`."""
    try:
        parts = [_notes[key] for key in keys]
    except KeyError as exc:
        raise MissingNote(
            f"the kata's text has no note {exc.args[0]!r} (add it to notes: in text/*.yaml)"
        ) from None
    text = i18n.SENTENCE_GAP[i18n.language()].join(parts)
    return text.format(**fields) if fields else text
