"""A gradebook rendered for import (CSV), for machines (JSON) and for the teacher (Markdown or
HTML: each kata's pass rate and most common failure, then every student's points).

Renderers only show what the gradebook holds. The CSV's column names (`student`, kata ids,
`total`) are the same in every language, so that a spreadsheet's import keeps working.
"""

from __future__ import annotations

import csv
import html
import io
import json

from dlkata.gradebook import Gradebook, KataSummary, summarise
from dlkata.i18n import _


def number(points: float) -> str:
    """`3` for whole points, `1.5` for partial credit."""
    return f"{points:g}"


def render_csv(book: Gradebook) -> str:
    stream = io.StringIO()
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(["student", *book.katas, "total"])
    for student in book.students:
        points = [number(student.katas[k].points) for k in book.katas]
        writer.writerow([student.id, *points, number(student.total)])
    return stream.getvalue()


def render_json(book: Gradebook) -> str:
    return json.dumps(book.to_dict(), indent=2, ensure_ascii=False) + "\n"


def _failure(summary: KataSummary) -> str:
    if summary.common_failure is None:
        return "—"
    name, function, count = summary.common_failure
    where = f"{name} (`{function}`)" if function else name
    return _("{test}: {count} of {failing} who did not pass").format(
        test=where, count=count, failing=summary.submitted - summary.passed
    )


def _rows(book: Gradebook) -> tuple[list[str], list[list[str]], list[str], list[list[str]]]:
    """The two tables, as cells: each kata, then each student."""
    kata_header = [
        _("Kata"),
        _("Passed"),
        _("Handed in"),
        _("Mean points"),
        _("Most common failure"),
    ]
    kata_rows = []
    for s in summarise(book):
        rate = (
            f"{s.passed}/{s.students} ({100 * s.passed / s.students:.0f}%)" if s.students else "0"
        )
        kata_rows.append(
            [
                s.kata,
                rate,
                f"{s.submitted}/{s.students}",
                f"{number(s.mean_points)}/{number(s.max_points)}",
                _failure(s),
            ]
        )
    student_header = [_("Student"), *book.katas, _("Total")]
    most = sum(s.max_points for s in summarise(book))
    student_rows = [
        [
            s.id,
            *(f"{number(s.katas[k].points)} ({_status(s.katas[k].status)})" for k in book.katas),
            f"{number(s.total)}/{number(most)}",
        ]
        for s in book.students
    ]
    return kata_header, kata_rows, student_header, student_rows


def _problems(book: Gradebook) -> tuple[list[str], list[list[str]]]:
    """Each kata that could not be graded, and why (the teacher may want to look)."""
    header = [_("Student"), _("Kata"), _("Why it could not be graded")]
    rows = [
        [s.id, kata, score.message or "—"]
        for s in book.students
        for kata, score in s.katas.items()
        if score.status == "error"
    ]
    return header, rows


def _tables(book: Gradebook) -> list[tuple[str, list[str], list[list[str]]]]:
    kata_header, kata_rows, student_header, student_rows = _rows(book)
    tables = [
        (_("By kata"), kata_header, kata_rows),
        (_("By student"), student_header, student_rows),
    ]
    problem_header, problem_rows = _problems(book)
    if problem_rows:
        tables.append((_("Could not be graded"), problem_header, problem_rows))
    return tables


def _status(status: str) -> str:
    words = {
        "passed": _("passed"),
        "failed": _("failed"),
        "error": _("could not be graded"),
        "not_started": _("not started"),
        "missing": _("no file"),
    }
    return words.get(status, status)


def render_markdown(book: Gradebook) -> str:
    lines = [f"# {_('Gradebook')}", ""]
    lines.append(
        _("{students} students, {katas} katas (salt fingerprint {salt}).").format(
            students=len(book.students), katas=len(book.katas), salt=book.salt_id
        )
    )
    for title, header, rows in _tables(book):
        lines += ["", f"## {title}", "", _md_row(header), _md_row(["---"] * len(header))]
        lines += [_md_row(row) for row in rows]
    return "\n".join(lines) + "\n"


def _md_row(cells: list[str]) -> str:
    """One table row; a learner's words (an error's message) can carry no HTML or break it."""
    cells = [html.escape(c, quote=False).replace("|", "\\|").replace("\n", " ") for c in cells]
    return "| " + " | ".join(cells) + " |"


def render_html(book: Gradebook) -> str:
    parts = [
        "<!DOCTYPE html>",
        '<html><head><meta charset="utf-8">',
        f"<title>{html.escape(_('Gradebook'))}</title>",
        "<style>table{border-collapse:collapse}td,th{border:1px solid #999;padding:2px 6px}"
        "</style></head><body>",
        f"<h1>{html.escape(_('Gradebook'))}</h1>",
        "<p>"
        + html.escape(
            _("{students} students, {katas} katas (salt fingerprint {salt}).").format(
                students=len(book.students), katas=len(book.katas), salt=book.salt_id
            )
        )
        + "</p>",
    ]
    for title, header, rows in _tables(book):
        parts.append(f"<h2>{html.escape(title)}</h2><table>")
        parts.append("<tr>" + "".join(f"<th>{html.escape(c)}</th>" for c in header) + "</tr>")
        for row in rows:
            parts.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>")
        parts.append("</table>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


RENDERERS = {".csv": render_csv, ".json": render_json, ".md": render_markdown, ".html": render_html}
