"""The engine's message catalogues: extract, merge and compile them (standard library only).

    python scripts/translations.py update    # code -> dlkata/locale/<lang>/LC_MESSAGES/dlkata.po
    python scripts/translations.py compile   # every .po -> its .mo (what gettext reads)
    python scripts/translations.py check     # exit 1 if a .po or .mo is stale or incomplete

Messages are the literal first arguments of `_()`, `N_()` and `ngettext()` in `dlkata/`, and the
docstrings of Typer commands (their help). `update`
keeps every existing translation, adds new messages untranslated and drops those the code no longer
has; a translator then fills in the empty `msgstr`s and runs `compile`. tests/test_i18n.py runs the
same checks as `check`.
"""

from __future__ import annotations

import ast
import re
import string
import struct
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "dlkata"
LOCALE = PACKAGE / "locale"
DOMAIN = "dlkata"
LANGUAGES = ("zh",)
MARKERS = {"_": 1, "N_": 1, "ngettext": 2}
HEADER = {
    "zh": (
        "Project-Id-Version: dlkata\n"
        "Language: zh_CN\n"
        "MIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=UTF-8\n"
        "Content-Transfer-Encoding: 8bit\n"
        "Plural-Forms: nplurals=1; plural=0;\n"
    )
}


@dataclass
class Message:
    msgid: str
    plural: str | None = None
    where: list[str] = field(default_factory=list)
    strings: list[str] = field(default_factory=list)  # msgstr, or msgstr[0..n]

    @property
    def translated(self) -> bool:
        return bool(self.strings) and all(self.strings)


class ExtractionError(Exception):
    """A marker called with text built at the call (an f-string, a concatenation): no catalogue
    can hold it. `_(NAME)` is allowed: it translates text marked with `N_()` where defined."""


def extract(package: Path = PACKAGE) -> dict[tuple[str, str | None], Message]:
    """Every message of the code, in the order of first use, with where it is used."""
    messages: dict[tuple[str, str | None], Message] = {}
    problems = []
    for path in sorted(package.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef) and _is_command(node):
                doc = ast.get_docstring(node)  # cleaned as inspect.getdoc cleans it
                if doc:
                    where = f"{path.relative_to(ROOT)}:{node.lineno}"
                    messages.setdefault((doc, None), Message(doc)).where.append(where)
                continue
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            wanted = MARKERS.get(node.func.id)
            if wanted is None:
                continue
            args = node.args[:wanted]
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            if len(args) < wanted or any(_built(a) for a in args):
                problems.append(
                    f"{where}: {node.func.id}() needs literal text, not text built here"
                )
                continue
            if not all(isinstance(a, ast.Constant) for a in args):
                continue  # `_(CONSTANT)`: a message marked where it is defined, with N_()
            msgid = args[0].value  # type: ignore[attr-defined]
            plural = args[1].value if wanted == 2 else None  # type: ignore[attr-defined]
            message = messages.setdefault((msgid, plural), Message(msgid, plural))
            message.where.append(where)
    if problems:
        raise ExtractionError("\n".join(problems))
    return messages


def _built(node: ast.expr) -> bool:
    """Text made at the call (an f-string, `+`, `%`, `.format`), which no catalogue can hold."""
    if isinstance(node, (ast.JoinedStr, ast.BinOp)):
        return True
    if isinstance(node, ast.Constant):
        return not isinstance(node.value, str)
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "format"
    )


def _is_command(node: ast.FunctionDef) -> bool:
    """A Typer command (`@app.command(...)`): its docstring is its help, translated."""
    return any(
        isinstance(d, ast.Call) and isinstance(d.func, ast.Attribute) and d.func.attr == "command"
        for d in node.decorator_list
    )


# --- .po files --------------------------------------------------------------------------------


def _quote(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t")
    lines = escaped.split("\n")
    if len(lines) == 1:
        return f'"{escaped}"'
    parts = [line + "\\n" for line in lines[:-1]] + ([lines[-1]] if lines[-1] else [])
    return '""\n' + "\n".join(f'"{p}"' for p in parts)


def _unquote(text: str) -> str:
    return re.sub(
        r"\\(.)", lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), text[1:-1]
    )


def read_po(path: Path) -> dict[tuple[str, str | None], Message]:
    """The entries of a .po file (the header under msgid "")."""
    messages: dict[tuple[str, str | None], Message] = {}
    entry: dict[str, str] = {}
    where: list[str] = []
    key = ""

    def finish() -> None:
        if "msgid" in entry:
            forms = sorted(k for k in entry if k.startswith("msgstr"))
            message = Message(
                entry["msgid"], entry.get("msgid_plural"), list(where), [entry[k] for k in forms]
            )
            messages[(message.msgid, message.plural)] = message

    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        line = line.strip()
        if not line:
            finish()
            entry, where, key = {}, [], ""
        elif line.startswith("#:"):
            where += line[2:].split()
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            entry[key] += _unquote(line)
        else:
            key, _, value = line.partition(" ")
            entry[key] = _unquote(value)
    return messages


def write_po(path: Path, language: str, messages: list[Message]) -> None:
    blocks = [f'msgid ""\nmsgstr {_quote(HEADER[language])}']
    for m in messages:
        lines = [f"#: {' '.join(m.where)}"] if m.where else []
        lines.append(f"msgid {_quote(m.msgid)}")
        if m.plural is None:
            lines.append(f"msgstr {_quote(m.strings[0] if m.strings else '')}")
        else:
            lines.append(f"msgid_plural {_quote(m.plural)}")
            lines.append(f"msgstr[0] {_quote(m.strings[0] if m.strings else '')}")
        blocks.append("\n".join(lines))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n\n".join(blocks) + "\n", encoding="utf-8")


def po_path(language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def merged(language: str) -> list[Message]:
    """The code's messages with the translations the .po already has."""
    path = po_path(language)
    old = read_po(path) if path.is_file() else {}
    result = []
    for key, message in extract().items():
        previous = old.get(key)
        result.append(
            Message(
                message.msgid, message.plural, message.where, previous.strings if previous else []
            )
        )
    return result


# --- .mo files --------------------------------------------------------------------------------


def mo_bytes(language: str, messages: list[Message]) -> bytes:
    """GNU gettext's binary catalogue of the translated messages (untranslated ones fall back
    to English), without the optional hash table."""
    pairs = {"": HEADER[language]}
    for m in messages:
        if m.translated:
            original = m.msgid if m.plural is None else f"{m.msgid}\0{m.plural}"
            pairs[original] = "\0".join(m.strings)
    keys = sorted(pairs, key=lambda k: k.encode())
    ids = [k.encode() for k in keys]
    strs = [pairs[k].encode() for k in keys]
    count = len(keys)
    table_start = 7 * 4
    data_start = table_start + 16 * count
    offsets, blob = [], b""
    for raw in ids + strs:
        offsets.append((len(raw), data_start + len(blob)))
        blob += raw + b"\0"
    header = struct.pack("<7I", 0x950412DE, 0, count, table_start, table_start + 8 * count, 0, 0)
    tables = b"".join(struct.pack("<2I", length, start) for length, start in offsets)
    return header + tables + blob


def mo_path(language: str) -> Path:
    return po_path(language).with_suffix(".mo")


# --- checks -----------------------------------------------------------------------------------


def fields(text: str) -> list[str]:
    return sorted(name for _, name, _, _ in string.Formatter().parse(text) if name is not None)


def problems(language: str) -> list[str]:
    """What keeps a language's catalogue from being complete and current."""
    path = po_path(language)
    if not path.is_file():
        return [f"{path.relative_to(ROOT)} is missing: run scripts/translations.py update"]
    found: list[str] = []
    on_disk = read_po(path)
    on_disk.pop(("", None), None)
    wanted = merged(language)
    if set(on_disk) != {(m.msgid, m.plural) for m in wanted}:
        found.append(f"{path.name} ({language}) is stale: run scripts/translations.py update")
    for m in wanted:
        if not m.translated:
            found.append(f"{language}: untranslated: {m.msgid[:70]!r}")
            continue
        for text in m.strings:
            try:
                if fields(text) != fields(m.msgid):
                    found.append(f"{language}: fields differ in {m.msgid[:60]!r}: {text[:60]!r}")
            except ValueError as exc:
                found.append(f"{language}: {exc} in the translation of {m.msgid[:60]!r}")
    mo = mo_path(language)
    if not mo.is_file() or mo.read_bytes() != mo_bytes(language, list(read_po(path).values())):
        found.append(f"{mo.relative_to(ROOT)} is stale: run scripts/translations.py compile")
    return found


def main(argv: list[str]) -> int:
    command = argv[0] if argv else ""
    if command == "update":
        for language in LANGUAGES:
            write_po(po_path(language), language, merged(language))
            missing = sum(not m.translated for m in merged(language))
            print(f"{po_path(language).relative_to(ROOT)}: {missing} untranslated")
        return 0
    if command == "compile":
        for language in LANGUAGES:
            messages = list(read_po(po_path(language)).values())
            mo_path(language).write_bytes(mo_bytes(language, messages))
        return 0
    if command == "check":
        found = [p for language in LANGUAGES for p in problems(language)]
        print("\n".join(found) or "catalogues complete and current")
        return 1 if found else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
