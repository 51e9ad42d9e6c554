"""JUnit XML, as CI systems read it: one testsuite per kata, one testcase per hidden test,
failures with their message and facts, and `skipped` for katas not started."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from dlkata.i18n import _
from dlkata.render.text import HEADLINES, error_headline, plain_error, plain_failure
from dlkata.results import KataResult, Status

# characters XML 1.0 cannot hold, which a learner's output or a message may contain
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_COUNTED = ("tests", "failures", "errors", "skipped")


def render_junit(results: list[KataResult]) -> str:
    root = ET.Element("testsuites", name="dlkata")
    for result in results:
        root.append(_suite(result))
    _count(root, list(root), time=sum(r.duration for r in results))
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode")


def _suite(result: KataResult) -> ET.Element:
    suite = ET.Element("testsuite", name=result.id, file=_clean(result.file))
    classname = f"dlkata.{result.id}"
    skipped = result.skipped
    if result.error:
        case = ET.SubElement(suite, "testcase", classname=classname, name="load")
        kind = result.error.get("kind") or ""
        _outcome(case, "error", error_headline(result.error), kind, plain_error(result))
    for test in result.tests:
        case = ET.SubElement(suite, "testcase", classname=classname, name=_clean(test.name))
        if test.status is not Status.PASSED and skipped:
            _outcome(case, "skipped", _(HEADLINES[Status.NOT_STARTED]))
        elif test.status is not Status.PASSED:
            tag = "error" if test.status is Status.ERROR else "failure"
            _outcome(case, tag, test.message, test.kind or "", plain_failure(test))
        if test.output.strip():  # what this test's calls printed, after its outcome
            ET.SubElement(case, "system-out").text = _clean(test.output)
    if not result.tests and not result.error:
        case = ET.SubElement(suite, "testcase", classname=classname, name=result.id)
        if skipped:
            _outcome(case, "skipped", _(HEADLINES[Status.NOT_STARTED]))
        elif result.status is Status.NOT_STARTED:
            message = _("{kata} is required but not started").format(kata=result.id)
            _outcome(case, "failure", message, "not_started")
    if result.output.strip():
        ET.SubElement(suite, "system-out").text = _clean(result.output)
    _count(suite, suite.findall("testcase"), time=result.duration)
    return suite


def _outcome(case: ET.Element, tag: str, message: str, kind: str = "", text: str = "") -> None:
    element = ET.SubElement(case, tag, message=_clean(message))
    if kind:
        element.set("type", kind)
    if text:
        element.text = _clean(text)


def _count(element: ET.Element, children: list[ET.Element], *, time: float) -> None:
    """Totals from what was written, so they always agree with the testcases."""
    if element.tag == "testsuites":
        totals = {k: sum(int(c.get(k, 0)) for c in children) for k in _COUNTED}
    else:
        totals = {
            "tests": len(children),
            "failures": sum(c.find("failure") is not None for c in children),
            "errors": sum(c.find("error") is not None for c in children),
            "skipped": sum(c.find("skipped") is not None for c in children),
        }
    for key, value in totals.items():
        element.set(key, str(value))
    element.set("time", f"{time:.3f}")


def _clean(text: str) -> str:
    return _NOT_XML.sub("\N{REPLACEMENT CHARACTER}", text)
