"""The JSON gradebook of `dlkata grade --out FILE.json`, as pydantic models: the source of the
JSON Schema that `dlkata schema gradebook` prints and `docs/gradebook.schema.json` keeps.

The gradebook is written without pydantic (`gradebook.py`); the project's tests validate real
gradebooks against these models. Any change here gets a new `gradebook.SCHEMA_VERSION`.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, WithJsonSchema

from dlkata.gradebook import SCHEMA_VERSION


class _Closed(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class GradedTest(_Closed):
    name: str
    status: Literal["passed", "failed", "error", "not_started"]
    function: str | None = Field(description="The function a failure named, if any.")


class GradedKata(_Closed):
    status: Literal["passed", "failed", "error", "not_started", "missing"] = Field(
        description="`missing`: the submission has no file for this kata."
    )
    points: float = Field(ge=0, description="Points earned (partial credit when `partial`).")
    max_points: float = Field(ge=0)
    tests: list[GradedTest]
    message: str | None = Field(None, description="Why a kata could not be graded (`error`).")


class Student(_Closed):
    id: str
    folder: str
    katas: dict[str, GradedKata]
    total: float


class Gradebook(_Closed):
    """A class's gradebook, or one shard of it (`dlkata grade --merge` joins shards)."""

    model_config = ConfigDict(title="dlkata gradebook")

    schema_version: Annotated[  # the same schema from every pydantic the project allows
        Literal[SCHEMA_VERSION],  # type: ignore[valid-type]
        WithJsonSchema({"const": SCHEMA_VERSION, "type": "integer"}),
    ]
    salt_id: str = Field(description="A fingerprint of the salt (the salt itself stays secret).")
    salt: str | None = Field(None, description="The salt, only when `grade` generated it.")
    katas: list[str] = Field(description="The graded katas, in the columns' order.")
    students: list[Student] = Field(description="In id order.")
