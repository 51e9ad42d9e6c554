"""`dlkata validate`, for a kata's words: every language has every text that English has.

English (`text/en.yaml`, `text/en.md`) is the source; each other language must have the same title,
summary, number of hints, a description of every hidden test function, every note the tests name
(with the same `{fields}`), and an explanation with its own headings and as many interview
questions. A kata is complete only in every language.
"""

from __future__ import annotations

import ast
import string
from collections.abc import Callable
from pathlib import Path
from typing import Any

from dlkata import i18n
from dlkata.catalogue import Kata, read_words
from dlkata.explain_pictures import PictureError, picture_blocks, read_picture
from dlkata.i18n import _, ngettext
from dlkata.problems import InvalidFile

# The sections of an explanation, in order, and how an interview question begins, per language.
EXPLANATION_HEADINGS = {
    "en": (
        "## What and why",
        "## The maths",
        "## Shapes",
        "## A worked example",
        "## Pitfalls the tests catch",
        "## Interview questions",
    ),
    "zh": (
        "## 是什么，为什么",
        "## 数学原理",
        "## 形状",
        "## 手算示例",
        "## 隐藏测试检查的易错点",
        "## 面试题",
    ),
}
QUESTION = {"en": "### Q:", "zh": "### 问："}

Add = Callable[[Path, str, str], None]


def fields(text: str) -> list[str]:
    """The `{name}` fields of a note, sorted; `ValueError` for a brace that is not one."""
    parsed = string.Formatter().parse(text)
    return sorted(name for _text, name, _spec, _conversion in parsed if name is not None)


def hidden_test_names(path: Path) -> list[str]:
    """The hidden test functions of a test file, read without running it."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return [
        n.name
        for n in tree.body
        if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and n.name.startswith("test_")
    ]


def note_keys(path: Path) -> tuple[set[str], set[str]]:
    """The keys that `note(...)` calls name literally, and every string literal of the file (a
    note may be named through a variable, e.g. one per parametrised schedule)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    named, literals = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            literals.add(node.value)
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "note":
            named |= {
                a.value
                for a in node.args
                if isinstance(a, ast.Constant) and isinstance(a.value, str)
            }
    return named, literals


def check_words(kata: Kata, add: Add) -> None:
    """Every language's `text/<lang>.yaml` and `text/<lang>.md` against English and the tests."""
    words: dict[str, dict[str, Any]] = {}
    for language in i18n.LANGUAGES:
        _check_explanation(kata, language, add)
        path = kata.text_path(language)
        if not path.is_file():
            add(path, "", _("missing: every kata has its words in every language"))
            continue
        try:
            words[language] = read_words(path)
        except InvalidFile as exc:
            for problem in exc.problems:
                add(path, problem.field, problem.message)
    english = words.get(i18n.DEFAULT)
    if english is None:
        return
    if not 3 <= len(english["hints"]) <= 5:
        add(
            kata.text_path(i18n.DEFAULT),
            "hints",
            _("give 3 to 5 progressive hints, not {count}").format(count=len(english["hints"])),
        )
    if kata.tests_path.is_file():
        _check_against_tests(kata, english, add)
    for language, other in words.items():
        if language != i18n.DEFAULT:
            _check_same_texts(kata.text_path(language), english, other, add)


def _check_against_tests(kata: Kata, english: dict[str, Any], add: Add) -> None:
    path = kata.text_path(i18n.DEFAULT)
    try:
        functions = hidden_test_names(kata.tests_path)
        named, literals = note_keys(kata.tests_path)
    except SyntaxError:  # reported with the test file's other problems
        return
    for name in functions:
        if name not in english["tests"]:
            add(path, f"tests.{name}", _("missing: describe this hidden test in one line"))
    for name in english["tests"]:
        if name not in functions:
            add(path, f"tests.{name}", _("no hidden test has this name: remove it"))
    for key in sorted(named - english["notes"].keys()):
        add(path, f"notes.{key}", _("missing: the hidden tests show this note"))
    for key in english["notes"]:
        if key not in literals:
            add(path, f"notes.{key}", _("no hidden test names this note: remove it"))


def _check_same_texts(path: Path, english: dict[str, Any], other: dict[str, Any], add: Add) -> None:
    if len(other["hints"]) != len(english["hints"]):
        add(
            path,
            "hints",
            ngettext(
                "has {count} hint where English has {wanted}",
                "has {count} hints where English has {wanted}",
                len(other["hints"]),
            ).format(count=len(other["hints"]), wanted=len(english["hints"])),
        )
    for part in ("tests", "notes"):
        for key, text in english[part].items():
            if key not in other[part]:
                add(path, f"{part}.{key}", _("missing: English has it"))
                continue
            try:
                same = fields(other[part][key]) == fields(text)
            except ValueError:
                same = False
            if not same:
                add(
                    path,
                    f"{part}.{key}",
                    _("must have the {{fields}} of the English text: {fields}").format(
                        fields=", ".join(fields(text)) or "-"
                    ),
                )
        for key in other[part].keys() - english[part].keys():
            add(path, f"{part}.{key}", _("English has no such text: remove it"))


def _check_explanation(kata: Kata, language: str, add: Add) -> None:
    path = kata.text_path(language, ".md")
    if not path.is_file():
        add(path, "", _("missing: every kata is explained in every language"))
        return
    text = path.read_text(encoding="utf-8")
    headings = EXPLANATION_HEADINGS[language]
    if text.lstrip().startswith("# "):
        add(
            path,
            "title",
            _("begin at '{heading}' (explain adds the title)").format(heading=headings[0]),
        )
    positions = [text.find(heading + "\n") for heading in headings]
    for heading, position in zip(headings, positions):
        if position < 0:
            add(path, heading, _("section missing"))
    if all(p >= 0 for p in positions) and positions != sorted(positions):
        add(path, "sections", _("out of order"))
    _check_pictures(kata, language, text, add)
    if language != i18n.DEFAULT:
        english = kata.text_path(i18n.DEFAULT, ".md")
        if english.is_file():
            wanted = english.read_text(encoding="utf-8").count(QUESTION[i18n.DEFAULT])
            count = text.count(QUESTION[language])
            if count != wanted:
                add(
                    path,
                    QUESTION[language],
                    ngettext(
                        "has {count} interview question where English has {wanted}",
                        "has {count} interview questions where English has {wanted}",
                        count,
                    ).format(count=count, wanted=wanted),
                )


def _check_pictures(kata: Kata, language: str, text: str, add: Add) -> None:
    """Every picture block can be drawn, and each language draws English's pictures (only the
    caption is translated)."""
    path = kata.text_path(language, ".md")
    blocks = list(picture_blocks(text))
    for block in blocks:
        try:
            read_picture(block.kind, block.body, block.line)
        except PictureError as exc:
            add(path, _("line {number}").format(number=exc.line), exc.message)
    english = kata.text_path(i18n.DEFAULT, ".md")
    if language == i18n.DEFAULT or not english.is_file():
        return
    if _drawn(blocks) != _drawn(picture_blocks(english.read_text(encoding="utf-8"))):
        add(
            path,
            _("pictures"),
            _("must be English's picture blocks in the same order; only a caption is translated"),
        )


def _drawn(blocks: Any) -> list[tuple[str, list[str]]]:
    """What a picture block draws: its kind and its lines but the caption."""
    return [
        (block.kind, [line for line in block.body.splitlines() if not line.startswith("caption:")])
        for block in blocks
    ]
