"""`dlkata status`: progress bars overall and per topic, the katas by state, and what to do next;
or the same facts as one JSON document for tools."""

from __future__ import annotations

import json

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from dlkata.i18n import N_, _
from dlkata.progress import CourseStatus, Progress
from dlkata.render.listing import topic_label
from dlkata.render.text import sentences

_BAR_WIDTH = 24
# the heading of each list of katas, translated where it is shown
HEADINGS = {
    Progress.PASSED: N_("Passed"),
    Progress.IN_PROGRESS: N_("In progress"),
    Progress.NOT_STARTED: N_("Not started"),
}


def render_status_text(status: CourseStatus, console: Console) -> None:
    overall = [p for _kata, p in status.katas]
    console.print(f"[bold]{escape(_('Progress'))}[/bold]  {_bar(overall)}")
    table = Table.grid(padding=(0, 2))
    table.add_column(overflow="fold")
    table.add_column(overflow="fold")
    for topic, progress in status.topics().items():
        table.add_row(escape(topic_label(topic)), _bar(progress))
    console.print(table)
    console.print()
    for progress, colour in (
        (Progress.PASSED, "green"),
        (Progress.IN_PROGRESS, "yellow"),
        (Progress.NOT_STARTED, "dim"),
    ):
        ids = status.ids(progress)
        shown = ", ".join(_label(k, status) for k in ids) or _("none")
        heading = escape(_(HEADINGS[progress]))
        console.print(f"[{colour}]{heading}[/{colour}] ({len(ids)}): {escape(shown)}")
    if status.required:
        console.print(f"[dim]{escape(_('* required by your dlkata.yaml'))}[/dim]")
    console.print()
    in_progress = status.ids(Progress.IN_PROGRESS)
    if in_progress:
        console.print(escape(_("Keep going: `dlkata check {kata}`.").format(kata=in_progress[0])))
    if status.next is not None:
        kata = status.next.id
        stub = status.workspace / f"{kata}.py"
        todo = (
            _("Its stub is waiting in {path}: implement it, then `dlkata check {kata}`.").format(
                path=stub, kata=kata
            )
            if stub.exists()
            else _("`dlkata next` writes its stub.")
        )
        heading = _("Next kata: {kata} ({title}).").format(
            kata=f"[bold]{escape(kata)}[/bold]", title=escape(status.next.title)
        )
        console.print(sentences(heading, escape(todo)))
    elif not in_progress:
        console.print(
            sentences(f"[green]{escape(_('Every kata passed.'))}[/green]", escape(_("Well done.")))
        )
    console.print(f"[dim]{escape(_('Workspace: {path}').format(path=status.workspace))}[/dim]")


def _label(kata_id: str, status: CourseStatus) -> str:
    label = f"{kata_id}*" if kata_id in status.required else kata_id
    if kata_id in status.changed:
        return _("{kata} (changed since checked)").format(kata=label)
    return label


def _bar(progress: list[Progress]) -> str:
    """A bar of passed (green) and in-progress (yellow) katas, with the count."""
    total = len(progress) or 1
    passed = sum(p is Progress.PASSED for p in progress)
    started = sum(p is Progress.IN_PROGRESS for p in progress)
    green = round(_BAR_WIDTH * passed / total)
    yellow = min(round(_BAR_WIDTH * (passed + started) / total), _BAR_WIDTH) - green
    rest = _BAR_WIDTH - green - yellow
    return (
        f"[green]{'█' * green}[/green][yellow]{'▒' * yellow}[/yellow][dim]{'░' * rest}[/dim] "
        + escape(_("{passed}/{total} passed").format(passed=passed, total=len(progress)))
    )


def render_status_json(status: CourseStatus) -> str:
    def counts(progress: list[Progress]) -> dict[str, int]:
        return {
            "total": len(progress),
            "passed": progress.count(Progress.PASSED),
            "in_progress": progress.count(Progress.IN_PROGRESS),
            "not_started": progress.count(Progress.NOT_STARTED),
        }

    document = {
        "workspace": str(status.workspace),
        "overall": counts([p for _kata, p in status.katas]),
        "topics": [{"topic": t, **counts(p)} for t, p in status.topics().items()],
        "katas": [
            {
                "id": k.id,
                "title": k.title,
                "topic": k.topic,
                "status": p.value,
                "required": k.id in status.required,
                "changed_since_checked": k.id in status.changed,
            }
            for k, p in status.katas
        ],
        "next": status.next.id if status.next else None,
    }
    return json.dumps(document, indent=2)
