"""`--color auto|always|never`: the choice for one command line, and what it means for a console.

`auto` leaves it to the environment (a terminal gets colour; NO_COLOR turns styles off, FORCE_COLOR
forces them); `always` and `never` override both. `never` means no styles at all, not only no
colours (rich keeps bold and dim with NO_COLOR alone). Typer's own help and usage errors follow
the same choice.
"""

from __future__ import annotations

import functools
import os
import sys
from enum import Enum
from typing import Any


class ColorMode(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"


class _Chosen:
    """The mode of the command line being run (set by its `--color`, reset by each new one)."""

    mode = ColorMode.auto


def choose_color(mode: ColorMode) -> None:
    _Chosen.mode = mode
    if mode is ColorMode.auto and "typer.rich_utils" not in sys.modules:
        return  # typer's help is not loaded yet (70 ms to import), and will start at its defaults
    from typer import rich_utils

    system, force = _typer_defaults()
    rich_utils.COLOR_SYSTEM, rich_utils.FORCE_TERMINAL = {
        ColorMode.auto: (system, force),
        ColorMode.always: (system or "auto", True),
        ColorMode.never: (None, force),
    }[mode]


def console_options() -> dict[str, Any]:
    """Keyword arguments for a rich `Console` that honour the chosen mode."""
    mode = _Chosen.mode
    plain = mode is ColorMode.never or (mode is ColorMode.auto and bool(os.environ.get("NO_COLOR")))
    return {
        "no_color": plain,
        "color_system": None if plain else "auto",
        "force_terminal": True if mode is ColorMode.always else None,
    }


@functools.cache
def _typer_defaults() -> tuple[Any, Any]:
    """Typer's help colours as it set them from the environment, before any `--color`."""
    from typer import rich_utils

    return rich_utils.COLOR_SYSTEM, rich_utils.FORCE_TERMINAL
