"""`dlkata status`: progress bars overall and per topic, the katas by state, and what to do next;
or the same facts as one JSON document for tools."""

from __future__ import annotations

import json

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from dlkata.progress import CourseStatus, Progress

_BAR_WIDTH = 24


def render_status_text(status: CourseStatus, console: Console) -> None:
    overall = [p for _, p in status.katas]
    console.print(f"[bold]Progress[/bold]  {_bar(overall)}")
    table = Table.grid(padding=(0, 2))
    for topic, progress in status.topics().items():
        table.add_row(escape(topic), _bar(progress))
    console.print(table)
    console.print()
    for progress, colour in (
        (Progress.PASSED, "green"),
        (Progress.IN_PROGRESS, "yellow"),
        (Progress.NOT_STARTED, "dim"),
    ):
        ids = status.ids(progress)
        shown = ", ".join(_label(k, status) for k in ids) or "none"
        console.print(f"[{colour}]{progress.label.capitalize()}[/{colour}] ({len(ids)}): {shown}")
    if status.required:
        console.print("[dim]* required by your dlkata.yaml[/dim]")
    console.print()
    in_progress = status.ids(Progress.IN_PROGRESS)
    if in_progress:
        console.print(f"Keep going: `dlkata check {in_progress[0]}`.")
    if status.next is not None:
        stub = status.workspace / f"{status.next.id}.py"
        todo = (
            f"Its stub is waiting in {escape(str(stub))}: implement it, then "
            f"`dlkata check {status.next.id}`."
            if stub.exists()
            else "`dlkata next` writes its stub."
        )
        console.print(
            f"Next kata: [bold]{status.next.id}[/bold] ({escape(status.next.title)}). {todo}"
        )
    elif not in_progress:
        console.print("[green]Every kata passed.[/green] Well done.")
    console.print(f"[dim]Workspace: {status.workspace}[/dim]")


def _label(kata_id: str, status: CourseStatus) -> str:
    label = f"{kata_id}*" if kata_id in status.required else kata_id
    return f"{label} (changed since checked)" if kata_id in status.changed else label


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
        f"{passed}/{len(progress)} passed"
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
        "overall": counts([p for _, p in status.katas]),
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
