"""The `dlkata` command: each command parses its options, calls one library function and renders
the result. Heavy modules (NumPy, pytest) are imported inside commands, so `--help` stays fast.

Exit codes: 0 success, 1 a kata failed or could not be graded, 2 a usage or configuration error
(the message says how to proceed), 3 an internal error of dlkata, 5 nothing was graded.
"""

from __future__ import annotations

import contextlib
import inspect
import os
import sys
import traceback
from collections.abc import Callable, Iterator
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.markup import escape
from typer.core import TyperCommand, TyperGroup

from dlkata import __version__, i18n
from dlkata.catalogue import Kata, UnknownKata, get_kata, load_catalogue
from dlkata.grading import JudgePool
from dlkata.i18n import N_, _, ngettext
from dlkata.language import decide
from dlkata.problems import InvalidFile, file_problem, shown
from dlkata.render.color import ColorMode, choose_color, console_options
from dlkata.workspace import Workspace, WorkspaceError, resolve_workspace

if TYPE_CHECKING:
    from dlkata.checking import CheckOutcome
    from dlkata.init import Leftover
    from dlkata.limits import Limits
    from dlkata.render.text import Verbosity
    from dlkata.results import KataResult
    from dlkata.scaffold import Scaffolded


class _ClickWords:
    """The help option's and the usage line's words, which Click writes itself, in the language
    of this run."""

    def get_help_option(self, ctx: typer.Context) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = _("Show this message and exit.")
        return option

    def format_usage(self, ctx: typer.Context, formatter: Any) -> None:
        pieces = self.collect_usage_pieces(ctx)  # type: ignore[attr-defined]
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=_("Usage: "))


class Command(_ClickWords, TyperCommand):
    """Every command's class (set where the commands are registered, below)."""


class Commands(_ClickWords, TyperGroup):
    """Every command: a problem the user can fix (a broken `kata.yaml` or `dlkata.yaml`, a
    workspace that cannot be read or written) is exit 2 with its message, never a traceback.
    Typer's shell-completion options keep working but stay out of the option table, where a
    20-character name is cut on a terminal narrower than about 64 columns; the help names them."""

    def invoke(self, ctx: typer.Context) -> object:
        try:
            return super().invoke(ctx)
        except (InvalidFile, WorkspaceError) as exc:
            usage_error(str(exc))
        except OSError as exc:
            if exc.filename is None:  # no file to name: not the user's to fix
                raise
            usage_error(file_problem(exc))

    def get_params(self, ctx: typer.Context) -> list[Any]:
        params = super().get_params(ctx)
        for param in params:
            if param.name in ("install_completion", "show_completion"):
                param.hidden = True
        return params


app = typer.Typer(
    name="dlkata",
    cls=Commands,
    help=_(
        "Deep-learning katas graded like a demanding interviewer: implement the building blocks "
        "in NumPy, get exact PyTorch semantics, gradient checks and statistics.\n\n"
        "Start with dlkata list, then dlkata new linear, then dlkata check linear.\n\n"
        "Shell completion of commands and kata ids: dlkata --install-completion (then open a new "
        "shell), or dlkata --show-completion to see the script."
    ),
    no_args_is_help=True,
    # Markdown: a docstring's paragraphs reflow to the terminal's width, whatever their line breaks
    rich_markup_mode="markdown",
    context_settings={"help_option_names": ["-h", "--help"]},
)


class ListFormat(str, Enum):
    text = "text"
    json = "json"


class ReportFormat(str, Enum):
    text = "text"
    json = "json"
    junit = "junit"
    github = "github"
    markdown = "markdown"


DirOption = Annotated[
    Path | None,
    typer.Option(
        "--dir",
        metavar="DIR",
        help=_(
            "Workspace folder (default: $DLKATA_WORKSPACE, the nearest dlkata.yaml's, or "
            "./workspace)."
        ),
        show_default=False,
    ),
]
ListFormatOption = Annotated[ListFormat, typer.Option("--format", help=_("Output format."))]


def complete_kata(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """The kata ids that start with what was typed, each with its title (zsh and fish show it),
    leaving out those already on the command line."""
    from dlkata.catalogue import CatalogueError

    given = {v for value in ctx.params.values() if isinstance(value, (list, tuple)) for v in value}
    try:
        katas = load_catalogue().values()
    except CatalogueError:  # a broken kata folder: no suggestions, and no traceback in the shell
        return []
    return [(k.id, k.title) for k in katas if k.id.startswith(incomplete) and k.id not in given]


KataArgument = Annotated[
    str,
    typer.Argument(
        metavar="KATA", help=_("The kata's id, e.g. conv2d."), autocompletion=complete_kata
    ),
]
VerboseOption = Annotated[
    bool,
    typer.Option("--verbose", "-v", help=_("List each test, and every failure with its facts.")),
]
QuietOption = Annotated[
    bool, typer.Option("--quiet", "-q", help=_("Print only the verdict line of each kata."))
]


def _choose_color(value: ColorMode | None) -> ColorMode | None:
    """A command's `--color`: it overrides the root's, and the environment's."""
    if value is not None:
        choose_color(value)
    return value


def _reset_color(value: ColorMode | None) -> ColorMode | None:
    """The root's `--color`, read on every command line: `auto` unless given."""
    choose_color(value or ColorMode.auto)
    return value


_COLOR_HELP = _(
    "Colours and styles: auto (on a terminal, unless NO_COLOR is set or FORCE_COLOR forces "
    "them), always, or never (plain text)."
)


def _color_option(callback: Callable[[ColorMode | None], ColorMode | None]) -> Any:
    """On every command (`dlkata check linear --color never`) as well as before one: the value
    is taken by its callback, so the commands' functions do not receive it."""
    return typer.Option(
        "--color",
        metavar="WHEN",
        help=_COLOR_HELP,
        callback=callback,
        is_eager=True,
        expose_value=False,
        show_default=False,
    )


ColorOption = Annotated[
    ColorMode | None,
    _color_option(_choose_color),
]


class Lang(str, Enum):
    en = "en"
    zh = "zh"


def _reset_language(value: Lang | None) -> Lang | None:
    """The root's `--lang`, read on every command line: unless given, the language is decided
    again from the environment, `dlkata.yaml` and the locale (a notebook or a test may run many
    commands in one process)."""
    configured = os.environ.get("DLKATA_LANG")
    if value is None and configured and configured not in i18n.LANGUAGES:
        usage_error(
            _(
                "DLKATA_LANG must be one of {choices}, got {value!r}: e.g. export DLKATA_LANG=zh"
            ).format(choices=", ".join(i18n.LANGUAGES), value=configured)
        )
    i18n.use(value.value if value is not None else decide(sys.argv[1:], os.environ))
    return value


def _choose_language(value: Lang | None) -> Lang | None:
    """A command's `--lang`: it overrides the root's, the environment's and the file's."""
    if value is not None:
        i18n.use(value.value)
    return value


def _lang_option(callback: Callable[[Lang | None], Lang | None]) -> Any:
    """On every command (`dlkata check linear --lang zh`) as well as before one."""
    return typer.Option(
        "--lang",
        metavar="LANG",
        help=_(
            "Language of every message: en or zh (default: $DLKATA_LANG, else lang: in "
            "dlkata.yaml, else the locale, e.g. LANG=zh_CN.UTF-8)."
        ),
        callback=callback,
        is_eager=True,
        expose_value=False,
        show_default=False,
    )


LangOption = Annotated[Lang | None, _lang_option(_choose_language)]


def out(*, stderr: bool = False) -> Console:
    """A console made per command, so that `--color`, NO_COLOR, FORCE_COLOR and the terminal are
    read when the command runs (rich decides colour when a console is made). Without colour, no
    styles at all; piped, lines are not cut at 80 columns: whatever reads them wraps them, or
    not."""
    console = Console(stderr=stderr, highlight=False, **console_options())
    console.soft_wrap = not console.is_terminal
    return console


def warn(warnings: list[str] | tuple[str, ...]) -> None:
    for warning in warnings:
        out(stderr=True).print(_("[yellow]Warning:[/yellow] {warning}").format(warning=warning))


def usage_error(message: str) -> NoReturn:
    """Exit 2 with a message that says how to proceed: one line per problem."""
    console = out(stderr=True)
    for line in message.splitlines():
        console.print(_("[red]Error:[/red] {problem}").format(problem=escape(line)))
    raise typer.Exit(2)


def find_kata(kata_id: str) -> Kata:
    try:
        return get_kata(kata_id)
    except UnknownKata as exc:
        usage_error(str(exc))


def open_workspace(directory: Path | None) -> Workspace:
    try:
        return resolve_workspace(directory)
    except WorkspaceError as exc:
        usage_error(str(exc))


def version_callback(value: bool) -> None:
    if value:
        print(f"dlkata {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool | None,
        typer.Option(
            "--version", "-V", callback=version_callback, is_eager=True, help=_("Show the version.")
        ),
    ] = None,
    color: Annotated[ColorMode | None, _color_option(_reset_color)] = None,
    lang: Annotated[Lang | None, _lang_option(_reset_language)] = None,
    course: Annotated[
        Path | None,
        typer.Option(
            "--course",
            metavar="DIR",
            help=_(
                "A course's folder: its own katas (katas/, or the katas: of its dlkata.yaml) "
                "beside dlkata's (default: $DLKATA_COURSE, or the katas: of the nearest "
                "dlkata.yaml)."
            ),
            show_default=False,
        ),
    ] = None,
) -> None:
    """Deep-learning katas, graded."""
    from dlkata.course import use_course

    if course is not None and not course.is_dir():
        usage_error(_("--course {path}: no such folder.").format(path=course))
    use_course(course)


@app.command("list")
def list_katas(
    directory: DirOption = None,
    output: ListFormatOption = ListFormat.text,
    color: ColorOption = None,
    lang: LangOption = None,
) -> None:
    """List the katas with your progress.

    Example: dlkata list --format json
    """
    import json

    from dlkata.progress import course_status
    from dlkata.render.listing import render_list_text

    status, warnings = course_status(open_workspace(directory))
    warn(warnings)
    if output is ListFormat.json:
        katas = [
            {
                "id": k.id,
                "title": k.title,
                "topic": k.topic,
                "difficulty": k.difficulty,
                "prerequisites": list(k.prerequisites),
                "status": p.value,
            }
            for k, p in status.katas
        ]
        print(json.dumps({"katas": katas}, indent=2))
        return
    render_list_text(status, out())


@app.command()
def new(
    kata_id: KataArgument,
    directory: DirOption = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help=_("Replace an existing file (a backup copy is kept in .dlkata/backups)."),
        ),
    ] = False,
    color: ColorOption = None,
    lang: LangOption = None,
) -> None:
    """Write the kata's stub into your workspace, ready to implement.

    Example: dlkata new conv2d --dir my-solutions
    """
    from dlkata.scaffold import scaffold

    kata = find_kata(kata_id)
    try:
        written = scaffold(kata, open_workspace(directory), force=force)
    except WorkspaceError as exc:
        usage_error(str(exc))
    _report_written(written, kata)


def _report_written(written: Scaffolded, kata: Kata) -> None:
    console = out()
    if written.backup:
        console.print(_("Your previous file was backed up to {path}").format(path=written.backup))
    console.print(_("[green]Wrote[/green] {path}").format(path=written.path))
    console.print(
        _(
            "Next: implement it, then `dlkata check {kata}` (or `dlkata watch {kata}`). "
            "`dlkata explain {kata}` teaches the concept."
        ).format(kata=kata.id)
    )


@app.command()
def restore(
    kata_id: KataArgument,
    backup: Annotated[
        str | None,
        typer.Argument(help=_("Which backup (a name from --list); the latest by default.")),
    ] = None,
    list_backups: Annotated[
        bool, typer.Option("--list", help=_("List the kata's backups, oldest first."))
    ] = False,
    directory: DirOption = None,
    color: ColorOption = None,
    lang: LangOption = None,
) -> None:
    """Bring back your file from a backup (`new --force` and `reset` keep one each time).

    Your current file is backed up first, so a restore loses nothing either.

    Examples:

    - dlkata restore conv2d
    - dlkata restore conv2d --list
    """
    from dlkata.scaffold import restore as restore_kata

    kata = find_kata(kata_id)
    workspace = open_workspace(directory)
    if list_backups:
        names = [path.name for path in workspace.backups(kata.id)]
        out().print(
            "\n".join(names)
            if names
            else _("There is no backup of {kata} yet.").format(kata=kata.id)
        )
        return
    try:
        written = restore_kata(kata, workspace, backup)
    except WorkspaceError as exc:
        usage_error(str(exc))
    console = out()
    console.print(_("Restored {path} from its backup.").format(path=written.path))
    if written.backup:
        console.print(_("The file it replaced was backed up to {path}").format(path=written.backup))


@app.command()
def reset(
    kata_id: KataArgument,
    directory: DirOption = None,
    color: ColorOption = None,
    lang: LangOption = None,
) -> None:
    """Put the kata's stub back and start over (hints too); your file is backed up first.

    Example: dlkata reset conv2d
    """
    from dlkata.scaffold import reset as reset_kata

    kata = find_kata(kata_id)
    written = reset_kata(kata, open_workspace(directory))
    warn(written.warnings)
    _report_written(written, kata)


def _check_memory(value: str | None) -> str | None:
    from dlkata.checking import parse_memory

    if value is not None:
        try:
            parse_memory(value)
        except ValueError as exc:
            raise typer.BadParameter(str(exc)) from exc
    return value


def _at_least(minimum: float) -> Callable[[float | None], float | None]:
    """A check of a number of seconds (as a callback rather than `min=`, whose `[x>=0.1]` would
    widen the help's type column until the help text itself is cut on a narrow terminal)."""

    def check(value: float | None) -> float | None:
        if value is not None and value < minimum:
            raise typer.BadParameter(
                _("{value:g} is too short: give at least {minimum:g} seconds.").format(
                    value=value, minimum=minimum
                )
            )
        return value

    return check


TimeoutOption = Annotated[
    float | None,
    typer.Option(
        "--timeout",
        metavar="SECONDS",
        callback=_at_least(0.1),
        show_default=False,
        help=_(
            "Seconds allowed for one call into your code, at least 0.1 (default: dlkata.yaml's, "
            "else 10)."
        ),
    ),
]
KataTimeoutOption = Annotated[
    float | None,
    typer.Option(
        "--kata-timeout",
        metavar="SECONDS",
        callback=_at_least(1.0),
        show_default=False,
        help=_(
            "Seconds allowed for one kata's tests in all, at least 1 (default: dlkata.yaml's, "
            "else 60)."
        ),
    ),
]
MemoryOption = Annotated[
    str | None,
    typer.Option(
        "--memory-limit",
        metavar="SIZE",
        callback=_check_memory,
        show_default=False,
        help=_("Memory your code may use, e.g. 512M or 2G (default: dlkata.yaml's, else 2G)."),
    ),
]


@app.command()
def check(
    katas: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[KATA]...", help=_("Katas to grade."), autocompletion=complete_kata
        ),
    ] = None,
    all_katas: Annotated[
        bool,
        typer.Option(
            "--all", help=_("Grade every kata; those not started are reported as skipped.")
        ),
    ] = False,
    file: Annotated[
        Path | None,
        typer.Option(
            "--file", metavar="FILE", help=_("Grade this file (one kata only)."), show_default=False
        ),
    ] = None,
    directory: DirOption = None,
    output: Annotated[
        ReportFormat,
        typer.Option(
            "--format",
            metavar="FORMAT",
            help=_(
                "text (a terminal report), json, junit (XML), github (a readable log with "
                "annotations, and a job summary in $GITHUB_STEP_SUMMARY) or markdown (that "
                "summary)."
            ),
        ),
    ] = ReportFormat.text,
    destination: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help=_("Write the report to this file instead of stdout."),
            show_default=False,
        ),
    ] = None,
    junit: Annotated[
        Path | None,
        typer.Option(
            "--junit",
            metavar="FILE",
            help=_("Also write a JUnit XML report to this file (for CI)."),
            show_default=False,
        ),
    ] = None,
    timeout: TimeoutOption = None,
    kata_timeout: KataTimeoutOption = None,
    memory_limit: MemoryOption = None,
    require_all: Annotated[
        bool,
        typer.Option(
            "--require-all",
            help=_("Count katas not started as failures, also with --all and in CI."),
        ),
    ] = False,
    verbose: VerboseOption = False,
    quiet: QuietOption = False,
    color: ColorOption = None,
    lang: LangOption = None,
) -> None:
    """Grade your solutions with the hidden tests.

    With --all or in CI ($CI set) a kata not started is skipped, not failed, unless dlkata.yaml
    requires it or --require-all is given. Exit code 0 when every graded kata passed, 1 when one
    failed or could not be graded, 2 for a usage or configuration error, 3 for an internal error
    of dlkata, 5 when nothing was graded (no kata file in the workspace).

    Examples:

    - dlkata check conv2d
    - dlkata check --all --format github --junit report.xml
    - dlkata check linear --file my_linear.py
    """
    from dlkata.checking import resolve_limits, run_check
    from dlkata.render.live import CheckProgress, wants_progress

    verbosity = _verbosity(verbose, quiet)
    workspace = open_workspace(directory)
    console = out()
    live = output is ReportFormat.text and wants_progress(console)
    try:
        limits = resolve_limits(
            workspace, timeout=timeout, kata_timeout=kata_timeout, memory_limit=memory_limit
        )
        with CheckProgress(console, katas or [], enabled=live) as progress:
            outcome = run_check(
                workspace,
                katas or [],
                all_katas=all_katas,
                file=file,
                limits=limits,
                lenient=all_katas or bool(os.environ.get("CI")),
                require_all=require_all,
                pool=JUDGES,
                on_progress=progress,
                keep_cases=local_check(output, junit),
            )
    except WorkspaceError as exc:
        usage_error(str(exc))
    warn(outcome.warnings)
    _emit(outcome, output, destination, verbosity)
    if junit is not None:
        from dlkata.render.junit import render_junit

        _write(junit, render_junit(outcome.results))
    verdict = outcome.summary.verdict
    if verdict == "failed":  # a required kata not started fails, even when nothing else was found
        raise typer.Exit(1)
    if verdict == "nothing_graded":
        where = workspace.root
        message = (
            _(
                "[yellow]Nothing was graded:[/yellow] the workspace {where} does not exist. Start "
                "a kata with `dlkata next` or `dlkata new KATA`."
            )
            if not where.is_dir()
            else _(
                "[yellow]Nothing was graded:[/yellow] the workspace {where} holds no kata file. "
                "Start a kata with `dlkata next` or `dlkata new KATA`."
            )
        )
        out(stderr=True).print(message.format(where=where))
        raise typer.Exit(NOTHING_GRADED)


def local_check(output: ReportFormat, junit: Path | None = None) -> bool:
    """Whether a check serves a learner at their desk, who may replay its failing calls: never
    in CI ($CI set, a CI format, a JUnit file), where expected values must not be written."""
    return (
        output in (ReportFormat.text, ReportFormat.json)
        and junit is None
        and not os.environ.get("CI")
    )


def _verbosity(verbose: bool, quiet: bool) -> Verbosity:
    from dlkata.render.text import Verbosity

    if verbose and quiet:
        usage_error(_("--verbose and --quiet ask for opposite things: give one of them."))
    return Verbosity.VERBOSE if verbose else Verbosity.QUIET if quiet else Verbosity.NORMAL


def _emit(
    outcome: CheckOutcome, output: ReportFormat, destination: Path | None, verbosity: Verbosity
) -> None:
    """Render a check in one format to stdout or a file; `github` also writes the job summary.
    The verbosity is for the readable report (text, and github's log)."""
    results = outcome.results
    if output is ReportFormat.json:
        from dlkata.render.json_report import render_json

        _send(render_json(results, outcome.summary), destination)
    elif output is ReportFormat.junit:
        from dlkata.render.junit import render_junit

        _send(render_junit(results), destination)
    elif output is ReportFormat.markdown:
        from dlkata.render.markdown import render_markdown

        _send(render_markdown(results), destination)
    else:
        _emit_text(results, output, destination, verbosity)


def _emit_text(
    results: list[KataResult],
    output: ReportFormat,
    destination: Path | None,
    verbosity: Verbosity,
) -> None:
    import io

    from dlkata.render.text import render_text

    stream = io.StringIO() if destination else None
    console = (
        Console(file=stream, highlight=False, force_terminal=False, color_system=None)
        if stream
        else out()
    )
    if output is not ReportFormat.github:
        render_text(results, console, verbosity=verbosity)
    else:
        from dlkata.render.github import render_github_log
        from dlkata.render.markdown import render_markdown

        root = Path(os.environ.get("GITHUB_WORKSPACE") or Path.cwd())
        render_github_log(results, console, root, verbosity=verbosity)
        summary = os.environ.get("GITHUB_STEP_SUMMARY")
        if summary:
            _write(Path(summary), render_markdown(results) + "\n", append=True)
    if stream is not None and destination is not None:
        _write(destination, stream.getvalue())


def _send(text: str, destination: Path | None) -> None:
    if destination is None:
        print(text)
    else:
        _write(destination, text + "\n")


def _write(path: Path, text: str, *, append: bool = False) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "a" if append else "w", encoding="utf-8") as handle:
            handle.write(text)
    except OSError as exc:
        usage_error(file_problem(exc, path, _("cannot write")))


SolutionFileOption = Annotated[
    Path | None,
    typer.Option(
        "--file",
        metavar="FILE",
        help=_("Run this file instead of the workspace's (e.g. one graded with --file)."),
        show_default=False,
    ),
]


@app.command()
def replay(
    kata_id: KataArgument,
    number: Annotated[
        int, typer.Argument(metavar="N", help=_("The case's number, as the report shows it."))
    ],
    file: SolutionFileOption = None,
    directory: DirOption = None,
    timeout: TimeoutOption = None,
    memory_limit: MemoryOption = None,
    color: ColorOption = None,
    lang: LangOption = None,
) -> None:
    """Run a failing call of the last check again on your current file, and show your result
    beside the expected one.

    `dlkata check` saves each failing comparison's call in .dlkata/failures/KATA/N.npz (locally,
    never in CI); the report names it under the failure. Exit code 0 when your result now
    matches, 1 when it still differs, 2 when there is no such case.

    Example: dlkata replay conv2d 3
    """
    from dlkata.failure_cases import CaseError, load_case
    from dlkata.render.replay import render_replay
    from dlkata.replay import replay as run_replay

    kata = find_kata(kata_id)
    workspace = open_workspace(directory)
    try:
        case = load_case(workspace, kata.id, number)
    except CaseError as exc:
        usage_error(str(exc))
    solution, limits = _learner_file(workspace, kata, file, timeout, memory_limit)
    done = run_replay(kata, case, solution, limits)
    title = _("{kata} case {number}").format(kata=kata.id, number=number)
    render_replay(done, out(), title)
    raise typer.Exit(0 if done.matches else 1)


@app.command("try")
def try_function(
    kata_id: KataArgument,
    function: Annotated[
        str, typer.Argument(metavar="FUNCTION", help=_("The kata's function to call."))
    ],
    args: Annotated[
        Path,
        typer.Option(
            "--args",
            metavar="FILE.npz",
            help=_(
                "The arguments: arrays named after the parameters (x, w, ...) or arg0, arg1, "
                "...; a 0-d array is passed as a number."
            ),
        ),
    ],
    file: SolutionFileOption = None,
    directory: DirOption = None,
    timeout: TimeoutOption = None,
    memory_limit: MemoryOption = None,
    color: ColorOption = None,
    lang: LangOption = None,
) -> None:
    """Call your function on your own inputs, in the grader's sandbox, and show the
    reference's result beside yours.

    Make the inputs in Python, e.g. np.savez("in.npz", x=x, w=w, b=b, stride=2). Exit code 0
    when both results match, 1 when they differ or your code raised, 2 for a usage error.

    Example: dlkata try conv2d conv2d_forward --args in.npz
    """
    from dlkata.render.replay import render_replay
    from dlkata.replay import ReplayError, arguments_from, try_call

    kata = find_kata(kata_id)
    workspace = open_workspace(directory)
    solution, limits = _learner_file(workspace, kata, file, timeout, memory_limit)
    try:
        arrays = _read_arrays(args)
        call_args, call_kwargs = arguments_from(kata, function, arrays)
        done = try_call(kata, function, call_args, call_kwargs, solution, limits)
    except ReplayError as exc:
        usage_error(str(exc))
    title = _("{kata}, your inputs").format(kata=kata.id)
    render_replay(done, out(), title)
    raise typer.Exit(0 if done.matches else 1)


def _read_arrays(path: Path) -> dict[str, Any]:
    """The arrays of an `.npz` file, read without pickle (no object can come out of it)."""
    import zipfile

    import numpy as np

    from dlkata.replay import ReplayError

    try:
        with np.load(path, allow_pickle=False) as data:
            if not isinstance(data, np.lib.npyio.NpzFile):
                raise ValueError(_("not an .npz archive"))
            return {name: data[name] for name in data.files}
    except (OSError, ValueError, zipfile.BadZipFile) as exc:
        raise ReplayError(
            _(
                "{path} cannot be read as arguments ({error}): write it with np.savez, e.g. "
                'np.savez("in.npz", x=x, w=w).'
            ).format(path=path, error=exc)
        ) from None


def _learner_file(
    workspace: Workspace,
    kata: Kata,
    file: Path | None,
    timeout: float | None,
    memory_limit: str | None,
) -> tuple[Path, Limits]:
    """The learner's file to run (`--file`, else the workspace's) and the limits for it."""
    from dlkata.checking import resolve_limits

    solution = file or workspace.file_for(kata.id)
    if not solution.is_file():
        usage_error(
            _("{path} does not exist. Create it with `dlkata new {kata}`.").format(
                path=solution, kata=kata.id
            )
        )
    limits = resolve_limits(workspace, timeout=timeout, memory_limit=memory_limit)
    return solution, limits


@app.command()
def watch(
    kata_id: Annotated[
        str | None,
        typer.Argument(
            metavar="[KATA]",
            help=_("The kata to grade (default: whichever you save)."),
            autocompletion=complete_kata,
            show_default=False,
        ),
    ] = None,
    directory: DirOption = None,
    verbose: VerboseOption = False,
    quiet: QuietOption = False,
    color: ColorOption = None,
    lang: LangOption = None,
) -> None:
    """Grade again every time you save; Ctrl-C stops.

    Without a kata, grades whichever kata file of the workspace you save (first the one you
    changed last).

    Example: dlkata watch conv2d
    """
    from dlkata.checking import resolve_limits, run_check
    from dlkata.render.live import CheckProgress, wants_progress
    from dlkata.render.text import render_text
    from dlkata.watch import watch as watch_files

    verbosity = _verbosity(verbose, quiet)
    workspace = open_workspace(directory)
    try:
        limits = resolve_limits(workspace)
    except WorkspaceError as exc:
        usage_error(str(exc))
    ids = [find_kata(kata_id).id] if kata_id else list(load_catalogue())
    files = {workspace.file_for(k): k for k in ids}
    existing = [p for p in files if p.is_file()]
    if kata_id and not existing:
        usage_error(
            _("{path} does not exist. Create it with `dlkata new {kata}`.").format(
                path=workspace.file_for(ids[0]), kata=ids[0]
            )
        )
    console = out()
    where = (
        f"{ids[0]}.py" if kata_id else _("the kata files in {folder}").format(folder=workspace.root)
    )

    def regrade(changed: list[Path]) -> None:
        names = [files[p] for p in changed]
        try:
            with CheckProgress(console, names, enabled=wants_progress(console)) as progress:
                outcome = run_check(
                    workspace,
                    names,
                    limits=limits,
                    pool=JUDGES,
                    on_progress=progress,
                    keep_cases=local_check(ReportFormat.text),
                )
        except WorkspaceError as exc:  # e.g. a file deleted since it was saved
            console.print(_("[red]Error:[/red] {problem}").format(problem=exc))
            return
        if console.is_terminal:
            console.clear()
        else:
            console.rule()
        warn(outcome.warnings)
        render_text(outcome.results, console, verbosity=verbosity)

    def ready() -> None:
        # the next save is graded by a judge that is ready and waiting: for one kata, with its
        # tests already collected
        JUDGES.warm(1, [get_kata(ids[0])] if kata_id else None, limits)
        if any(path.is_file() for path in files):
            console.print(
                _("[dim]Watching {where}: save to grade again, Ctrl-C to stop.[/dim]").format(
                    where=where
                )
            )
        else:
            console.print(
                _(
                    "Watching {where}; none exists yet (`dlkata next` writes one). Ctrl-C to stop."
                ).format(where=where)
            )

    latest = sorted(existing, key=lambda p: p.stat().st_mtime_ns)[-1:]
    watch_files(lambda: list(files), regrade, initial=latest, ready=ready)
    console.print(_("Stopped watching."))


@app.command()
def status(
    directory: DirOption = None,
    output: ListFormatOption = ListFormat.text,
    color: ColorOption = None,
    lang: LangOption = None,
) -> None:
    """Your progress: overall and per topic, the katas passed, in progress and not started, and
    the kata to do next.

    Example: dlkata status --format json
    """
    from dlkata.progress import course_status
    from dlkata.render.status import render_status_json, render_status_text

    course, warnings = course_status(open_workspace(directory))
    warn(warnings)
    if output is ListFormat.json:
        print(render_status_json(course))
    else:
        render_status_text(course, out())


@app.command("next")
def next_kata(
    directory: DirOption = None, color: ColorOption = None, lang: LangOption = None
) -> None:
    """Start the next kata: the first whose prerequisites you have passed (required katas
    first). Writes its stub into your workspace.

    Example: dlkata next
    """
    from dlkata.progress import Progress, course_status
    from dlkata.scaffold import scaffold

    workspace = open_workspace(directory)
    course, warnings = course_status(workspace)
    warn(warnings)
    kata = course.next
    if kata is None:
        left = course.ids(Progress.IN_PROGRESS)
        out().print(
            _("Every kata is started. Finish {katas}: `dlkata check {first}`.").format(
                katas=", ".join(left), first=left[0]
            )
            if left
            else _("[green]Every kata passed.[/green] Well done.")
        )
        return
    if workspace.file_for(kata.id).exists():
        out().print(
            _(
                "Next: {kata} ({title}). Its stub is waiting in {path}; `dlkata check {kata}` "
                "grades it."
            ).format(kata=kata.id, title=kata.title, path=workspace.file_for(kata.id))
        )
        return
    written = scaffold(kata, workspace)
    out().print(
        _("Next: [bold]{kata}[/bold] ({title}). {summary}").format(
            kata=kata.id, title=escape(kata.title), summary=escape(kata.summary)
        )
    )
    _report_written(written, kata)


@app.command()
def init(
    target: Annotated[
        Path, typer.Argument(metavar="[DIR]", help=_("The repository to set up."))
    ] = Path("."),
    folder: Annotated[
        str, typer.Option("--workspace", help=_("Folder for your kata files, inside DIR."))
    ] = "solutions",
    required: Annotated[
        list[str] | None,
        typer.Option(
            "--require",
            metavar="KATA",
            autocompletion=complete_kata,
            help=_(
                "A kata your course requires (repeat for several); not started, it fails the check."
            ),
            show_default=False,
        ),
    ] = None,
    install: Annotated[
        str | None,
        typer.Option(
            "--install",
            metavar="SPEC",
            show_default=False,
            help=_(
                "What the workflow installs with pip: your fork, as git+ and its address "
                "(default: '.' in a fork of dlkata; needed elsewhere, as dlkata is not on the "
                "package index yet)."
            ),
        ),
    ] = None,
    move: Annotated[
        bool,
        typer.Option(
            "--move-workspace",
            help=_(
                "Move the kata files and progress already in DIR/workspace to the new folder "
                "(default: ask on a terminal, else keep them there)."
            ),
        ),
    ] = False,
    keep: Annotated[
        bool,
        typer.Option("--keep-workspace", help=_("Leave them in DIR/workspace without asking.")),
    ] = False,
    force: Annotated[bool, typer.Option("--force", help=_("Replace existing files."))] = False,
    course: Annotated[
        bool,
        typer.Option(
            "--course",
            help=_(
                "Set up a course repository instead (for teachers): dlkata.yaml with points, a "
                "roster and a workflow that grades the class."
            ),
        ),
    ] = False,
    shards: Annotated[
        int | None,
        typer.Option(
            "--shards",
            metavar="N",
            help=_("With --course: machines the workflow grades the roster on (default: 4)."),
            show_default=False,
        ),
    ] = None,
    color: ColorOption = None,
    lang: LangOption = None,
) -> None:
    """Make a folder (your fork, or any git repository) a dlkata workspace: a dlkata.yaml and a
    GitHub Actions workflow that grades every push. With --course, a teacher's course
    repository: a workflow grades the class on several machines and merges one gradebook.

    Examples:

    - dlkata init . --require linear --require conv2d
    - dlkata init my-repo --install git+https://github.com/YOU/dlkata
    - dlkata init --move-workspace
    - dlkata init --course my-course --install git+https://github.com/YOU/dlkata@v1.0
    """
    from dlkata.init import (
        INSTALL_EXAMPLE,
        MAX_SHARDS,
        find_leftover,
        initialise,
        refuse_overwrite,
    )

    if not target.is_dir():
        usage_error(_("{path} is not a folder.").format(path=target))
    if shards is not None and not 1 <= shards <= MAX_SHARDS:
        usage_error(
            _("--shards {count}: give 1 to {most} machines (a GitHub Actions matrix).").format(
                count=shards, most=MAX_SHARDS
            )
        )
    if course:
        if required or move or keep or folder != "solutions":
            usage_error(
                _(
                    "--workspace, --require, --move-workspace and --keep-workspace set up a "
                    "learner's workspace: leave them out with --course."
                )
            )
        _init_course(target, shards, install, force)
        return
    if shards is not None:
        usage_error(_("--shards sets up a course's grading: add --course."))
    if move and keep:
        usage_error(_("--move-workspace and --keep-workspace contradict each other: choose one."))
    choice = True if move else False if keep else None
    names = [find_kata(k).id for k in required or []]
    try:
        leftover = find_leftover(target, folder)
        refuse_overwrite(target, force)  # before asking anything
        moving = leftover is not None and _ask_to_move(leftover, choice)
        made = initialise(
            target,
            folder=folder,
            required=names,
            install=install,
            force=force,
            move=leftover if moving else None,
        )
    except WorkspaceError as exc:
        usage_error(str(exc))
    console = out()
    console.print(_("[green]Wrote[/green] {path}").format(path=made.config))
    if made.install is None:
        console.print(_("[green]Wrote[/green] {path}").format(path=made.workflow))
        out(stderr=True).print(
            _(
                "[yellow]Warning:[/yellow] dlkata is not on the package index yet, so the "
                "workflow cannot install it by name: its install step fails, saying so, until you "
                "name a repository that holds dlkata, e.g. your fork: `dlkata init --force "
                "--install {example}`."
            ).format(example=INSTALL_EXAMPLE)
        )
    else:
        console.print(
            _("[green]Wrote[/green] {path} (installs `{spec}`)").format(
                path=made.workflow, spec=made.install
            )
        )
    if leftover is not None and made.moved:
        console.print(
            _("Moved {what} from {source} to {folder}.").format(
                what=_leftover_words(leftover), source=leftover.source, folder=made.folder
            )
        )
    elif leftover is not None:
        kept = (
            _(
                "[yellow]Kept[/yellow] {what} in {source} (no terminal to ask), but dlkata now "
                "reads {folder}. To move them there, run this `dlkata init` again with "
                "`--force --move-workspace`."
            )
            if choice is None and not _on_terminal()
            else _(
                "[yellow]Kept[/yellow] {what} in {source}, but dlkata now reads {folder}. To "
                "move them there, run this `dlkata init` again with `--force --move-workspace`."
            )
        )
        console.print(
            kept.format(what=_leftover_words(leftover), source=leftover.source, folder=made.folder)
        )
    console.print(_("Your kata files go in {folder}.").format(folder=made.folder))
    console.print(
        _(
            "Next: `dlkata next` writes your first kata. Commit these files and push: the "
            "Actions tab grades every push, with a summary and annotations on your code."
        )
    )


def _init_course(target: Path, shards: int | None, install: str | None, force: bool) -> None:
    """`dlkata init --course`: write the course's files and say what the teacher does next."""
    from dlkata.init import DEFAULT_SHARDS, INSTALL_EXAMPLE, initialise_course

    try:
        made = initialise_course(
            target, shards=shards or DEFAULT_SHARDS, install=install, force=force
        )
    except WorkspaceError as exc:
        usage_error(str(exc))
    console = out()
    for path in made.files:
        if path == made.workflow:
            console.print(
                ngettext(
                    "[green]Wrote[/green] {path} (grades the roster on {count} machine, then "
                    "merges)",
                    "[green]Wrote[/green] {path} (grades the roster on {count} machines, then "
                    "merges)",
                    made.shards,
                ).format(path=path, count=made.shards)
            )
        else:
            console.print(_("[green]Wrote[/green] {path}").format(path=path))
    if made.install is None:
        out(stderr=True).print(
            _(
                "[yellow]Warning:[/yellow] dlkata is not on the package index yet, so the "
                "workflow cannot install it by name: its install steps fail, saying so, until "
                "you name a repository that holds dlkata, pinned to a tag so that every machine "
                "grades alike: `dlkata init --course --force --install {example}@v1.0`."
            ).format(example=INSTALL_EXAMPLE)
        )
    console.print(
        _(
            "Next: put your katas in katas/ (`dlkata kata new ID`), list your students in "
            "roster.csv (each student's repository a submodule under submissions/), set the "
            "salt once with `gh secret set DLKATA_SALT`, push, and run the workflow from the "
            "Actions tab: its `gradebook` artifact holds gradebook.csv and summary.md."
        )
    )


def _ask_to_move(leftover: Leftover, choice: bool | None) -> bool:
    """The flag's answer; else the learner's, on a terminal; else keep (a script never waits)."""
    if choice is not None or not _on_terminal():
        return bool(choice)
    return typer.confirm(
        _(
            "dlkata will read your kata files from {destination}. {source} holds {what}. Move "
            "them there?"
        ).format(
            destination=leftover.destination,
            source=leftover.source,
            what=_leftover_words(leftover),
        ),
        default=True,
    )


def _on_terminal() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


def _leftover_words(leftover: Leftover) -> str:
    """'2 kata files (linear.py, relu.py) and dlkata's progress'"""
    count = len(leftover.kata_files)
    names = ", ".join(leftover.kata_files)
    if not leftover.progress:
        return ngettext(
            "{count} kata file ({names})", "{count} kata files ({names})", count
        ).format(count=count, names=names)
    if not count:
        return _("dlkata's progress")
    return ngettext(
        "{count} kata file ({names}) and dlkata's progress",
        "{count} kata files ({names}) and dlkata's progress",
        count,
    ).format(count=count, names=names)


@app.command()
def explain(
    kata_id: KataArgument,
    solution: Annotated[
        bool,
        typer.Option("--solution", help=_("Also show the reference implementation (spoilers).")),
    ] = False,
    color: ColorOption = None,
    lang: LangOption = None,
) -> None:
    """Explain the concept: maths, shapes, a worked example, pitfalls, interview questions.

    On a terminal it is drawn at the terminal's width; piped or redirected, the Markdown source
    is printed as it is, its pictures drawn as text.

    Example: dlkata explain batch_norm
    """
    from dlkata.render.explain import render_explanation

    render_explanation(find_kata(kata_id), out(), solution=solution)


@app.command()
def hint(
    kata_id: KataArgument,
    directory: DirOption = None,
    show_all: Annotated[bool, typer.Option("--all", help=_("Show every hint at once."))] = False,
    color: ColorOption = None,
    lang: LangOption = None,
) -> None:
    """Show the next hint for a kata (one more each time you ask).

    Example: dlkata hint conv2d
    """
    from dlkata.progress import reveal_hint

    kata = find_kata(kata_id)
    shown, warnings = reveal_hint(kata, open_workspace(directory), show_all=show_all)
    warn(warnings)
    console = out()
    for number, text in enumerate(kata.hints[:shown], start=1):
        style = "bold" if number == shown else "dim"
        label = _("Hint {number}/{count}:").format(number=number, count=len(kata.hints))
        console.print(f"[{style}]{label}[/{style}] {escape(text)}")
    if shown >= len(kata.hints):
        console.print(
            _(
                "That was the last hint. `dlkata explain {kata}` walks through the concept; "
                "`--solution` shows the reference."
            ).format(kata=kata.id)
        )


@app.command()
def validate(
    quick: bool = typer.Option(
        False, "--quick", help=_("Only read the folders; do not grade the references.")
    ),
    color: ColorOption = None,
    lang: LangOption = None,
) -> None:
    """Check every kata folder (for kata authors): each problem with its file and field.

    Also grades each reference with its ValueError checks removed, and names every error-rule
    test that NumPy alone already passes (skip that with --quick).

    Example: dlkata validate
    """
    from dlkata.validate import error_rules_numpy_rejects_alone, validate_all

    count, problems = validate_all()
    if not quick and not problems:
        problems = error_rules_numpy_rejects_alone()
    console = out()
    for problem in problems:
        console.print(f"[red]✗[/red] {escape(str(problem))}")
    if problems:
        console.print(
            ngettext(
                "{problems} problem in {count} kata folders.",
                "{problems} problems in {count} kata folders.",
                len(problems),
            ).format(problems=len(problems), count=count)
        )
        raise typer.Exit(1)
    console.print(_("[green]✓[/green] {count} kata folders are valid.").format(count=count))


def _shard(value: str | None) -> str | None:
    """`--shard K/N`: the K-th of N slices, 1 <= K <= N."""
    if value is None:
        return None
    parts = value.split("/")
    if (
        len(parts) != 2
        or not all(p.isdigit() for p in parts)
        or not 1 <= int(parts[0]) <= int(parts[1])
    ):
        raise typer.BadParameter(
            _("give K/N with 1 <= K <= N, e.g. --shard 2/4, got {value}").format(value=value)
        )
    return value


@app.command()
def grade(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="[SUBMISSION]...",
            help=_("Submission folders (one per student), or with --merge, shards' JSON files."),
            show_default=False,
        ),
    ] = None,
    outputs: Annotated[
        list[Path] | None,
        typer.Option(
            "--out",
            metavar="FILE",
            help=_(
                "Write the gradebook here; the suffix chooses the format: .csv, .json, .md or "
                ".html (repeat for several)."
            ),
            show_default=False,
        ),
    ] = None,
    roster: Annotated[
        Path | None,
        typer.Option(
            "--roster",
            metavar="FILE",
            help=_("CSV `student,folder` (folders relative to it), instead of SUBMISSION..."),
            show_default=False,
        ),
    ] = None,
    course: Annotated[
        Path | None,
        typer.Option(
            "--course",
            metavar="DIR",
            help=_(
                "The course folder whose dlkata.yaml sets points, katas_graded, partial and "
                "limits (default: the nearest dlkata.yaml)."
            ),
            show_default=False,
        ),
    ] = None,
    kata_ids: Annotated[
        list[str] | None,
        typer.Option(
            "--kata",
            metavar="KATA",
            help=_("Grade this kata (repeat; default: katas_graded, else required, else all)."),
            autocompletion=complete_kata,
            show_default=False,
        ),
    ] = None,
    salt: Annotated[
        str | None,
        typer.Option(
            "--salt",
            metavar="SALT",
            help=_("The course's secret salt for the hidden tests' inputs (default: a new one)."),
            show_default=False,
        ),
    ] = None,
    shard_of: Annotated[
        str | None,
        typer.Option(
            "--shard",
            metavar="K/N",
            callback=_shard,
            help=_("Grade only the K-th of N slices of the students (write a .json)."),
            show_default=False,
        ),
    ] = None,
    merge_shards: Annotated[
        bool, typer.Option("--merge", help=_("Merge shards' JSON gradebooks into one."))
    ] = False,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            metavar="N",
            min=1,
            help=_("Submissions graded at once (default: the number of CPUs)."),
            show_default=False,
        ),
    ] = None,
    state: Annotated[
        Path,
        typer.Option(
            "--state",
            metavar="DIR",
            help=_("Where results are kept, so that a rerun grades only what changed."),
        ),
    ] = Path(".dlkata-grade"),
    timeout: TimeoutOption = None,
    kata_timeout: KataTimeoutOption = None,
    memory_limit: MemoryOption = None,
    color: ColorOption = None,
    lang: LangOption = None,
) -> None:
    """Grade a class: every submission with your hidden tests, read-only, into a gradebook.

    Points, graded katas and limits come from the course's dlkata.yaml; nothing in a submission
    but its kata files is used. Results are kept in --state, so an interrupted run resumes.

    Examples:

    - dlkata grade submissions/* --out gradebook.csv --out summary.md
    - dlkata grade --roster roster.csv --salt $SALT --shard 1/4 --out shard1.json
    - dlkata grade --merge shard*.json --out gradebook.csv
    """
    from dlkata.gradebook import GradebookError

    if not outputs:
        usage_error(_("Name the gradebook with --out, e.g. --out gradebook.csv."))
    from dlkata.render.gradebook import RENDERERS

    for path in outputs:
        if path.suffix.lower() not in RENDERERS:
            usage_error(
                _("--out {path}: the suffix must be one of {suffixes}.").format(
                    path=path, suffixes=", ".join(RENDERERS)
                )
            )
    if shard_of and not any(p.suffix.lower() == ".json" for p in outputs):
        usage_error(_("A shard is merged later from its JSON: add --out shard.json."))
    try:
        if merge_shards:
            book = _merged(paths or [], roster, shard_of)
        else:
            book = _graded_class(
                paths or [],
                roster,
                course,
                kata_ids or [],
                salt,
                shard_of,
                jobs,
                state,
                {"timeout": timeout, "kata_timeout": kata_timeout, "memory_limit": memory_limit},
            )
    except GradebookError as exc:
        usage_error(str(exc))
    from dlkata.workspace import write_atomic

    for path in outputs:
        write_atomic(path, RENDERERS[path.suffix.lower()](book))


def _merged(paths: list[Path], roster: Path | None, shard_of: str | None) -> Any:
    from dlkata.gradebook import merge, read_gradebook

    if roster is not None or shard_of is not None:
        usage_error(_("--merge takes shards' JSON files only (no --roster, no --shard)."))
    return merge([(str(p), read_gradebook(p)) for p in paths])


def _graded_class(
    paths: list[Path],
    roster: Path | None,
    course: Path | None,
    kata_ids: list[str],
    salt: str | None,
    shard_of: str | None,
    jobs: int | None,
    state: Path,
    overrides: dict[str, Any],
) -> Any:
    """Find the students, the katas and the teacher's settings; grade; say how it went."""
    import secrets
    import time

    from dlkata.checking import resolve_limits
    from dlkata.classroom import from_folders, grade_class, read_roster, shard
    from dlkata.course import course_in, use_course
    from dlkata.gradebook import Scoring
    from dlkata.workspace import find_config, read_config

    if roster is not None and paths:
        usage_error(_("Give submission folders or --roster, not both."))
    if roster is None and not paths:
        usage_error(
            _("Name the submission folders, e.g. `dlkata grade submissions/*`, or --roster.")
        )
    submissions = read_roster(roster) if roster is not None else from_folders(paths)
    if shard_of:
        index, count = (int(p) for p in shard_of.split("/"))
        submissions = shard(submissions, index, count)
    config_path = (course / "dlkata.yaml") if course is not None else find_config(Path.cwd())
    if course is not None and not config_path.is_file():
        usage_error(
            _("{path} does not exist: --course names a folder with a dlkata.yaml.").format(
                path=config_path
            )
        )
    if course is not None and course_in(course).katas.is_dir():
        use_course(course)  # the course's own katas are graded too
    config = read_config(config_path) if config_path else None
    catalogue = load_catalogue()
    chosen = kata_ids or (config.katas_graded or config.required if config else ()) or catalogue
    katas = [find_kata(k) for k in dict.fromkeys(chosen)]
    scoring = Scoring(config.points, config.partial) if config else Scoring()
    limits = resolve_limits(Workspace(Path.cwd(), config), **overrides)
    console = out(stderr=True)
    generated = salt is None
    if salt is None:
        salt = secrets.token_hex(8)
        console.print(
            _("salt: {salt} (pass --salt {salt} to reproduce these verdicts)").format(salt=salt)
        )
    from dlkata.render.live import wants_progress

    start = time.monotonic()
    with _grade_progress(console, len(submissions), wants_progress(console)) as on_done:
        run = grade_class(
            submissions,
            katas,
            scoring,
            limits,
            salt,
            state=state,
            jobs=jobs or os.cpu_count() or 1,
            on_done=on_done,
            generated_salt=generated,
        )
    warn(run.warnings)
    console.print(
        ngettext(
            "Graded {count} submission in {seconds:.1f} s ({graded} graded now, {reused} kept "
            "from {state}).",
            "Graded {count} submissions in {seconds:.1f} s ({graded} graded now, {reused} kept "
            "from {state}).",
            len(submissions),
        ).format(
            count=len(submissions),
            seconds=time.monotonic() - start,
            graded=run.graded,
            reused=run.reused,
            state=state,
        )
    )
    return run.gradebook


@contextlib.contextmanager
def _grade_progress(console: Console, total: int, enabled: bool) -> Iterator[Any]:
    """A progress bar with an ETA on stderr (on a terminal), advanced as each student is done."""
    if not enabled:
        yield None
        return
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    columns = (
        TextColumn(_("Grading")),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn(_("ETA")),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task("", total=total)
        yield lambda _student, _reused: progress.advance(task)


class SchemaName(str, Enum):
    report = "report"
    kata = "kata"
    text = "text"
    config = "config"
    gradebook = "gradebook"


@app.command()
def schema(
    name: Annotated[
        SchemaName,
        typer.Argument(
            metavar="NAME",
            help=_(
                "report (the JSON of `check --format json`), kata (kata.yaml), text (a kata's "
                "text/<lang>.yaml), config (dlkata.yaml) or gradebook (the JSON of `grade`)."
            ),
        ),
    ],
    color: ColorOption = None,
    lang: LangOption = None,
) -> None:
    """Print a JSON Schema: of the JSON report, kata.yaml, a kata's text, dlkata.yaml, a gradebook.

    The report's schema_version names the schema it follows; docs/report.schema.json is a copy.

    Example: dlkata schema report > report.schema.json
    """
    import json

    from dlkata.schema import json_schema

    print(json.dumps(json_schema(name.value), indent=2))


kata_app = typer.Typer(
    cls=Commands,
    help=_("For course authors: create a kata in the course's folder, and prove its tests."),
    no_args_is_help=True,
    rich_markup_mode="markdown",
)
app.add_typer(kata_app, name="kata")


@kata_app.command("new")
def kata_new(
    kata_id: Annotated[str, typer.Argument(metavar="ID", help=_("The new kata's id."))],
    color: ColorOption = None,
    lang: LangOption = None,
) -> None:
    """Create a kata in the course: kata.yaml, stub, tests, texts, reference and solutions.

    The kata works as written (a tiny example that `dlkata kata prove ID` proves); change it into
    yours where it says TODO (`dlkata validate` lists what is left).

    Example: dlkata --course mycourse kata new scaled_sum
    """
    from dlkata.authoring import AuthoringError, new_kata
    from dlkata.course import active_course

    course = active_course()
    if course is None:
        usage_error(
            _(
                "No course to add the kata to: name its folder with `dlkata --course DIR kata "
                "new {kata}`, DLKATA_COURSE, or `katas:` in a dlkata.yaml."
            ).format(kata=kata_id)
        )
    try:
        written = new_kata(course, kata_id)
    except AuthoringError as exc:
        usage_error(str(exc))
    console = out()
    console.print(_("Created the kata {kata}:").format(kata=kata_id))
    for path in written:
        console.print(f"  {escape(shown(path))}")
    console.print(
        _(
            "Next: `dlkata kata prove {kata}` proves it as it is; then make it yours where it "
            "says TODO, and prove it again."
        ).format(kata=kata_id)
    )


@kata_app.command("prove")
def kata_prove(
    kata_id: Annotated[
        str | None,
        typer.Argument(
            metavar="[ID]",
            help=_("The kata to prove (default: every kata of the course)."),
            autocompletion=complete_kata,
            show_default=False,
        ),
    ] = None,
    output: ListFormatOption = ListFormat.text,
    color: ColorOption = None,
    lang: LangOption = None,
) -> None:
    """Prove a kata's hidden tests: its reference and correct solutions pass, each wrong one
    fails naming its function, the stub is not started, every error rule and cache test bites.

    Slower than `dlkata validate`: it grades every file. Exit 1 if any check is missed.

    Example: dlkata kata prove scaled_sum
    """
    from dlkata.proving import prove
    from dlkata.render.proof import render_proof_text
    from dlkata.validate import authored_roots

    if kata_id is not None:
        katas = [find_kata(kata_id)]
    else:
        roots = authored_roots()
        katas = [k for k in load_catalogue().values() if k.folder.parent in roots]
    rows = prove(katas)
    if output is ListFormat.json:
        import json
        from dataclasses import asdict

        print(json.dumps({"checks": [asdict(row) for row in rows]}, indent=2, ensure_ascii=False))
    else:
        render_proof_text(rows, out())
    if not all(row.proved for row in rows):
        raise typer.Exit(1)


# Each command's help is its docstring, in the language of this run (chosen before this module
# was imported; scripts/translations.py extracts the docstrings of commands).
for _command in [*app.registered_commands, *kata_app.registered_commands]:
    _command.help = _(inspect.getdoc(_command.callback) or "")
    _command.cls = Command


def _typer_words() -> None:
    """Typer's own words in its help and error panels, in the language of this run, and its
    tables folding text without spaces. Only for another language than English: this imports
    typer's help module (about 70 ms)."""
    from typer import rich_utils

    from dlkata.render.folding import FoldingTable, stacked

    rich_utils.Table = FoldingTable  # Chinese help has no spaces to wrap at
    rich_utils.Columns = stacked
    for name, text in (
        ("ARGUMENTS_PANEL_TITLE", N_("Arguments")),
        ("OPTIONS_PANEL_TITLE", N_("Options")),
        ("COMMANDS_PANEL_TITLE", N_("Commands")),
        ("ERRORS_PANEL_TITLE", N_("Error")),
        ("ABORTED_TEXT", N_("Aborted.")),
        ("RICH_HELP", N_("Try [blue]'{command_path} {help_option}'[/] for help.")),
        ("DEFAULT_STRING", N_("[default: {}]")),
        ("REQUIRED_LONG_STRING", N_("[required]")),
    ):
        if hasattr(rich_utils, name):
            setattr(rich_utils, name, _(text))


NOTHING_GRADED = 5  # pytest's code for "no tests ran"
INTERNAL_ERROR = 3


# Judges started ahead of need: `main` starts one when the command will grade, so that it
# imports pytest and NumPy while the command line is parsed and the workspace read.
JUDGES = JudgePool()
_GRADING_COMMANDS = ("check", "watch")


def _command_of(arguments: list[str]) -> str | None:
    """The command a command line runs, after the root's options (`--lang zh check`)."""
    values = iter(arguments)
    for argument in values:
        if argument in ("--color", "--lang", "--course"):
            next(values, None)
        elif not argument.startswith("-"):
            return argument
    return None


def main() -> None:
    """The command line, in the language `dlkata.__main__` chose before importing this module."""
    arguments = sys.argv[1:]
    if _command_of(arguments) in _GRADING_COMMANDS and not {"-h", "--help"} & set(arguments):
        JUDGES.warm(1)
    if i18n.language() != i18n.DEFAULT:
        _typer_words()
    try:
        app(prog_name="dlkata")
    except Exception:  # a bug of dlkata's: a short message, and the details in a file
        report = crash_report(traceback.format_exc())
        out(stderr=True).print(
            _(
                "[red]dlkata hit an internal error[/red] (not a problem with your solution). The "
                "full traceback is in {report}. Please report it to dlkata's maintainers with "
                "that file and the command you ran."
            ).format(report=report)
        )
        sys.exit(INTERNAL_ERROR)
    finally:
        JUDGES.close()


def crash_report(text: str) -> Path:
    """Write a traceback where the user can find it (the temporary folder); return the path."""
    import tempfile

    handle, name = tempfile.mkstemp(prefix="dlkata-crash-", suffix=".txt")
    with os.fdopen(handle, "w", encoding="utf-8") as stream:
        stream.write(f"dlkata {__version__}, Python {sys.version.split()[0]}\n{text}")
    return Path(name)


if __name__ == "__main__":
    sys.exit(main())
