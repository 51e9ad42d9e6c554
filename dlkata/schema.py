"""The schemas of the YAML files dlkata reads: `kata.yaml` (a kata's metadata) and `dlkata.yaml`
(a workspace's settings), as pydantic models in strict mode.

Strict means: an unknown key is an error (with a did-you-mean), a boolean is `true` or `false`
and nothing else, a number is a number, difficulties and topics come from fixed sets, and every
problem of a file is reported at once, each with its file and field. The rest of dlkata never sees
these models: `catalogue` turns a valid `kata.yaml` into its plain `Kata` record and `workspace`
a valid `dlkata.yaml` into its `WorkspaceConfig`.

pydantic takes about 45 ms to import, so only the functions that read one of these files import
this module; `dlkata --help` never does.
"""

from __future__ import annotations

import difflib
import json
import keyword
import re
from collections.abc import Collection
from typing import Annotated, Any, Literal, TypeVar, get_args

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PlainValidator,
    ValidationError,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
)
from pydantic_core import ErrorDetails

from dlkata.catalogue import FORMAT_VERSION, TEXT_FORMAT_VERSION, Difficulty, Topic
from dlkata.i18n import Language, _, ngettext
from dlkata.problems import InvalidFile, Problem

_KATA_ID = re.compile(r"[a-z][a-z0-9_]*")


class _Strict(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", str_strip_whitespace=True)


def _kata_id(value: str) -> str:
    if not _KATA_ID.fullmatch(value):
        raise ValueError(
            _(
                "must be a kata id: lower-case letters, digits and underscores, starting with a "
                "letter (e.g. conv2d), got {value}"
            ).format(value=_show(value))
        )
    return value


def _identifier(value: str) -> str:
    if not value.isidentifier() or keyword.iskeyword(value):
        raise ValueError(
            _("must be a Python name (e.g. conv2d_forward), got {value}").format(value=_show(value))
        )
    return value


KataId = Annotated[str, AfterValidator(_kata_id)]
Text = Annotated[str, Field(min_length=1)]


class FunctionSpec(_Strict):
    """One public function of the kata's contract."""

    name: Annotated[str, AfterValidator(_identifier)] = Field(examples=["conv2d_forward"])
    returns_cache: bool = Field(
        False,
        description="The last element of the returned tuple is the learner's cache: it stays in "
        "the learner's process and the hidden tests get a handle to it.",
    )


class KataSpec(_Strict):
    """`katas/<id>/kata.yaml`: what a kata is, for the catalogue, the stub and the judge. Its words
    are in `text/<lang>.yaml` (`KataTextSpec`)."""

    model_config = ConfigDict(title="kata.yaml")

    format_version: Annotated[Literal[2], WithJsonSchema({"const": 2, "type": "integer"})] = Field(
        examples=[FORMAT_VERSION]
    )
    id: KataId = Field(examples=["conv2d"], description="The folder's name.")
    topic: Topic = Field(examples=["convolution"])
    difficulty: Difficulty = Field(examples=["medium"])
    prerequisites: list[KataId] = Field(
        default_factory=list, examples=[["linear"]], description="Kata ids that come first."
    )
    functions: list[FunctionSpec] = Field(
        min_length=1,
        examples=[[{"name": "conv2d_forward", "returns_cache": True}]],
        description="Every public function of the contract, in the stub's order.",
    )

    @field_validator("id")
    @classmethod
    def _is_the_folder(cls, value: str, info: ValidationInfo) -> str:
        folder = (info.context or {}).get("folder")
        if folder is not None and value != folder:
            raise ValueError(
                _("'{value}' differs from the folder name '{folder}': rename one").format(
                    value=value, folder=folder
                )
            )
        return value

    @field_validator("functions")
    @classmethod
    def _named_once(cls, value: list[FunctionSpec]) -> list[FunctionSpec]:
        names = [f.name for f in value]
        twice = sorted({n for n in names if names.count(n) > 1})
        if twice:
            raise ValueError(_("'{name}' is listed more than once").format(name=twice[0]))
        return value


def _test_name(value: str) -> str:
    if not value.startswith("test_") or not value.isidentifier():
        raise ValueError(
            _("must be a hidden test's function name (test_...), got {value}").format(
                value=_show(value)
            )
        )
    return value


def _note_key(value: str) -> str:
    if not _KATA_ID.fullmatch(value):
        raise ValueError(
            _("must be a key of lower-case letters, digits and underscores, got {value}").format(
                value=_show(value)
            )
        )
    return value


class KataTextSpec(_Strict):
    """`katas/<id>/text/<lang>.yaml`: a kata's words in one language. Every language has the same
    keys as English (`dlkata validate` checks); the explanation is `text/<lang>.md` beside it."""

    model_config = ConfigDict(title="text/<lang>.yaml")

    format_version: Annotated[Literal[1], WithJsonSchema({"const": 1, "type": "integer"})] = Field(
        examples=[TEXT_FORMAT_VERSION]
    )
    title: Text = Field(examples=["2-D convolution: forward and backward"])
    summary: Text = Field(examples=["One sentence saying what the learner builds."])
    hints: list[Text] = Field(
        default_factory=list, description="Progressive: gentle first, nearly the answer last."
    )
    tests: dict[Annotated[str, AfterValidator(_test_name)], Text] = Field(
        default_factory=dict,
        examples=[{"test_forward": "Forward pass on small images, stride 1, no padding."}],
        description="The one-line description of each hidden test function.",
    )
    notes: dict[Annotated[str, AfterValidator(_note_key)], Text] = Field(
        default_factory=dict,
        examples=[{"weight_layout": "w is laid out (C_out, C_in, KH, KW), as in PyTorch."}],
        description="What the hidden tests show under a failure, each named by its key "
        '(`note("weight_layout")`); `{name}` fields are filled in by the test.',
    )


def _memory(value: Any) -> str | int:
    from dlkata.checking import parse_memory

    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise ValueError(
            _("must be a size such as 512M or 2G, got {value}").format(value=_show(value))
        )
    parse_memory(value)  # its ValueError says what is wrong
    return value


MemorySize = Annotated[
    str | int,
    PlainValidator(_memory),
    WithJsonSchema({"anyOf": [{"type": "string"}, {"type": "integer"}]}),
]


def _known_kata(value: str, info: ValidationInfo) -> str:
    known = (info.context or {}).get("kata_ids")
    if known is not None and value not in known:
        close = difflib.get_close_matches(value, list(known), n=1, cutoff=0.5)
        if close:
            raise ValueError(
                _("'{value}' is not a kata; did you mean '{close}'?").format(
                    value=value, close=close[0]
                )
            )
        raise ValueError(
            _("'{value}' is not a kata (`dlkata list` shows them all)").format(value=value)
        )
    return value


class LimitsSpec(_Strict):
    """Limits for the learner's code; a command-line option overrides each."""

    timeout: float | None = Field(None, gt=0, examples=[10], description="Seconds for one call.")
    kata_timeout: float | None = Field(
        None, gt=0, examples=[60], description="Seconds for one kata's tests in all."
    )
    memory_limit: MemorySize | None = Field(
        None, examples=["2G"], description="Memory the learner's code may use: 512M, 2G or bytes."
    )


class ConfigSpec(_Strict):
    """`dlkata.yaml`: a workspace's settings, written by `dlkata init`."""

    model_config = ConfigDict(title="dlkata.yaml")

    workspace: Text = Field(
        ".",
        examples=["solutions"],
        description="The folder of the kata files, relative to this file.",
    )
    required: list[Annotated[str, AfterValidator(_known_kata)]] | None = Field(
        None,
        examples=[["linear", "conv2d"]],
        description="Katas a course requires: not started, they fail `check --all`.",
    )
    katas: Text | None = Field(
        None,
        examples=["katas"],
        description="A course's own katas: the folder of its kata folders, relative to this "
        "file (its references in reference/ beside it).",
    )
    builtin: bool = Field(
        True, description="Offer dlkata's own katas beside the course's (false: only the course's)."
    )
    limits: LimitsSpec | None = None
    katas_graded: list[Annotated[str, AfterValidator(_known_kata)]] | None = Field(
        None,
        examples=[["linear", "relu"]],
        description="The katas `dlkata grade` grades (default: `required`, else every kata).",
    )
    points: (
        dict[Annotated[str, AfterValidator(_known_kata)], Annotated[float, Field(ge=0)]] | None
    ) = Field(
        None,
        examples=[{"conv2d": 3, "linear": 1}],
        description="Points of each kata in `dlkata grade`'s gradebook (default: 1 each).",
    )
    partial: bool = Field(
        False,
        description="`dlkata grade` gives a kata's points by the fraction of its tests passed, "
        "not only for a pass.",
    )
    lang: Language | None = Field(
        None,
        examples=["zh"],
        description="The language of every message: en or zh (overridden by DLKATA_LANG and "
        "--lang; without it, the locale decides).",
    )


SCHEMAS = ("report", "kata", "text", "config", "gradebook")


def json_schema(name: str) -> dict[str, Any]:
    """The published JSON Schema of the JSON report (`report`), of `kata.yaml` (`kata`), of a
    kata's `text/<lang>.yaml` (`text`), of `dlkata.yaml` (`config`) or of `dlkata grade`'s JSON
    gradebook (`gradebook`)."""
    from dlkata.gradebook_schema import Gradebook
    from dlkata.report_schema import Report

    model = {
        "report": Report,
        "kata": KataSpec,
        "text": KataTextSpec,
        "config": ConfigSpec,
        "gradebook": Gradebook,
    }[name]
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **model.model_json_schema()}


def parse_kata(data: Any, file: str, folder: str | None = None) -> KataSpec:
    """A `kata.yaml`'s data as a `KataSpec`, or `InvalidFile` with every problem. A newer
    `format_version` is the one problem reported: its fields may mean other things."""
    if isinstance(data, dict):
        version = data.get("format_version")
        if version == 1:
            raise InvalidFile(
                [
                    Problem(
                        file,
                        "format_version",
                        _(
                            "1 kept the title, summary and hints in kata.yaml; format 2 keeps "
                            "them in text/en.yaml and text/zh.yaml (see katas/README.md): move "
                            "them there"
                        ),
                    )
                ]
            )
        if type(version) is int and version > FORMAT_VERSION:
            raise InvalidFile(
                [
                    Problem(
                        file,
                        "format_version",
                        _(
                            "{version} is newer than this dlkata reads ({supported}): upgrade "
                            "dlkata (pip install --upgrade dlkata)"
                        ).format(version=version, supported=FORMAT_VERSION),
                    )
                ]
            )
    return _parse(KataSpec, data, file, {"folder": folder})


def parse_text(data: Any, file: str) -> KataTextSpec:
    """A `text/<lang>.yaml`'s data as a `KataTextSpec`, or `InvalidFile` with every problem."""
    return _parse(KataTextSpec, data, file, {})


def parse_config(data: Any, file: str, kata_ids: Collection[str]) -> ConfigSpec:
    """A `dlkata.yaml`'s data (an empty file is no settings) as a `ConfigSpec`, or
    `InvalidFile` with every problem; `required` must name katas of `kata_ids`."""
    return _parse(ConfigSpec, {} if data is None else data, file, {"kata_ids": kata_ids})


M = TypeVar("M", bound=BaseModel)


def _parse(model: type[M], data: Any, file: str, context: dict[str, Any]) -> M:
    try:
        return model.model_validate(data, context=context)
    except ValidationError as exc:
        raise InvalidFile(
            [Problem(file, _field(e["loc"]), _message(e, model)) for e in exc.errors()]
        ) from None


# --- one line per problem --------------------------------------------------------------------


def _field(loc: tuple[int | str, ...]) -> str:
    """`('functions', 1, 'returns_cache')` as `functions[1].returns_cache`."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else f".{part}" if text else str(part)
    return text


def _message(error: ErrorDetails, model: type[BaseModel]) -> str:
    kind, value, loc = error["type"], error.get("input"), error["loc"]
    context = error.get("ctx") or {}
    got = _show(value)
    if kind == "missing":
        example = _example(model, loc)
        if not example:
            return _("missing")
        return _("missing: add it, e.g. {field}: {example}").format(field=loc[-1], example=example)
    if kind == "extra_forbidden":
        known = _fields(model, loc[:-1])
        close = difflib.get_close_matches(str(loc[-1]), known, n=1, cutoff=0.6)
        if close:
            return _("unknown field; did you mean '{close}'?").format(close=close[0])
        return _("unknown field (the fields are: {fields})").format(fields=", ".join(known))
    if kind == "bool_type":
        return _("must be true or false, got {value}").format(value=got)
    if kind == "string_type":
        if value is not None and not isinstance(value, (list, dict)):
            return _("must be text, got {value}: put it in quotes").format(value=got)
        return _("must be text, got {value}").format(value=got)
    if kind == "int_type":
        if _quoted_number(value):
            return _("must be a whole number, got {value}: write it without quotes").format(
                value=got
            )
        return _("must be a whole number, got {value}").format(value=got)
    if kind == "float_type":
        if _quoted_number(value):
            return _("must be a number, got {value}: write it without quotes").format(value=got)
        return _("must be a number, got {value}").format(value=got)
    if kind == "list_type":
        if isinstance(value, str):
            return _("must be a list, got {value} (write [{item}])").format(value=got, item=value)
        return _("must be a list, got {value}").format(value=got)
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return _("must be a mapping of fields (key: value lines), got {value}").format(value=got)
    if kind == "literal_error":
        return _not_a_choice(value, got, str(context.get("expected", "")))
    if kind == "string_too_short":
        return _("must not be empty")
    if kind == "too_short":
        least = context.get("min_length", 1)
        return ngettext(
            "must list at least {count} entry", "must list at least {count} entries", least
        ).format(count=least)
    if kind == "greater_than":
        return _("must be more than {limit}, got {value}").format(
            limit=f"{context.get('gt'):g}", value=got
        )
    if kind == "value_error":
        return str(context.get("error", error["msg"]))
    # a kind of error the cases above do not know: pydantic's own (English) words
    return _("{problem}, got {value}").format(
        problem=f"{error['msg'][:1].lower()}{error['msg'][1:]}", value=got
    )


def _not_a_choice(value: Any, got: str, expected: str) -> str:
    """The problem of a value that is none of a field's fixed choices (`expected`, as pydantic
    lists them), with the one it is closest to."""
    allowed = re.findall(r"'([^']*)'|(\d+)", expected)
    choices = [a or b for a, b in allowed]
    shown_choices = ", ".join(choices)
    if isinstance(value, str) and value in choices:  # `format_version: "1"`
        if len(choices) == 1:
            return _("must be {choices}, got {value}: write it without quotes").format(
                choices=shown_choices, value=got
            )
        return _("must be one of {choices}, got {value}: write it without quotes").format(
            choices=shown_choices, value=got
        )
    same = [c for c in choices if str(value).lower() == c.lower()]
    close = same or difflib.get_close_matches(str(value), choices, n=1, cutoff=0.6)
    if close and len(choices) == 1:
        return _("must be {choices}, got {value}; did you mean '{close}'?").format(
            choices=shown_choices, value=got, close=close[0]
        )
    if close:
        return _("must be one of {choices}, got {value}; did you mean '{close}'?").format(
            choices=shown_choices, value=got, close=close[0]
        )
    if len(choices) == 1:
        return _("must be {choices}, got {value}").format(choices=shown_choices, value=got)
    return _("must be one of {choices}, got {value}").format(choices=shown_choices, value=got)


def _quoted_number(value: Any) -> bool:
    """A number written in quotes."""
    if not isinstance(value, str):
        return False
    try:
        float(value)
    except ValueError:
        return False
    return True


def _show(value: Any) -> str:
    """A value as the user wrote it in YAML."""
    if value is None:
        return _("nothing")
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return repr(value if len(value) <= 40 else value[:37] + "...")
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, list):
        return _("a list")
    if isinstance(value, dict):
        return _("a mapping")
    return _("a {type}").format(type=type(value).__name__)


def _step(kind: Any, part: int | str) -> Any:
    """The type found at `part` inside `kind` (a model's field, a list's item), None if none."""
    kind = _unwrap(kind)
    if isinstance(part, int):
        args = get_args(kind)
        return args[0] if args else None
    if isinstance(kind, type) and issubclass(kind, BaseModel) and part in kind.model_fields:
        return kind.model_fields[part].annotation
    return None


def _unwrap(kind: Any) -> Any:
    """`X | None` as `X`."""
    args = [a for a in get_args(kind) if a is not type(None)]
    return args[0] if len(args) == 1 and type(None) in get_args(kind) else kind


def _owner(model: type[BaseModel], loc: tuple[int | str, ...]) -> type[BaseModel] | None:
    kind: Any = model
    for part in loc:
        kind = _step(kind, part)
    kind = _unwrap(kind)
    return kind if isinstance(kind, type) and issubclass(kind, BaseModel) else None


def _fields(model: type[BaseModel], loc: tuple[int | str, ...]) -> list[str]:
    owner = _owner(model, loc)
    return list(owner.model_fields) if owner else []


def _example(model: type[BaseModel], loc: tuple[int | str, ...]) -> str:
    owner = _owner(model, loc[:-1])
    info = owner.model_fields.get(str(loc[-1])) if owner else None
    if info is None or not info.examples:
        return ""
    return _flow(info.examples[0])


def _flow(value: Any) -> str:
    """A value in YAML's one-line (flow) style."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return f"[{', '.join(_flow(v) for v in value)}]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, str) and ": " in value:  # YAML needs the quotes
        return json.dumps(value)
    return str(value)
