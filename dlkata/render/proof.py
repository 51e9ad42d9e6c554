"""`dlkata kata prove` as a table: kata, check, verdict, detail; then one line of totals."""

from __future__ import annotations

from rich import box
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from dlkata.i18n import _, ngettext
from dlkata.proving import ProofRow


def render_proof_text(rows: list[ProofRow], console: Console) -> None:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False)
    for header in (_("kata"), _("check"), _("verdict"), _("detail")):
        table.add_column(header, overflow="fold")
    for row in rows:
        verdict = _("[green]proved[/green]") if row.proved else _("[red]missed[/red]")
        table.add_row(row.kata, escape(row.check), verdict, escape(row.detail))
    console.print(table)
    missed = sum(not row.proved for row in rows)
    katas = len({row.kata for row in rows})
    if missed:
        console.print(
            ngettext(
                "[red]{missed} of {total} checks missed[/red] ({katas} kata).",
                "[red]{missed} of {total} checks missed[/red] ({katas} katas).",
                katas,
            ).format(missed=missed, total=len(rows), katas=katas)
        )
    else:
        console.print(
            ngettext(
                "[green]All {total} checks proved[/green] ({katas} kata).",
                "[green]All {total} checks proved[/green] ({katas} katas).",
                katas,
            ).format(total=len(rows), katas=katas)
        )
