"""The language dlkata speaks: English or Simplified Chinese, for every word it shows.

The engine's own messages go through one gettext catalogue (`dlkata/locale/<lang>/LC_MESSAGES/
dlkata.po`, compiled to `.mo` by `scripts/translations.py`): the English text in the code is the
message id, so English needs no catalogue. A kata's words (title, hints, test descriptions, failure
notes, explanation) are data in its own `text/<lang>.*` files (see `catalogue.py`).

The language is chosen once per process, before any text is made: `--lang`, else `DLKATA_LANG`,
else `lang:` in the workspace's `dlkata.yaml`, else the locale (`LANGUAGE`, `LC_ALL`,
`LC_MESSAGES`, `LANG`, as gettext reads them), else English.
"""

from __future__ import annotations

import gettext
from collections.abc import Mapping
from pathlib import Path
from typing import Literal, get_args

Language = Literal["en", "zh"]
LANGUAGES: tuple[str, ...] = get_args(Language)
DEFAULT: Language = "en"
DOMAIN = "dlkata"
LOCALE_DIR = Path(__file__).with_name("locale")
# how two sentences of one hint are joined: Chinese sentences end in 。and need no space
SENTENCE_GAP = {"en": " ", "zh": ""}

_language: Language = DEFAULT
_catalogue: gettext.NullTranslations = gettext.NullTranslations()


def use(language: str) -> None:
    """Speak `language` from now on (an unknown one is English)."""
    global _language, _catalogue
    _language = language if language in LANGUAGES else DEFAULT  # type: ignore[assignment]
    if _language == DEFAULT:
        _catalogue = gettext.NullTranslations()
    else:
        _catalogue = gettext.translation(DOMAIN, LOCALE_DIR, languages=[_language], fallback=True)


def language() -> Language:
    return _language


def _(message: str) -> str:
    """`message` (English, with `{named}` fields) in the current language."""
    return _catalogue.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The English singular or plural for `count`, or its translation (Chinese has one form)."""
    return _catalogue.ngettext(singular, plural, count)


def N_(message: str) -> str:
    """Marks text to translate later, where it is defined before the language is known."""
    return message


def from_locale(environ: Mapping[str, str]) -> Language | None:
    """The language of the user's locale, as gettext looks it up: the first of `LANGUAGE`,
    `LC_ALL`, `LC_MESSAGES`, `LANG` that is set; `zh_CN.UTF-8` and `zh_TW` are Chinese."""
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(variable)
        if value:
            for choice in value.split(":"):  # LANGUAGE may list several, best first
                code = choice.split(".")[0].split("@")[0].split("_")[0].split("-")[0].lower()
                if code in LANGUAGES:
                    return code  # type: ignore[return-value]
                if code in ("c", "posix"):
                    break
            return None
    return None


def choose(flag: str | None, environ: Mapping[str, str], configured: str | None = None) -> Language:
    """The language by precedence: the `--lang` flag, `DLKATA_LANG`, `lang:` of `dlkata.yaml`,
    the locale, English. Values are checked where they are read (`--lang` by the CLI,
    `DLKATA_LANG` by `check_language`, `lang:` by the config's schema)."""
    for value in (flag, environ.get("DLKATA_LANG") or None, configured):
        if value in LANGUAGES:
            return value  # type: ignore[return-value]
    return from_locale(environ) or DEFAULT


def check_language(value: str, source: str) -> None:
    """`ValueError` naming `source` unless `value` is a language dlkata speaks."""
    if value not in LANGUAGES:
        raise ValueError(
            _("{source} must be one of {choices}, got {value!r}").format(
                source=source, choices=", ".join(LANGUAGES), value=value
            )
        )
