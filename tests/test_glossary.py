"""Every Chinese text follows one glossary (`docs/glossary.yaml`): one rendering per term, the same
in every kata and in the engine's messages. A variant the glossary avoids fails, and so does a
Chinese text whose English counterpart uses a term that the Chinese leaves out."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from dlkata.catalogue import load_catalogue
from scripts.translations import po_path, read_po

ROOT = Path(__file__).resolve().parent.parent
GLOSSARY = yaml.safe_load((ROOT / "docs" / "glossary.yaml").read_text(encoding="utf-8"))
TERMS: list[dict[str, Any]] = GLOSSARY["terms"]
KATAS = sorted(load_catalogue())


def prose(text: str) -> str:
    """Text without code: fenced blocks, indented formula lines, inline code, `{fields}`, rich
    markup."""
    text = re.sub(r"```.*?```", "", text, flags=re.DOTALL)
    text = re.sub(r"^(?: {4}|\t).*$", "", text, flags=re.MULTILINE)
    text = re.sub(r"`[^`]*`", "", text)
    text = re.sub(r"\{[a-z_]*(?:![rs])?(?::[^}]*)?\}", "", text)  # a message's {fields}
    return re.sub(r"\[/?[a-z ]+\]", "", text)


def yaml_text(path: Path) -> str:
    """Every string of a kata's text file, one per line."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    values = [data["title"], data["summary"], *data["hints"]]
    values += [*data.get("tests", {}).values(), *data.get("notes", {}).values()]
    return "\n".join(values)


def kata_texts(kata_id: str, kind: str) -> tuple[str, str]:
    """A kata's English and Chinese explanation (`md`) or short texts (`yaml`)."""
    folder = ROOT / "katas" / kata_id / "text"
    if kind == "md":
        return folder.joinpath("en.md").read_text("utf-8"), folder.joinpath("zh.md").read_text(
            "utf-8"
        )
    return yaml_text(folder / "en.yaml"), yaml_text(folder / "zh.yaml")


def glossary_problems(english: str, chinese: str) -> list[str]:
    problems = []
    for term in TERMS:
        for variant in term.get("avoid", []):
            if variant in chinese:
                problems.append(f"uses {variant!r}: the glossary says {term['zh']!r}")
        pattern = term.get("en")
        if pattern and re.search(pattern, prose(english), re.IGNORECASE):
            if term["zh"] not in chinese:
                problems.append(f"the English says {pattern!r}, the Chinese lacks {term['zh']!r}")
    return problems


def test_the_glossary_is_well_formed() -> None:
    for term in TERMS:
        assert term.get("zh"), term
        assert set(term) <= {"en", "zh", "avoid", "note"}, term
        if "en" in term:
            re.compile(term["en"])
        for variant in term.get("avoid", []):
            assert variant != term["zh"] and variant not in term["zh"], term


@pytest.mark.parametrize("kind", ["md", "yaml"])
@pytest.mark.parametrize("kata_id", KATAS)
def test_each_kata_follows_the_glossary(kata_id: str, kind: str) -> None:
    problems = glossary_problems(*kata_texts(kata_id, kind))
    assert not problems, f"katas/{kata_id}/text/zh.{kind}:\n" + "\n".join(problems)


def test_the_engine_messages_follow_the_glossary() -> None:
    problems = [
        f"{message.msgid[:60]!r}: {problem}"
        for message in read_po(po_path("zh")).values()
        if message.msgid
        for problem in glossary_problems(message.msgid, "".join(message.strings))
    ]
    assert not problems, "dlkata/locale/zh/LC_MESSAGES/dlkata.po:\n" + "\n".join(problems)
