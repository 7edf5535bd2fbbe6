"""The command line: a thin layer over the Python API that turns errors into messages.

Exit codes: 0 every article ok (or skipped), 1 some articles failed (tables still written),
2 usage errors (a missing path, a bad option).
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from .pipeline import RunSummary, run

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Turn news articles about wars and aid into evidence-backed fact tables.",
)
err = Console(stderr=True)
out = Console()


def _check_paths(paths: list[Path]) -> None:
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        err.print(f"[red]error:[/red] no such file or folder: {', '.join(missing)}")
        err.print("Give the files or folders of articles to read, e.g. `aidextract run data/raw`.")
        raise typer.Exit(2)


def _print_summary(summary: RunSummary) -> None:
    table = Table(title=f"aidextract run -> {summary.out_dir}", show_header=True)
    table.add_column("what")
    table.add_column("count", justify="right")
    for status, n in summary.statuses.items():
        table.add_row(f"articles {status}", str(n))
    for name, n in summary.rows.items():
        if name != "articles":
            table.add_row(f"rows: {name}", str(n))
    rate = summary.n_articles / summary.seconds if summary.seconds else 0.0
    table.add_row("seconds", f"{summary.seconds:.1f} ({rate:.1f} articles/s)")
    err.print(table)
    for source, message in summary.errors[:20]:
        err.print(f"[red]error[/red] {source}: {message}")
    if len(summary.errors) > 20:
        err.print(
            f"... and {len(summary.errors) - 20} more; see the `articles` table, status 'error'"
        )


def _run_with_progress(paths: list[Path], out_dir: Path, jobs: int, max_chars: int, quiet: bool):
    columns = (
        TextColumn("[bold]processing"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]} articles/s"),
        TimeElapsedColumn(),
    )
    show = not quiet and err.is_terminal
    with Progress(*columns, console=err, disable=not show, transient=True) as bar:
        task = bar.add_task("run", total=None, rate="0.0")

        def tick(_row: dict) -> None:
            bar.advance(task)
            elapsed = bar.tasks[0].elapsed or 0.0
            done = bar.tasks[0].completed
            bar.update(task, rate=f"{done / elapsed:.1f}" if elapsed else "0.0")

        return run(paths, out_dir, jobs=jobs, max_chars=max_chars, progress=tick)


@app.command("run")
def run_cli(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Files or folders of articles (.txt .md .html .json .jsonl)."),
    ] = None,
    out_dir: Annotated[
        Path, typer.Option("--out", "-o", help="Folder for the Parquet tables.")
    ] = Path("data/out"),
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", min=1, help="Worker processes (default: every core).")
    ] = os.cpu_count() or 1,
    max_chars: Annotated[
        int, typer.Option("--max-chars", min=1, help="Longest article accepted, in characters.")
    ] = 1_000_000,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")
    ] = False,
) -> None:
    """Extract the fact tables from articles.

    Example: aidextract run data/raw --out data/out
    """
    paths = paths or [Path("data/raw")]
    _check_paths(paths)
    summary = _run_with_progress(paths, out_dir, jobs, max_chars, quiet)
    if not quiet:
        _print_summary(summary)
    if summary.n_articles == 0:
        err.print(
            "[yellow]warning:[/yellow] no article files found under " + ", ".join(map(str, paths))
        )
    raise typer.Exit(1 if summary.statuses.get("error") else 0)


@app.command("eval")
def eval_cli(
    gold_dir: Annotated[
        Path, typer.Argument(help="Folder of <stem>.txt articles with <stem>.json labels.")
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
    errors: Annotated[
        bool, typer.Option("--errors/--no-errors", help="List every miss and false alarm.")
    ] = True,
    out_dir: Annotated[
        Path | None, typer.Option("--out", help="Keep the tables here (default: a temp folder).")
    ] = None,
) -> None:
    """Measure the output against hand-labeled articles: P/R/F1 per table, misses listed.

    Example: aidextract eval tests/gold --json
    """
    from .evaluate import evaluate, format_report
    from .store import load

    _check_paths([gold_dir])
    texts = sorted(gold_dir.glob("*.txt"))
    if not texts:
        err.print(f"[red]error:[/red] no <stem>.txt articles in {gold_dir}")
        raise typer.Exit(2)
    with tempfile.TemporaryDirectory() as tmp:
        target = out_dir or Path(tmp)
        run(texts, target)
        result = evaluate(gold_dir, load(target))
    if as_json:
        sys.stdout.write(json.dumps(result, indent=1) + "\n")
    else:
        out.print(format_report(result, show_errors=errors), highlight=False, markup=False)
