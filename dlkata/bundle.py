"""One-file solutions from a kata's solutions folder (dlkata's `tests/solutions/`, or a
course's), which reuse a sibling's functions with `from correct_x import f`. The grader reads only
the graded file (a learner's kata is one file), so the sibling's source is embedded in place of
that import, on the same line: line numbers in reports stay those of the original file."""

from __future__ import annotations

import ast
from pathlib import Path

_LOADER = """\
import sys as _bundle_sys, types as _bundle_types
if {name!r} not in _bundle_sys.modules:
    _bundle_module = _bundle_types.ModuleType({name!r})
    _bundle_module.__file__ = {file!r}
    _bundle_sys.modules[{name!r}] = _bundle_module
    exec(compile({source!r}, {file!r}, "exec"), _bundle_module.__dict__)
{assignments}
"""


def bundled_source(path: Path) -> str:
    """The file's source with every `from <sibling> import ...` replaced by the sibling itself."""
    source = path.read_text(encoding="utf-8")
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return source  # graded as it is: the grader reports the syntax error
    lines = source.splitlines()
    for node in reversed(tree.body):
        sibling = path.with_name(f"{node.module}.py") if isinstance(node, ast.ImportFrom) else None
        if sibling is None or node.level or not sibling.is_file():
            continue
        assignments = "\n".join(
            f"{alias.asname or alias.name} = _bundle_sys.modules[{node.module!r}].{alias.name}"
            for alias in node.names
        )
        code = _LOADER.format(
            name=node.module,
            file=sibling.name,
            source=bundled_source(sibling),
            assignments=assignments,
        )
        replaced = [f"exec(compile({code!r}, {path.name!r}, 'exec'))"]
        replaced += [""] * (node.end_lineno - node.lineno)
        lines[node.lineno - 1 : node.end_lineno] = replaced
    return "\n".join(lines) + "\n"


def bundle(path: Path, folder: Path) -> Path:
    """Write the one-file form of `path` into `folder`, under the same name."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / path.name
    target.write_text(bundled_source(path), encoding="utf-8")
    return target
