"""dlkata in a notebook: grade a file, or functions defined in notebook cells, and get a result
that shows the same report as the terminal (`_repr_html_`) and holds the verdicts as data.

    from dlkata.notebook import check
    check("linear", linear_forward, linear_backward)   # functions from your cells
    check("linear", "my_linear.py")                     # a file
    check("linear")                                     # your workspace's linear.py
    check("linear", lang="zh")                          # the report in Chinese

Functions are written, with `inspect.getsource`, into a temporary module together with what they
use from the notebook: modules become imports, plain constants assignments, and helper functions
and classes defined in the notebook their own source. The file is then graded exactly as
`dlkata check --file` grades it, in a separate process under the same limits.
"""

from __future__ import annotations

import inspect
import io
import os
import tempfile
import textwrap
import types
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.console import Console

from dlkata import i18n
from dlkata.checking import run_check
from dlkata.i18n import _
from dlkata.language import decide
from dlkata.render.text import render_text
from dlkata.results import KataResult, Status
from dlkata.workspace import resolve_workspace

if TYPE_CHECKING:
    from dlkata.limits import Limits

_PLAIN = (int, float, complex, str, bytes, bool, type(None))
_HTML_WIDTH = 100
_HTML_FORMAT = (
    "<pre style=\"font-family: Menlo, 'DejaVu Sans Mono', Consolas, monospace; "
    'line-height: 1.25">{code}</pre>'
)


class Report:
    """The verdicts of one check: renders itself in Jupyter and in a terminal, and is data."""

    def __init__(self, results: list[KataResult]) -> None:
        self.results = results

    @property
    def passed(self) -> bool:
        return all(r.status is Status.PASSED for r in self.results)

    def to_dict(self) -> dict[str, Any]:
        return {"passed": self.passed, "katas": [r.to_dict() for r in self.results]}

    def _repr_html_(self) -> str:
        console = Console(
            record=True,
            file=io.StringIO(),
            width=_HTML_WIDTH,
            force_terminal=True,
            color_system="truecolor",
        )
        render_text(self.results, console, panels=True)
        return console.export_html(inline_styles=True, code_format=_HTML_FORMAT)

    def __repr__(self) -> str:
        stream = io.StringIO()
        render_text(self.results, Console(file=stream, no_color=True), panels=False)
        return stream.getvalue().rstrip()


def check(
    kata: str,
    *solution: str | os.PathLike[str] | Callable[..., Any] | type,
    limits: Limits | None = None,
    lang: str | None = None,
) -> Report:
    """Grade `kata`: the workspace's file when no solution is given (and record the verdict, as
    `dlkata check` does), one file given by path, or the functions (and classes) given. `lang`
    ("en" or "zh") is the report's language; by default, as for the command: `DLKATA_LANG`,
    `lang:` in `dlkata.yaml`, the locale."""
    if lang is not None:
        i18n.check_language(lang, "lang")
    i18n.use(lang or decide([], os.environ))
    workspace = resolve_workspace()
    local = not os.environ.get("CI")  # failing calls are saved for `replay_case` locally only
    if not solution:
        return Report(run_check(workspace, [kata], limits=limits, keep_cases=local).results)
    if len(solution) == 1 and isinstance(solution[0], (str, os.PathLike)):
        return Report(
            run_check(
                workspace, [kata], file=Path(solution[0]), limits=limits, keep_cases=local
            ).results
        )
    with tempfile.TemporaryDirectory(prefix="dlkata-notebook-") as folder:
        path = Path(folder) / f"{kata}.py"
        path.write_text(module_source(list(solution)), encoding="utf-8")
        return Report(
            run_check(workspace, [kata], file=path, limits=limits, keep_cases=local).results
        )


def module_source(objects: list[Any]) -> str:
    """A module defining `objects` and what they use from where they were defined."""
    imports: dict[str, str] = {}
    constants: dict[str, str] = {}
    sources: dict[str, str] = {}
    queue = list(objects)
    while queue:
        obj = queue.pop(0)
        if not callable(obj) or isinstance(obj, types.BuiltinFunctionType):
            raise TypeError(
                _("{object!r} is not a function or class defined in Python").format(object=obj)
            )
        if obj.__name__ in sources:
            continue
        try:
            sources[obj.__name__] = textwrap.dedent(inspect.getsource(obj))
        except (OSError, TypeError) as exc:
            raise TypeError(
                _(
                    "the source of {name} cannot be found: define it in a notebook cell or a file"
                ).format(name=obj.__name__)
            ) from exc
        for name, value in _globals_used(obj):
            if isinstance(value, types.ModuleType):
                imports[name] = _import_line(name, value.__name__)
            elif isinstance(value, _PLAIN) or _plain_tuple(value):
                constants[name] = f"{name} = {value!r}"
            elif getattr(value, "__module__", None) == obj.__module__:
                queue.append(value)
            elif getattr(value, "__module__", None) and hasattr(value, "__qualname__"):
                imports[name] = f"from {value.__module__} import {value.__qualname__} as {name}"
            else:
                constants[name] = f"# {name} is not plain data, so it is not defined here"
    asked = [obj.__name__ for obj in objects]
    helpers = [name for name in reversed(sources) if name not in asked]
    header = "\n".join([*imports.values(), *constants.values()])
    body = "\n\n".join(sources[name].rstrip() + "\n" for name in [*helpers, *dict.fromkeys(asked)])
    return f"{header}\n\n\n{body}" if header else body


def _globals_used(obj: Any) -> Iterator[tuple[str, Any]]:
    functions = (
        [obj]
        if inspect.isfunction(obj)
        else [
            getattr(v, "__func__", v)
            for v in vars(obj).values()
            if inspect.isfunction(getattr(v, "__func__", v))
        ]
    )
    for function in functions:
        for name in _names(function.__code__):
            if name in function.__globals__:
                yield name, function.__globals__[name]


def _names(code: types.CodeType) -> set[str]:
    """Global names a code object may load, including in nested functions and comprehensions."""
    names = set(code.co_names)
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            names |= _names(const)
    return names


def _plain_tuple(value: Any) -> bool:
    return isinstance(value, tuple) and all(isinstance(v, _PLAIN) or _plain_tuple(v) for v in value)


def _import_line(name: str, module: str) -> str:
    return f"import {module}" if module == name else f"import {module} as {name}"
