"""The JSON report of `dlkata check --format json`, as pydantic models: the source of the JSON
Schema that `dlkata schema report` prints and `docs/report.schema.json` keeps.

The report itself is written from the results without pydantic (`render/json_report.py`); the
project's tests validate real reports against these models and check that the published copy is
current, so the three cannot drift apart. Any change here gets a new `SCHEMA_VERSION`.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, WithJsonSchema

from dlkata.render.json_report import SCHEMA_VERSION

KataStatus = Literal["passed", "failed", "error", "not_started"]


class _Closed(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class Frame(_Closed):
    """A line of the learner's code in a traceback."""

    file: str
    line: int
    function: str
    text: str


class LoadError(_Closed):
    """Why a kata could not be graded at all: the learner's file does not compile or import, or
    the grader failed."""

    kind: str = Field(description="`syntax`, `import` or `grader`.")
    message: str
    type: str | None = Field(None, description="The exception's class name.")
    line: int | None = Field(None, description="A syntax error's line.")
    offset: int | None = Field(None, description="A syntax error's column.")
    text: str | None = Field(None, description="A syntax error's source line.")
    frames: list[Frame] | None = Field(None, description="Where an import failed.")


class SavedCall(_Closed):
    """Where a failing call was saved for `dlkata replay KATA N` (a local check only)."""

    kata: str
    case: int = Field(description="N: the case's number, counted from 1 in each check.")
    file: str = Field(description="The `.npz` holding the call's inputs and expected result.")
    function: str = Field(description="The function called first.")
    backward: str | None = Field(
        description="For a backward pass: the backward function, called on the forward's cache."
    )


class UnsavedCall(_Closed):
    """Why a failing call was not saved."""

    unsaved: Literal["too_big", "too_many", "budget", "unsaveable"]
    size: int = Field(description="Bytes of the call's arrays.")


class TestReport(_Closed):
    """One hidden test."""

    name: str
    status: Literal["passed", "failed", "error"]
    message: str = Field(description="Why it failed; empty when it passed.")
    description: str = Field(description="What the test checks, in a sentence.")
    function: str | None = Field(description="The learner's function at fault.")
    kind: str | None = Field(
        description="The kind of failure, e.g. `values`, `gradient`, `not_implemented`."
    )
    hint: str | None
    facts: Annotated[dict[str, Any], WithJsonSchema({"type": "object"})] = Field(
        description="The facts of a failure: inputs, expected and got shapes, errors, samples, "
        "a statistic and its threshold; their keys depend on the kind. `diagnosis`, where "
        "present, names the mistake that reproduces the learner's values exactly (a factor such "
        "as the batch size, axes permuted, a flip, a shift, a missing term, one sample of the "
        "batch, a std off by √2 or from the wrong fan)."
    )
    output: str = Field(
        description="What the learner's code printed during this test (its first and last KB)."
    )
    replay: SavedCall | UnsavedCall | None = Field(
        description="The failing call, saved for `dlkata replay` (null in CI and when the test "
        "did not fail a comparison of a call)."
    )


class KataReport(_Closed):
    """One kata: its verdict and every hidden test."""

    id: str
    title: str
    status: KataStatus
    skipped: bool = Field(
        description="Not started, and not counted against the check (`check --all` or CI, and "
        "not required)."
    )
    file: str = Field(description="The learner's file (graded, or expected).")
    tests: list[TestReport]
    error: LoadError | None
    output: str = Field(
        description="What the learner's code printed while its file was imported (its first "
        "and last 4 KB); each test has its own."
    )
    duration: float = Field(description="Seconds.")
    sandbox: list[str] | None = Field(
        description="The kernel layers in force in the learner's process; null when it never said."
    )


class KataCounts(_Closed):
    total: int
    passed: int
    failed: int
    error: int
    not_started: int
    graded: int = Field(description="Katas whose file was found and graded.")
    skipped: int = Field(description="Katas not started that do not count against the check.")


class TestCounts(_Closed):
    total: int
    passed: int


class Summary(_Closed):
    """What the check came to."""

    verdict: Literal["passed", "failed", "nothing_graded"] = Field(
        description="`passed` (exit code 0): every graded kata passed; `failed` (1): a kata "
        "failed, could not be graded, or is required but not started; `nothing_graded` (5): no "
        "kata file was found."
    )
    katas: KataCounts
    tests: TestCounts
    duration: float = Field(description="Seconds spent grading, all katas together.")


class Report(_Closed):
    """The report of `dlkata check --format json`."""

    model_config = ConfigDict(title="dlkata check report")

    schema_version: Annotated[
        Literal[SCHEMA_VERSION],  # type: ignore[valid-type]
        WithJsonSchema({"const": SCHEMA_VERSION, "type": "integer"}),
    ]
    summary: Summary
    katas: list[KataReport]
