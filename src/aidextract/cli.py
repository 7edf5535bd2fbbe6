"""The command line: a thin layer over the Python API that turns errors into messages.

Exit codes: 0 every article ok (or skipped), 1 some articles failed (tables still written),
2 usage errors (a missing path, a bad option).
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from enum import StrEnum
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


class Engine(StrEnum):
    """Where `run` processes the articles."""

    local = "local"
    dask = "dask"


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
    table.add_row("articles reused unchanged", str(summary.reused))
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


def _run_with_progress(paths: list[Path], out_dir: Path, quiet: bool, **options):
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

        return run(paths, out_dir, progress=tick, **options)


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
    force: Annotated[
        bool,
        typer.Option("--force", help="Process every article again, even those unchanged."),
    ] = False,
    engine: Annotated[
        Engine, typer.Option("--engine", help="local processes, or partitions on a Dask cluster.")
    ] = Engine.local,
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            help="Dask scheduler address (tcp://host:8786); default: a local cluster.",
        ),
    ] = None,
) -> None:
    """Extract the fact tables from articles.

    Articles already in the output unchanged are reused (--force redoes them); the tables
    always describe exactly the articles under PATHS.

    Example: aidextract run data/raw --out data/out
    """
    paths = paths or [Path("data/raw")]
    _check_paths(paths)
    if scheduler and engine is not Engine.dask:
        err.print("[red]error:[/red] --scheduler needs --engine dask")
        raise typer.Exit(2)
    options = {"jobs": jobs, "max_chars": max_chars, "force": force, "engine": engine.value}
    summary = _run_with_progress(paths, out_dir, quiet, scheduler=scheduler, **options)
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


_NO_TABLES_HINT = "Or point --out at the folder `aidextract run` wrote."


def _usage_error(message: str, hint: str) -> typer.Exit:
    """Print an error that says what to do; the caller raises the returned exit (code 2)."""
    from rich.markup import escape

    err.print(f"[red]error:[/red] {escape(message)}")
    err.print(escape(hint))
    return typer.Exit(2)


@app.command("report")
def report_cli(
    out_dir: Annotated[
        Path, typer.Option("--out", "-o", help="Folder of Parquet tables from `aidextract run`.")
    ] = Path("data/out"),
    html_path: Annotated[
        Path, typer.Option("--html", help="Where to write the page (one self-contained file).")
    ] = Path("report.html"),
    max_articles: Annotated[
        int,
        typer.Option(
            "--max-articles", min=0, help="Most articles on the page, those with most facts first."
        ),
    ] = 200,
) -> None:
    """Write an HTML page: a summary, then each article with its facts highlighted in place.

    Example: aidextract report --out data/out --html report.html --max-articles 50
    """
    import duckdb

    from .report import build_report

    try:
        path = build_report(out_dir, html_path, max_articles=max_articles)
    except FileNotFoundError as exc:
        raise _usage_error(str(exc), _NO_TABLES_HINT) from exc
    except (ValueError, duckdb.Error) as exc:
        hint = f"Run `aidextract run --out {out_dir}` again to rewrite the tables."
        raise _usage_error(f"cannot read the tables of {out_dir}: {exc}", hint) from exc
    err.print(f"report written to {path}; open it in a browser", highlight=False, markup=False)


def _query_tables(out_dir: Path) -> str:
    from .query import table_files
    from .schema import TABLES

    return ", ".join(dict.fromkeys([*TABLES, *table_files(out_dir)]))


def _write_csv(frame) -> None:
    """CSV on stdout; list cells (aid items) as JSON arrays, so a script can parse them."""
    import numpy as np

    def cell(value):
        return json.dumps(list(value)) if isinstance(value, list | np.ndarray) else value

    frame.map(cell).to_csv(sys.stdout, index=False)


def _result_table(frame) -> Table:
    from pandas.api.types import is_numeric_dtype
    from rich.text import Text

    from .query import cell_text

    table = Table(caption=f"{len(frame):,} rows", show_header=True)
    for column, dtype in frame.dtypes.items():
        table.add_column(str(column), justify="right" if is_numeric_dtype(dtype) else "left")
    for row in frame.itertuples(index=False):
        table.add_row(*(Text(cell_text(value)) for value in row))
    return table


@app.command("query")
def query_cli(
    sql: Annotated[
        str,
        typer.Argument(
            help='DuckDB SQL over the tables, e.g. "SELECT donor, sum(amount_usd) AS usd '
            'FROM aid_packages GROUP BY donor".'
        ),
    ],
    out_dir: Annotated[
        Path, typer.Option("--out", "-o", help="Folder of Parquet tables from `aidextract run`.")
    ] = Path("data/out"),
    as_csv: Annotated[
        bool, typer.Option("--csv", help="Write CSV to stdout, for scripts.")
    ] = False,
) -> None:
    """Run SQL over the Parquet tables (one view per table) and print the result.

    Example: aidextract query "SELECT origin, max(count) FROM troop_deployments GROUP BY origin"
    """
    from .query import QueryError, query

    try:
        result = query(sql, out_dir)
    except FileNotFoundError as exc:
        raise _usage_error(str(exc), _NO_TABLES_HINT) from exc
    except QueryError as exc:
        hint = (
            f"Tables: {_query_tables(out_dir)}. Check the SQL, e.g. "
            f'aidextract query "SELECT * FROM aid_packages LIMIT 5" --out {out_dir}'
        )
        raise _usage_error(str(exc), hint) from exc
    except ValueError as exc:
        raise _usage_error(str(exc), "Remove the stale table files, then query again.") from exc
    if as_csv:
        _write_csv(result)
    else:
        out.print(_result_table(result))
