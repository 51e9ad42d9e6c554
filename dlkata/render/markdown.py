"""The Markdown summary: a table of katas and results with the first failure of each, then that
failure's facts. The same text goes to `$GITHUB_STEP_SUMMARY` (the job summary) and, with
`--format markdown`, to stdout."""

from __future__ import annotations

from dlkata.i18n import _
from dlkata.render.text import HEADLINES, MARKS, error_headline, plain_error, plain_failure
from dlkata.results import KataResult, Status


def render_markdown(results: list[KataResult]) -> str:
    shown = [r for r in results if not r.skipped]
    skipped = [r.id for r in results if r.skipped]
    passed = sum(r.status is Status.PASSED for r in shown)
    heading = _("dlkata: {passed} of {total} graded katas passed").format(
        passed=passed, total=len(shown)
    )
    lines = [f"## {heading}", ""]
    if shown:
        headers = [_("kata"), _("result"), _("tests"), _("first failure")]
        lines += ["| | " + " | ".join(_cell(h) for h in headers) + " |"]
        lines += ["| --- | --- | --- | --- | --- |"]
        lines += [_row(r) for r in shown]
        lines.append("")
    else:
        lines += [_("No kata has been started yet: `dlkata next` writes the first one."), ""]
    if skipped:
        katas = ", ".join(f"`{k}`" for k in skipped)
        lines += [_("Not started, so skipped: {katas}.").format(katas=katas), ""]
    for result in shown:
        lines += _details(result)
    return "\n".join(lines)


def _row(result: KataResult) -> str:
    mark = MARKS[result.status][0]
    tests = f"{result.passed}/{len(result.tests)}" if result.tests else ""
    verdict = _(HEADLINES[result.status])
    cells = [mark, f"`{result.id}` {result.title}", verdict, tests, _first(result)]
    return "| " + " | ".join(_cell(c) for c in cells) + " |"


def _first(result: KataResult) -> str:
    if result.error:
        return error_headline(result.error)
    if result.status is Status.NOT_STARTED:
        return _("required, but not started")
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
