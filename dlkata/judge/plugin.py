"""The pytest plugin of the judge process: the `solution` and `reference` fixtures, and the
collection of every test's verdict into `TestResult` records."""

from __future__ import annotations

import importlib.util
import inspect
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from dlkata.catalogue import Kata
from dlkata.i18n import _, ngettext
from dlkata.judge import notes, rules
from dlkata.judge.cases import Budget, to_payload
from dlkata.judge.failures import GradingFailure
from dlkata.judge.proxy import ReferenceImpl, SolutionProxy, WorkerProcess
from dlkata.results import SIGNATURE_TEST, Status, TestResult

# told (kata, tests with a result, tests in all) once a kata's tests are counted and after each
Progress = Callable[[str, int, int], None]
# what a test printed is shown with it, cut to its first and last this many bytes
TEST_OUTPUT_EDGE = 1024


def load_module(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ImportError(_("cannot load {path}").format(path=path))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _parameters(function: Any) -> list[list[Any]]:
    return [
        [p.name, p.kind.name, None if p.default is p.empty else repr(p.default)]
        for p in inspect.signature(function).parameters.values()
    ]


def _render_signature(name: str, parameters: list[list[Any]]) -> str:
    parts, starred = [], False
    for pname, kind, default in parameters:
        if kind == "KEYWORD_ONLY" and not starred:
            parts.append("*")
            starred = True
        if kind == "VAR_POSITIONAL":
            pname, starred = f"*{pname}", True
        if kind == "VAR_KEYWORD":
            pname = f"**{pname}"
        parts.append(pname if default is None else f"{pname}={default}")
    return f"{name}({', '.join(parts)})"


def signature_check(kata: Kata, found: dict[str, Any]) -> TestResult:
    """Every contract function is defined, with the stub's parameter names, kinds and defaults."""
    stub = load_module(kata.stub_path, f"_dlkata_stub_{kata.id}")
    problems, at_fault = [], None
    for name in kata.function_names:
        expected = _parameters(getattr(stub, name))
        wanted = f"`def {_render_signature(name, expected)}`"
        info = found.get(name)
        if info is None or not info.get("callable"):
            problems.append(
                _("`{function}` is not defined; expected {wanted}").format(
                    function=name, wanted=wanted
                )
            )
        elif info.get("parameters") is not None and info["parameters"] != expected:
            problems.append(
                _("`{function}` should be {wanted}; yours is `{yours}`").format(
                    function=name,
                    wanted=wanted,
                    yours=_render_signature(name, info["parameters"]),
                )
            )
        else:
            continue
        at_fault = at_fault or name
    description = _("defines every function of the contract with its exact signature")
    if not problems:
        return TestResult(SIGNATURE_TEST, Status.PASSED, description=description)
    return TestResult(
        SIGNATURE_TEST,
        Status.FAILED,
        message="; ".join(problems),
        description=description,
        function=at_fault,
        kind="signature",
        hint=_(
            "Copy the signatures from the stub (`dlkata new` writes it): the hidden tests call "
            "your functions with these names and keywords."
        ),
    )


class JudgePlugin:
    """Gives hidden tests their fixtures and records each test's verdict."""

    def __init__(
        self,
        katas: dict[str, Kata],
        start_workers: Callable[[], dict[str, WorkerProcess]],
        progress: Progress | None = None,
    ) -> None:
        """`start_workers` is called once the tests are collected: it may wait for the learner's
        files (a judge can be ready before they are saved)."""
        self.katas = katas
        self._start_workers = start_workers
        self.workers: dict[str, WorkerProcess] = {}
        self.progress = progress or (lambda kata_id, done, total: None)
        # one record per test, keyed by node id: a later phase's failure replaces a pass
        self.records: dict[str, dict[str, TestResult]] = {kata_id: {} for kata_id in katas}
        self.errors: dict[str, dict[str, Any]] = {}
        # how many results each kata must have (its collected tests and the signature check),
        # counted from the judge's own files before any learner process is waited for
        self.expected: dict[str, int] = {}
        self.durations: dict[str, float] = dict.fromkeys(katas, 0.0)
        self._references: dict[str, ReferenceImpl] = {}
        self._error_rules: dict[str, int] = {}
        # whether failing calls travel with the results, for `dlkata replay` (a local check
        # only; set with the learner's files), and the allowance for them
        self.keep_cases = False
        self._budget = Budget()
        # where each kata's output stood when its file was imported, and when each test began
        self.imported_at: dict[str, int] = {}
        self._printed_from: dict[str, int] = {}

    def _kata_of(self, node: Any) -> Kata:
        return self.katas[Path(node.path).parent.name]

    @pytest.fixture
    def solution(self, request: pytest.FixtureRequest) -> SolutionProxy:
        kata = self._kata_of(request.node)
        worker = self.workers[kata.id]
        worker.reset_handles()
        cached = frozenset(f.name for f in kata.functions if f.returns_cache)
        return SolutionProxy(worker, cached)

    @pytest.fixture
    def reference(self, request: pytest.FixtureRequest) -> ReferenceImpl:
        kata = self._kata_of(request.node)
        if kata.id not in self._references:
            module = load_module(kata.reference_path, f"_dlkata_reference_{kata.id}")
            self._references[kata.id] = ReferenceImpl(module)
        return self._references[kata.id]

    def tests(self, kata_id: str) -> list[TestResult]:
        return list(self.records[kata_id].values())

    def pytest_collectreport(self, report: pytest.CollectReport) -> None:
        """A hidden test file that cannot be collected makes its kata an error, never a pass."""
        kata_id = Path(report.nodeid).parts[0] if report.nodeid else None
        if report.failed and kata_id in self.katas:
            detail = report.longreprtext.strip().splitlines()[-1:] or ["?"]
            self.errors.setdefault(
                kata_id,
                suite_error(
                    _(
                        "the kata cannot be graded: its hidden tests could not be collected "
                        "({detail}). Please report this to the kata's authors"
                    ).format(detail=detail[0])
                ),
            )

    def pytest_collection_modifyitems(
        self, session: pytest.Session, config: pytest.Config, items: list[pytest.Item]
    ) -> None:
        """Count each kata's tests, then wait for each learner file to import; a kata whose file
        does not import runs no test."""
        for kata_id in self.katas:
            collected = sum(self._kata_of(item).id == kata_id for item in items)
            self.expected[kata_id] = collected + 1  # and the signature check
            if collected == 0:
                self.errors.setdefault(
                    kata_id,
                    suite_error(
                        _(
                            "the kata cannot be graded: no hidden test was collected. Please "
                            "report this to the kata's authors"
                        )
                    ),
                )
        self.workers = self._start_workers()
        broken = set()
        for kata_id, worker in self.workers.items():
            started = time.monotonic()
            try:
                ready = worker.wait_ready()
            except GradingFailure as failure:
                ready = {"import_error": {"kind": failure.kind, "message": failure.message}}
            self.durations[kata_id] += time.monotonic() - started
            self.imported_at[kata_id] = worker.printed()
            if ready.get("import_error"):
                self.errors[kata_id] = ready["import_error"]
                broken.add(kata_id)
            else:
                self.records[kata_id][SIGNATURE_TEST] = signature_check(
                    self.katas[kata_id], ready["signatures"]
                )
        for kata_id in self.katas:
            self._report_progress(kata_id)
        kept = [item for item in items if self._kata_of(item).id not in broken]
        if len(kept) != len(items):
            config.hook.pytest_deselected(items=[i for i in items if i not in kept])
            items[:] = kept

    def pytest_runtest_setup(self, item: pytest.Item) -> None:
        kata = self._kata_of(item)
        notes.use_notes(kata.notes)
        self._printed_from[item.nodeid] = self.workers[kata.id].printed()

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_call(self, item: pytest.Item) -> Any:
        before = rules.error_rule_checks
        yield
        self._error_rules[item.nodeid] = rules.error_rule_checks - before

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_makereport(self, item: pytest.Item, call: pytest.CallInfo) -> Any:
        outcome = yield
        report = outcome.get_result()
        kata_id = self._kata_of(item).id
        self.durations[kata_id] += report.duration
        records = self.records[kata_id]
        if report.when == "call" or not report.passed:
            previous = records.get(item.nodeid)
            if previous is None or previous.status is Status.PASSED:
                records[item.nodeid] = self._record(item, report, call)
        if report.when == "teardown":
            record = records.get(item.nodeid)
            start = self._printed_from.pop(item.nodeid, None)
            if record is not None and start is not None:
                record.output = self.workers[kata_id].output(start, edge=TEST_OUTPUT_EDGE)
            self._report_progress(kata_id)

    def _report_progress(self, kata_id: str) -> None:
        if kata_id in self.expected:
            self.progress(kata_id, len(self.records[kata_id]), self.expected[kata_id])

    def suite_problem(self, kata_id: str, exit_code: int) -> dict[str, Any] | None:
        """Why a kata's suite did not run in full, or None when every test has a result."""
        if kata_id in self.errors:
            return self.errors[kata_id]
        ran, expected = len(self.records[kata_id]), self.expected.get(kata_id)
        if expected is None:
            return suite_error(
                _(
                    "the kata cannot be graded: its hidden tests were never collected. Please "
                    "report this to the kata's authors"
                )
            )
        if exit_code not in (0, 1):
            return suite_error(
                ngettext(
                    "the kata cannot be graded: the hidden test session ended early (pytest exit "
                    "code {code}) after {ran} of its {expected} test. Please report this to the "
                    "kata's authors",
                    "the kata cannot be graded: the hidden test session ended early (pytest exit "
                    "code {code}) after {ran} of its {expected} tests. Please report this to the "
                    "kata's authors",
                    expected,
                ).format(code=exit_code, ran=ran, expected=expected)
            )
        if ran != expected:
            return suite_error(
                ngettext(
                    "the kata cannot be graded: {ran} of its {expected} hidden test ran. Please "
                    "report this to the kata's authors",
                    "the kata cannot be graded: {ran} of its {expected} hidden tests ran. Please "
                    "report this to the kata's authors",
                    expected,
                ).format(ran=ran, expected=expected)
            )
        return None

    def _record(
        self, item: pytest.Item, report: pytest.TestReport, call: pytest.CallInfo
    ) -> TestResult:
        name = getattr(item, "originalname", item.name)
        description = self._kata_of(item).tests.get(name) or name.removeprefix("test_")
        callspec = getattr(item, "callspec", None)
        if callspec is not None:
            description = f"{description.rstrip('.')} [{callspec.id}]"
        if report.passed:
            checks = self._error_rules.get(item.nodeid, 0)
            facts = {"error_rule_checks": checks} if checks else {}
            return TestResult(item.name, Status.PASSED, description=description, facts=facts)
        if report.skipped:
            return TestResult(
                item.name,
                Status.ERROR,
                description=description,
                kind="grader",
                message=_(
                    "the hidden test was skipped, so it proves nothing; please report this "
                    "to the kata's authors"
                ),
            )
        error = call.excinfo.value if call.excinfo is not None else None
        if isinstance(error, GradingFailure):
            case = getattr(error, "case", None)
            return TestResult(
                item.name,
                Status.FAILED,
                message=error.message,
                description=description,
                function=error.function,
                kind=error.kind,
                hint=error.hint,
                facts=error.facts,
                case=to_payload(case, self._kata_of(item).id, self._budget)
                if case is not None and self.keep_cases
                else None,
            )
        text = f"{type(error).__name__}: {error}" if error is not None else report.longreprtext
        if report.when == "teardown":
            message = _(
                "the hidden test itself failed (after the test, {error}); please report this to "
                "the kata's authors"
            )
        else:
            message = _(
                "the hidden test itself failed ({error}); please report this to the kata's authors"
            )
        return TestResult(
            item.name,
            Status.ERROR,
            description=description,
            kind="grader",
            message=message.format(error=text),
        )


def suite_error(message: str) -> dict[str, Any]:
    """A kata-level error for a hidden suite that did not run in full: the grader's fault.
    `message` says so whole ("the kata cannot be graded: ...")."""
    return {"kind": "grader", "message": message}
