"""Reading a YAML file as a schema expects it: every problem a line naming the file and where.

The C loader when PyYAML has it (about ten times faster than the pure-Python one, and the
catalogue is read on every command). Only `true` and `false` are booleans, as in YAML 1.2: YAML
1.1's `yes`, `no`, `on` and `off` stay the strings they look like, so that the schema can say
"must be true or false, got 'yes'" rather than guess. A key given twice in one mapping is an
error, never silently the last one. A number with an exponent (`1e-3`) is a number.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from dlkata.i18n import _
from dlkata.problems import InvalidFile, Problem, shown

_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_BOOL = "tag:yaml.org,2002:bool"


class DuplicateKey(yaml.constructor.ConstructorError):
    """A mapping names the same key twice (PyYAML would keep the last one silently)."""

    def __init__(self, key: Any, mark: yaml.Mark) -> None:
        super().__init__(None, None, _("'{key}' is given twice: keep one").format(key=key), mark)
        self.key = key


class StrictLoader(_Loader):  # type: ignore[misc, valid-type]
    """PyYAML's safe loader with YAML 1.2 booleans and no duplicate keys."""

    def construct_mapping(self, node: yaml.Node, deep: bool = False) -> dict[Any, Any]:
        if isinstance(node, yaml.MappingNode):
            seen: set[Any] = set()
            for key_node, _value in node.value:
                if not isinstance(key_node, yaml.ScalarNode) or key_node.tag.endswith(":merge"):
                    continue
                key = self.construct_object(key_node)
                if key in seen:
                    raise DuplicateKey(key, key_node.start_mark)
                seen.add(key)
        return super().construct_mapping(node, deep=deep)


StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != _BOOL]
    for first, resolvers in _Loader.yaml_implicit_resolvers.items()
}
StrictLoader.add_implicit_resolver(
    _BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
# YAML 1.1 reads `1e-3` and `2.5e3` as strings (it wants `2.5e+3`); YAML 1.2 and everyone else
# read numbers
StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)[eE][-+]?[0-9]+$"),
    list("-+0123456789."),
)


def read_yaml(path: Path) -> Any:
    """The file's data; `InvalidFile` with the line and column of a syntax error, or why the
    file cannot be read."""
    where = shown(path)
    try:
        text = path.read_text(encoding="utf-8")
    except IsADirectoryError:
        raise InvalidFile([Problem(where, "", _("is a folder, not a YAML file"))]) from None
    except UnicodeDecodeError as exc:
        problem = _("is not UTF-8 text ({reason})").format(reason=exc.reason)
        raise InvalidFile([Problem(where, "", problem)]) from None
    except OSError as exc:
        problem = _("cannot be read ({reason}): check its permissions, `ls -l {file}`").format(
            reason=exc.strerror, file=where
        )
        raise InvalidFile([Problem(where, "", problem)]) from None
    try:
        return yaml.load(text, Loader=StrictLoader)  # a safe loader
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        at = (
            _("line {line}, column {column}").format(line=mark.line + 1, column=mark.column + 1)
            if mark
            else ""
        )
        if isinstance(exc, DuplicateKey):
            raise InvalidFile([Problem(where, at, str(exc.problem))]) from None
        # PyYAML's own (English) words for what is wrong
        problem = f"{exc.context}: {exc.problem}" if exc.context else str(exc.problem)
        raise InvalidFile(
            [Problem(where, at, _("not valid YAML: {problem}").format(problem=problem))]
        ) from None
    except yaml.YAMLError as exc:
        raise InvalidFile(
            [Problem(where, "", _("not valid YAML: {problem}").format(problem=exc))]
        ) from None
