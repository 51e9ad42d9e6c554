"""dlkata in a notebook: grade a file, or functions defined in notebook cells, and get a result
that shows the same report as the terminal (`_repr_html_`) and holds the verdicts as data.

    from dlkata.notebook import check
    check("linear", linear_forward, linear_backward)   # functions from your cells
    check("linear", "my_linear.py")                     # a file
    check("linear")                                     # your workspace's linear.py
    check("linear", lang="zh")                          # the report in Chinese

A failing call of the last check can be run again, and any call tried on your own inputs:

    case = load_case("conv2d", 3)                       # case.args, case.kwargs, case.expected
    replay("conv2d", 3)                                 # your file on it, in the sandbox
    try_call("conv2d", "conv2d_forward", x, w, b, stride=2)   # yours beside the reference's

The explanation, its worked example's pictures drawn as text, as `dlkata explain` prints it:

    explain("conv2d")                                   # explain("conv2d", solution=True)

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
from dlkata.render.figures import figures_html
from dlkata.render.text import render_text
from dlkata.results import KataResult, Status
from dlkata.workspace import resolve_workspace

if TYPE_CHECKING:
    from dlkata.failure_cases import SavedCase
    from dlkata.limits import Limits
    from dlkata.replay import Replayed

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
        report = console.export_html(inline_styles=True, code_format=_HTML_FORMAT)
        return report + figures_html(self.results)

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


class Call:
    """One call of `replay` or `try_call`: renders itself as `dlkata replay` / `dlkata try`
    print it, and holds the result (`.result.got`, `.result.expected`, `.result.matches`)."""

    def __init__(self, result: Replayed, title: str) -> None:
        self.result = result
        self.title = title

    @property
    def matches(self) -> bool:
        return self.result.matches

    def _render(self, console: Console) -> None:
        from dlkata.render.replay import render_replay

        render_replay(self.result, console, self.title)

    def _repr_html_(self) -> str:
        console = Console(
            record=True,
            file=io.StringIO(),
            width=_HTML_WIDTH,
            force_terminal=True,
            color_system="truecolor",
        )
        self._render(console)
        return console.export_html(inline_styles=True, code_format=_HTML_FORMAT)

    def __repr__(self) -> str:
        stream = io.StringIO()
        self._render(Console(file=stream, no_color=True, width=_HTML_WIDTH))
        return stream.getvalue().rstrip()


def load_case(kata: str, number: int) -> SavedCase:
    """Failing call `number` of the last `check` of `kata` (the report names it): `args`,
    `kwargs`, `expected`, and for a backward case `upstream`; `check(got)` compares."""
    from dlkata.catalogue import get_kata
    from dlkata.failure_cases import load_case as load

    return load(resolve_workspace(), get_kata(kata).id, number)


def replay(kata: str, number: int, *, file: str | os.PathLike[str] | None = None) -> Call:
    """Run failing call `number` again on your workspace's file (or `file`), in the sandbox."""
    from dlkata.catalogue import get_kata
    from dlkata.checking import resolve_limits
    from dlkata.replay import replay as run

    workspace = resolve_workspace()
    found = get_kata(kata)
    case = load_case(found.id, number)
    solution = Path(file) if file is not None else workspace.file_for(found.id)
    done = run(found, case, solution, resolve_limits(workspace))
    return Call(done, _("{kata} case {number}").format(kata=found.id, number=number))


def try_call(
    kata: str,
    function: str,
    *args: Any,
    file: str | os.PathLike[str] | None = None,
    **kwargs: Any,
) -> Call:
    """Call your `function` (from your workspace's file, or `file`) on these arguments in the
    sandbox, and the reference on copies of them: the two results side by side."""
    from dlkata.catalogue import get_kata
    from dlkata.checking import resolve_limits
    from dlkata.replay import try_call as run

    workspace = resolve_workspace()
    found = get_kata(kata)
    solution = Path(file) if file is not None else workspace.file_for(found.id)
    done = run(found, function, args, kwargs, solution, resolve_limits(workspace))
    return Call(done, _("{kata}, your inputs").format(kata=found.id))


class Explanation:
    """A kata's explanation as Markdown (Jupyter renders it), its pictures drawn as text in
    preformatted blocks, the same drawing `dlkata explain` prints."""

    def __init__(self, markdown: str) -> None:
        self.markdown = markdown

    def _repr_markdown_(self) -> str:
        return self.markdown

    def __repr__(self) -> str:
        return self.markdown


def explain(kata: str, *, solution: bool = False, lang: str | None = None) -> Explanation:
    """The explanation of `kata` in `lang` (by default, as for the command), and with `solution`
    a spoiler warning and the reference."""
    from dlkata.catalogue import get_kata
    from dlkata.render.explain import explanation_markdown

    if lang is not None:
        i18n.check_language(lang, "lang")
    i18n.use(lang or decide([], os.environ))
    return Explanation(explanation_markdown(get_kata(kata), solution=solution))
