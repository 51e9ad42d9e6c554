"""Pictures of a failure's facts, as lines of plain text: what the judge sent, drawn.

The map of wrong values needs nothing; curves are drawn with uniplot (`dlkata[plots]`) and are
left out without it, so a report is the same, minus the picture. Nothing here decides anything.
"""

from __future__ import annotations

from typing import Any

from dlkata.i18n import _

PLOT_WIDTH = 56
PLOT_HEIGHT = 12
# the share of wrong values in a cell of the map: none, some, most, all
SHADES = ((0.0, "·"), (0.5, "░"), (1.0, "▓"))
FULL = "█"
# a weight in (0.02, 1], in four equal steps
WEIGHTS = "░▒▓█"


def pictures(facts: dict[str, Any]) -> list[list[str]]:
    """Every picture of a failure, each a list of lines."""
    drawn = []
    if isinstance(facts.get("histogram"), dict):
        drawn.append(histogram_lines(facts["histogram"]))
    if isinstance(facts.get("curve"), dict):
        drawn.append(curve_lines(facts["curve"]))
    if isinstance(facts.get("heatmap"), dict):
        drawn.append(heatmap_lines(facts["heatmap"]))
    if isinstance(facts.get("error_map"), dict):
        drawn.append(error_map_lines(facts["error_map"]))
    return [lines for lines in drawn if lines]


def histogram_lines(data: dict[str, Any]) -> list[str]:
    """The sample's histogram (#) against the expected counts (.), one curve each; no lines
    without uniplot."""
    try:
        from uniplot import plot_to_string
    except ImportError:
        return []
    counts, expected = data["counts"], data["expected"]
    low, high = float(data["low"]), float(data["high"])
    width = (high - low) / max(len(counts), 1)
    centres = [low + (i + 0.5) * width for i in range(len(counts))]
    title = _("your {n} values (#) against {distribution} (.)").format(
        n=data["n"], distribution=data["distribution"]
    )
    return [title, *_plot(plot_to_string, [(centres, counts), (centres, expected)], ["#", "."])]


def curve_lines(data: dict[str, Any]) -> list[str]:
    """The learner's values (#) against the expected ones (.) along x (a schedule's steps);
    where they agree only # shows. No lines without uniplot, or with nothing to draw."""
    try:
        from uniplot import plot_to_string
    except ImportError:
        return []
    series = []
    for name in ("expected", "yours"):
        points = [(x, y) for x, y in zip(data["x"], data[name]) if y is not None]
        series.append(([x for x, _y in points], [y for _x, y in points]))
    if not all(xs for xs, _ys in series):
        return []
    title = _("your `{function}` (#) against the expected values (.); the first wrong one at {x}")
    plot = _plot(plot_to_string, series, [".", "#"])
    return [title.format(function=data["function"], x=f"{data['failed_at']:g}"), *plot]


def _plot(plot_to_string: Any, series: list[tuple[list, list]], marks: list[str]) -> list[str]:
    """Curves as lines of plain characters, one mark per curve, in the order given."""
    return plot_to_string(
        ys=[ys for _xs, ys in series],
        xs=[xs for xs, _ys in series],
        lines=[True] * len(series),
        width=PLOT_WIDTH,
        height=PLOT_HEIGHT,
        color=False,
        character_set="ascii",
        force_ascii_characters=marks,
        y_gridlines=[],
        x_gridlines=[],
    ).splitlines()


def heatmap_lines(data: dict[str, Any]) -> list[str]:
    """Two matrices of weights in [0, 1] side by side, the learner's and the expected: a
    character per value, from · (0) through ░ ▒ ▓ to █ (1); ? where not a number."""
    index = "".join(f"[{i}]" for i in data["index"])
    rows, columns = data["shape"]
    lines = [
        _(
            "`{output}`{index} ({rows} x {columns}): yours on the left, the expected on the right "
            "(· 0, ░ ▒ ▓, █ 1)"
        ).format(output=data["output"], index=index, rows=rows, columns=columns)
    ]
    yours, expected = data["yours"], data["expected"]
    width = max(len(row) for row in yours)
    for mine, theirs in zip(yours, expected):
        left = "".join(_weight(v) for v in mine)
        lines.append(f"  {left.ljust(width)}   {''.join(_weight(v) for v in theirs)}")
    return lines


def _weight(value: float | None) -> str:
    if value is None:
        return "?"
    if value <= 0.02:
        return "·"
    return WEIGHTS[min(int(value * len(WEIGHTS)), len(WEIGHTS) - 1)]


def error_map_lines(data: dict[str, Any]) -> list[str]:
    """Where the wrong values are: a character per cell of the last two axes (· none wrong,
    ░ under half, ▓ half or more, █ all), and the share along each leading axis."""
    shape = tuple(data["shape"])
    rows, columns = data["block"]
    if len(shape) == 1:
        what = _("where the wrong values are, along the array of shape {shape}")
    else:
        what = _("where the wrong values are over the last two axes of shape {shape}")
    lines = [what.format(shape=shape)]
    if len(shape) > 2:
        lines.append(
            _(
                "(a cell: {rows} x {columns} positions, over all leading indices; · none wrong, "
                "░ some, ▓ most, █ all)"
            ).format(rows=rows, columns=columns)
        )
    elif rows * columns > 1:
        lines.append(
            _("(a cell: {rows} x {columns} values; · none wrong, ░ some, ▓ most, █ all)").format(
                rows=rows, columns=columns
            )
        )
    else:
        lines.append(_("(· right, █ wrong)"))
    lines += ["  " + "".join(_shade(v) for v in row) for row in data["cells"]]
    for axis, shares in enumerate(data.get("leading") or []):
        lines.append(
            _("axis {axis} (size {size}): {cells}").format(
                axis=axis, size=shape[axis], cells="".join(_shade(v) for v in shares)
            )
        )
    return lines


def _shade(share: float) -> str:
    if share >= 1.0:
        return FULL
    if share <= 0.0:
        return SHADES[0][1]
    return SHADES[1][1] if share < 0.5 else SHADES[2][1]
