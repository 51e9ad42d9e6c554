"""Proof that a kata's error rules bite: its reference with argument checks taken out.

A `ValueError` test proves something only when NumPy would not raise by itself. So a reference
whose `raise ValueError(...)` statements are replaced by `pass` must fail the hidden suite: one
check removed at a time (each rule has a case that needs it), or all of them (a test that still
passes then has only cases that NumPy rejects without help). `dlkata validate` and the project's
tests use these variants, and `proving.py` runs them for `dlkata kata prove`. A reference whose
backward passes all share the latest cache proves the same of the suite's cache tests.
"""

from __future__ import annotations

import ast


def _is_value_error(node: ast.Raise) -> bool:
    exc = node.exc.func if isinstance(node.exc, ast.Call) else node.exc
    return isinstance(exc, ast.Name) and exc.id == "ValueError"


def value_error_sites(source: str) -> list[int]:
    """The line of every `raise ValueError(...)` in a module's source."""
    return sorted(
        node.lineno
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Raise) and _is_value_error(node)
    )


class _Strip(ast.NodeTransformer):
    def __init__(self, line: int | None) -> None:
        self.line = line

    def visit_Raise(self, node: ast.Raise) -> ast.AST:
        if _is_value_error(node) and self.line in (None, node.lineno):
            return ast.copy_location(ast.Pass(), node)
        return node


def without_checks(source: str, line: int | None = None) -> str:
    """The source with the `raise ValueError` on `line` (every one, when None) made a no-op."""
    tree = _Strip(line).visit(ast.parse(source))
    return ast.unparse(ast.fix_missing_locations(tree))


_SHARED_CACHE = """

# dlkata kata prove: every backward pass gets the latest forward pass's cache, not its own
import functools as _dlkata_functools

_dlkata_caches = []


def _dlkata_shared(function, forward):
    @_dlkata_functools.wraps(function)
    def shared(*args, **kwargs):
        if not forward and _dlkata_caches:
            def latest(value):
                return _dlkata_caches[-1] if any(value is c for c in _dlkata_caches) else value
            args = tuple(latest(a) for a in args)
            kwargs = {k: latest(v) for k, v in kwargs.items()}
        result = function(*args, **kwargs)
        if forward:
            _dlkata_caches.append(result[-1])
        return result
    return shared


"""


def with_shared_cache(source: str, forwards: list[str], others: list[str]) -> str:
    """The source with one cache for all: each function of `others` given a cache that a
    function of `forwards` returned gets the latest one instead. A suite that proves caches
    independent (two forward passes, then their backward passes in another order) fails it."""
    wraps = [f"{name} = _dlkata_shared({name}, True)" for name in forwards]
    wraps += [f"{name} = _dlkata_shared({name}, False)" for name in others]
    return source + _SHARED_CACHE + "\n".join(wraps) + "\n"
