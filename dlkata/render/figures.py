"""The curves of a report's pictures drawn by matplotlib, as PNG images for a notebook.

The same facts the text report draws in characters (a sample's histogram against the expected
counts, a learner's values against the expected ones along x); without matplotlib there are
none, and the notebook shows the report with its character pictures only.
"""

from __future__ import annotations

import base64
import io
from html import escape
from typing import Any

from dlkata.i18n import _
from dlkata.render.text import Verbosity, detailed_failures
from dlkata.results import KataResult

_SIZE = (5.0, 2.6)  # inches


def figures_html(results: list[KataResult]) -> str:
    """An <img> per picture of the failures the report details; empty without matplotlib."""
    try:
        from matplotlib.figure import Figure
    except ImportError:
        return ""
    images = []
    for result in results:
        for test in detailed_failures(result, Verbosity.NORMAL):
            for key, draw in (("histogram", _histogram), ("curve", _curve)):
                data = test.facts.get(key)
                if isinstance(data, dict):
                    figure = Figure(figsize=_SIZE)
                    draw(figure.add_subplot(), data)
                    title = f"{result.id}: {test.description or test.name}"
                    images.append(_image(figure, title))
    return "".join(images)


def _histogram(axes: Any, data: dict[str, Any]) -> None:
    counts, expected = data["counts"], data["expected"]
    low, high = float(data["low"]), float(data["high"])
    width = (high - low) / max(len(counts), 1)
    centres = [low + (i + 0.5) * width for i in range(len(counts))]
    axes.bar(centres, counts, width=width, alpha=0.6, label=_("your values"))
    axes.plot(centres, expected, color="black", label=str(data["distribution"]))
    axes.legend(fontsize="small")


def _curve(axes: Any, data: dict[str, Any]) -> None:
    for name, label, style in (
        ("expected", _("expected"), {"color": "black", "linestyle": "--"}),
        ("yours", _("yours"), {"marker": "o", "markersize": 3}),
    ):
        points = [(x, y) for x, y in zip(data["x"], data[name]) if y is not None]
        axes.plot([x for x, _y in points], [y for _x, y in points], label=label, **style)
    axes.axvline(data["failed_at"], color="red", linewidth=0.8)
    axes.set_title(f"{data['function']}", fontsize="small")
    axes.legend(fontsize="small")


def _image(figure: Any, title: str) -> str:
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=96)
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    return f'<figure><img alt="{escape(title)}" src="data:image/png;base64,{data}"></figure>'
