"""The Markdown summary: a table of katas and results with the first failure of each, then that
failure's facts. The same text goes to `$GITHUB_STEP_SUMMARY` (the job summary) and, with
`--format markdown`, to stdout."""

from __future__ import annotations

from dlkata.render.text import HEADLINES, MARKS, error_headline, plain_error, plain_failure
from dlkata.results import KataResult, Status


def render_markdown(results: list[KataResult]) -> str:
    shown = [r for r in results if not r.skipped]
    skipped = [r.id for r in results if r.skipped]
    passed = sum(r.status is Status.PASSED for r in shown)
    lines = [f"## dlkata: {passed} of {len(shown)} graded katas passed", ""]
    if shown:
        lines += ["| | kata | result | tests | first failure |", "| --- | --- | --- | --- | --- |"]
        lines += [_row(r) for r in shown]
        lines.append("")
    else:
        lines += ["No kata has been started yet: `dlkata next` writes the first one.", ""]
    if skipped:
        lines += [f"Not started, so skipped: {', '.join(f'`{k}`' for k in skipped)}.", ""]
    for result in shown:
        lines += _details(result)
    return "\n".join(lines)


def _row(result: KataResult) -> str:
    mark, _ = MARKS[result.status]
    tests = f"{result.passed}/{len(result.tests)}" if result.tests else ""
    cells = [mark, f"`{result.id}` {result.title}", HEADLINES[result.status], tests, _first(result)]
    return "| " + " | ".join(_cell(c) for c in cells) + " |"


def _first(result: KataResult) -> str:
    if result.error:
        return error_headline(result.error)
    if result.status is Status.NOT_STARTED:
        return "required, but not started"
    if not result.failures:
        return ""
    test = result.failures[0]
    where = f" (`{test.function}`)" if test.function else ""
    return f"{test.description or test.name}{where}"


def _details(result: KataResult) -> list[str]:
    if result.error:
        body = plain_error(result)
    elif result.failures and result.status is Status.FAILED:
        body = plain_failure(result.failures[0])
    else:
        return []
    return [
        f"<details><summary><code>{result.id}</code>: {_cell(_first(result))}</summary>",
        "",
        "```text",
        body.replace("```", "'''"),
        "```",
        "",
        "</details>",
        "",
    ]


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")
