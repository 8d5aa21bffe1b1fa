"""The gimatch command line: a thin layer over the library.

Exit codes: 0 ok / no conflict, 1 conflicts found, 2 usage or input error.
"""

from __future__ import annotations

import json
import datetime as dt
import sys

import click

from . import __version__
from .conflicts import DEFAULT_THRESHOLD
from .errors import GimatchError, UsageError, describe_system_error
from .output import printable


class _Boundary(click.Group):
    """The CLI's one error boundary: gimatch's own errors and the system's (a file, the store) become one line
    and exit 2; anything else is a defect, reported in one line with exit 3 (the traceback under --debug).
    Exit 1 stays what it means: conflicts found."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException, SystemExit):
            raise
        except GimatchError as exc:
            _fail(str(exc), exc.exit_code)
        except KeyboardInterrupt:
            _fail("interrupted", 130)
        except BaseException as exc:            # noqa: BLE001 - the boundary maps everything else
            known = describe_system_error(exc)
            if known:
                _fail(known, 2)
            if ctx.obj and ctx.obj.get("debug"):
                raise
            _fail(f"internal error ({type(exc).__name__}: {_short(exc)}); this is a defect in gimatch: please "
                  "report it with the command (run again with --debug for the traceback)", 3)


def _short(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text[:200] + ("…" if len(text) > 200 else "")


def _fail(message: str, code: int):
    click.echo(f"gimatch: {printable(message)}", err=True)
    sys.exit(code)


def _store(ctx, *, create: bool = False):
    """The store of --db (which must exist, unless the command creates it), else the default store."""
    from .store import Store

    path = ctx.obj["db"]
    notice = lambda msg: _echo(f"gimatch: {msg}", err=True)  # noqa: E731
    return Store(path, create=create or path is None, notice=notice)


def _store_path(ctx) -> str:
    from .store import default_path

    return str(ctx.obj["db"] or default_path())


def _echo(text="", **options) -> None:
    """Human-readable output: control and bidirectional-override characters shown as escapes."""
    click.echo(printable(str(text)), **options)


def _t(text: str) -> str:
    """Data (a name, a reason) inside rich markup: printable, and its brackets not read as markup."""
    from rich.markup import escape

    return escape(printable(text))


def _print_json(data) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def _console():
    from rich.console import Console

    return Console(soft_wrap=False)


@click.group(cls=_Boundary, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="gimatch")
@click.option("--debug", is_flag=True, help="Show the traceback of an internal error (exit 3).")
@click.option("--db", type=click.Path(dir_okay=False),
              help="Store file, which must exist (default: $GIMATCH_DB, else gimatch.db in the user cache "
                   "directory, built from the bundled datasets on first use).")
@click.pass_context
def cli(ctx, db, debug):
    """Check names against protected geographical indications, across languages and scripts.

    Exit codes: 0 no conflict (or done), 1 conflicts found, 2 usage or input error, 3 internal error."""
    ctx.ensure_object(dict)
    ctx.obj["db"] = db
    ctx.obj["debug"] = debug


def db_option(fn):
    """Accept --db after the command name too (gimatch check NAME --db x.db)."""
    def set_db(ctx, _param, value):
        if value:
            ctx.obj["db"] = value
        return value
    return click.option("--db", type=click.Path(dir_okay=False), expose_value=False, callback=set_db,
                        is_eager=True, help="Store file (as the global --db).")(fn)


TERRITORY = click.Choice(["CN", "EU", "JP", "TH", "US"], case_sensitive=False)


def _date_option(name: str, help_text: str):
    def parse(_ctx, _param, value):
        if value is None:
            return None
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None
    return click.option(name, metavar="YYYY-MM-DD", callback=parse, help=help_text)


def check_options(fn):
    """The options check and screen share."""
    for option in reversed([
        click.option("--threshold", type=click.FloatRange(0, 100), default=DEFAULT_THRESHOLD, show_default=True,
                     help="Lowest score reported."),
        click.option("--territory", type=TERRITORY, help="Only GIs protected there (default: any territory)."),
        _date_option("--date", "Protection as of this date (default: today)."),
    ]):
        fn = option(fn)
    return fn


@cli.command()
@click.argument("name")
@check_options
@_date_option("--filed", "A trademark's filing date: flags GIs protected only after it (prior right).")
@click.option("--class", "product_class", metavar="CLASS",
              help="The goods: a Nice class (33, 第33类), a class (cheese, wine, 葡萄酒), a Nice heading word "
                   "(clothing) or a product word; reports comparability and lowers severity for unrelated goods.")
@click.option("--limit", type=click.IntRange(1), default=20, show_default=True, help="Most conflicts reported.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object on stdout.")
@db_option
@click.pass_context
def check(ctx, name, threshold, territory, date, filed, product_class, limit, as_json):
    """Which protected GIs NAME conflicts with, on what ground, where and since when, and why."""
    result = _store(ctx).check(name, threshold=threshold, limit=limit, territory=territory.upper() if territory else None,
                               date=date, filed=filed, product_class=product_class)
    if as_json:
        _print_json(result.to_json_dict())
    else:
        _print_conflicts(result)
    sys.exit(1 if result.conflicts else 0)


def _print_conflicts(result) -> None:
    from rich.table import Table

    console = _console()
    where = f" in {result.territory}" if result.territory else ""
    if not result.conflicts:
        console.print(f"No conflict found for [bold]{_t(result.query)}[/bold]{where} on {result.date}.")
    for title, rows in ((f"Conflicts for {result.query}{where} on {result.date}", result.conflicts),
                        ("Pending (applied or published, not yet protected)", result.pending),
                        ("Homonymous GIs (coexistence)", result.coexistence)):
        if not rows:
            continue
        table = Table(title=_t(title), show_lines=True, expand=True)
        table.add_column("GI", ratio=3, overflow="fold")
        table.add_column("kind · score", ratio=2)
        table.add_column("protection", ratio=2)
        table.add_column("why", ratio=5)
        for c in rows:
            prot = "\n".join(f"{p.territory} {p.status}" + (f" since {p.since}" if p.since else
                                                              f" by {p.known_by}" if p.known_by else "")
                             for p in c.protections)
            gi_cell = f"[bold]{_t(c.gi)}[/bold]\n{_t(' / '.join(c.names))}\n{', '.join(c.country)}" + (
                f" · {_t(c.product_class)}" if c.product_class else "")
            why = "\n".join([c.why, *c.notes, *( [c.prior_right] if c.prior_right else []),
                             "→ " + "; ".join(c.legal_hooks) if c.legal_hooks else ""]).strip()
            table.add_row(gi_cell, f"{c.kind}\n{c.score:.0f}\n{c.severity}", prot or c.status, _t(why))
        console.print(table)
    from .coverage import summary

    if result.coverage and (line := summary(result.coverage, result.territory)):
        console.print(_t(line), style="dim")


@cli.command()
@click.argument("input_path", metavar="INPUT", type=click.Path(dir_okay=False))
@click.option("--out", "out_path", required=True, type=click.Path(dir_okay=False),
              help="Where to write the results (one JSON line per input row, or the CSV audit table).")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl", show_default=True,
              help="jsonl: one record per input row; csv: one row per hit (an audit table).")
@check_options
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Processes checking names; the output is the same, in input order.")
@db_option
@click.pass_context
def screen(ctx, input_path, out_path, fmt, threshold, territory, date, workers):
    """Screen every name of INPUT (CSV or JSONL with id, name, and optional class, filed, territory)."""
    import csv as csv_module

    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    from .output import open_output, safe_cell
    from .screening import CSV_FIELDS, csv_rows, read_rows
    from .screening import screen as run_screen

    from .batch import Kept

    store = _store(ctx)
    skipped = Kept(10)
    hits = rows = 0
    err = _console().__class__(stderr=True)
    with open_output(out_path) as out, \
            Progress(TextColumn("screening"), BarColumn(), TextColumn("{task.completed} rows"),
                     TimeElapsedColumn(), console=err, transient=True, disable=not err.is_terminal) as bar:
        task = bar.add_task("screen", total=None)
        writer = csv_module.DictWriter(out, fieldnames=CSV_FIELDS, lineterminator="\n") if fmt == "csv" else None
        if writer:
            writer.writeheader()
        for record in run_screen(read_rows(input_path), store=store, threshold=threshold,
                                 territory=territory.upper() if territory else None, date=date, skipped=skipped,
                                 workers=workers):
            rows += 1
            hits += bool(record["conflicts"])
            if writer:
                writer.writerows({k: safe_cell(v) for k, v in row.items()} for row in csv_rows(record))
            else:
                out.write(json.dumps(record, ensure_ascii=False, sort_keys=False) + "\n")
            if rows % 256 == 0:                  # the count shown on a terminal, without a call per row
                bar.update(task, completed=rows)
    for where, row_id, reason in skipped.items:
        _echo(f"  skipped {where} (id {row_id}): {reason}", err=True)
    if skipped.count > len(skipped.items):
        _echo(f"  … and {skipped.count - len(skipped.items)} more skipped rows", err=True)
    _echo(f"screened {rows} rows: {hits} with conflicts, {skipped.count} skipped → {out_path}", err=True)
    from .coverage import summary

    if (line := summary(store.coverage(territory.upper() if territory else None), territory)):
        _echo(line, err=True)
    sys.exit(1 if hits else 0)


@cli.command()
@click.argument("input_path", metavar="[INPUT]", required=False, type=click.Path(dir_okay=False))
@click.option("--text", help="Scan this one text instead of a file.")
@click.option("--out", "out_path", type=click.Path(dir_okay=False),
              help="With INPUT: where to write the results (JSON lines, the CSV review table, or an HTML page).")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "html"]),
              help="Output of INPUT (default: from the --out extension, else jsonl).")
@click.option("--territory", type=TERRITORY, help="Only GIs protected there (default: any territory).")
@_date_option("--date", "Protection as of this date (default: today).")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Processes scanning texts; the output is the same, in input order.")
@click.option("--json", "as_json", is_flag=True, help="With --text: print the JSON object.")
@db_option
@click.pass_context
def scan(ctx, input_path, text, out_path, fmt, territory, date, workers, as_json):
    """The protected names a text mentions (labels, listings, descriptions), where, and how they are used.

    With --text, one text (exit 1 when it mentions a GI in force). With INPUT (CSV or JSONL with id and
    text), every row, streamed, one output record per row in input order."""
    territory = territory.upper() if territory else None
    if (text is None) == (input_path is None):
        raise UsageError("give either --text TEXT or an INPUT file (with --out)")
    store = _store(ctx)
    if text is not None:
        result = store.scan(text, territory=territory, date=date)
        if as_json:
            _print_json(result)
        else:
            _print_mentions(result)
        sys.exit(1 if result["mentions"] else 0)
    if not out_path:
        raise UsageError("scanning a file needs --out (a .jsonl, .csv or .html file, or - for standard output)")
    fmt = fmt or ("html" if out_path.endswith((".html", ".htm")) else "csv" if out_path.endswith(".csv") else "jsonl")
    import csv as csv_module

    from .batch import Kept
    from .output import open_output, safe_cell
    from .scanning import CSV_FIELDS, csv_rows, review_page, scan_rows
    from .screening import read_rows

    skipped = Kept(10)
    counts = {"rows": 0, "hits": 0}

    def records():
        for record in scan_rows(read_rows(input_path, "text"), store=store, territory=territory, date=date,
                                skipped=skipped, workers=workers):
            counts["rows"] += 1
            counts["hits"] += bool(record["mentions"])
            yield record

    with open_output(out_path) as out:
        if fmt == "html":
            for piece in review_page(records()):
                out.write(piece)
        elif fmt == "csv":
            writer = csv_module.DictWriter(out, fieldnames=CSV_FIELDS, lineterminator="\n", extrasaction="ignore")
            writer.writeheader()
            for record in records():
                writer.writerows({k: safe_cell(v) for k, v in row.items()} for row in csv_rows(record))
        else:
            for record in records():
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
    for where, row_id, reason in skipped.items:
        _echo(f"  skipped {where} (id {row_id}): {reason}", err=True)
    if skipped.count > len(skipped.items):
        _echo(f"  … and {skipped.count - len(skipped.items)} more skipped rows", err=True)
    _echo(f"scanned {counts['rows']} texts: {counts['hits']} with mentions, {skipped.count} skipped → {out_path}",
          err=True)
    sys.exit(1 if counts["hits"] else 0)


def _print_mentions(result: dict) -> None:
    from rich.table import Table

    console = _console()
    if not result["mentions"]:
        console.print(f"No mention of a protected GI in {_t(repr(result['text']))} on {result['date']}.")
        return
    table = Table(title=_t(f"Mentions in {result['text']!r} on {result['date']}"), show_lines=True, expand=True)
    for column, ratio in (("text", 2), ("GI", 3), ("kind · score", 2), ("context", 2), ("why", 5)):
        table.add_column(column, ratio=ratio, overflow="fold")
    for m in result["mentions"]:
        table.add_row(_t(f"{m['surface']}\n[{m['start']}:{m['end']}]"),
                      f"[bold]{_t(m['gi'])}[/bold]\n{_t(m['matched_name'])}",
                      f"{m['kind']}\n{m['score']:.0f}\n{m['severity']}", m["context"],
                      _t(m["why"] + ("\n→ " + "; ".join(m["legal_hooks"]) if m["legal_hooks"] else "")))
    console.print(table)


@cli.command()
@click.argument("left")
@click.argument("right")
@click.option("--threshold", type=click.FloatRange(0, 100), default=80.0, show_default=True,
              help="Lowest score of a link.")
@click.option("--json", "as_json", is_flag=True, help="Print {metrics, links} as JSON instead of CSV.")
@db_option
@click.pass_context
def link(ctx, left, right, threshold, as_json):
    """Records of register LEFT that are the same GI as records of register RIGHT (CSV on stdout)."""
    import csv as csv_module
    from dataclasses import asdict

    from .link import link as run_link
    from .link import to_json
    from .output import safe_cell

    links, metrics = run_link(_store(ctx), left, right, threshold=threshold)
    if as_json:
        click.echo(to_json(links, metrics))
    else:
        writer = csv_module.DictWriter(sys.stdout, fieldnames=["left", "right", "score", "kind", "left_name",
                                                               "right_name", "evidence", "known"],
                                       lineterminator="\n")
        writer.writeheader()
        writer.writerows({k: safe_cell(v) for k, v in asdict(lk).items()} for lk in links)
    m = metrics
    measured = (f"; on the {m['known_pairs']} pairs the data states: precision {m['precision']}, recall {m['recall']}"
                if m["known_pairs"] else "; the data states no pairs to measure against")
    _echo(f"{m['left']} → {m['right']}: {m['links']} links for {m['left_records']} records{measured}", err=True)


@cli.group(name="agreement")
def agreement_group():
    """The China–EU agreement lists: status, as-of questions, diffs, gaps, conflicts."""


@agreement_group.command(name="status")
@click.argument("name", required=False)
@_date_option("--date", "Status as of this date (default: today).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@db_option
@click.pass_context
def agreement_status(ctx, name, date, as_json):
    """Per annex: names, linked to the EU register, protected, pending; or one NAME's record and events."""
    from . import agreement

    store = _store(ctx)
    on = date or dt.date.today()
    if name:
        data = {"entries": [agreement.describe(e, on) for e in agreement.find(store, name)]}
        if as_json:
            _print_json(data)
            return
        for e in data["entries"]:
            _echo(f"{e['id']}  {e['status']}  EU record: {e['eu_record'] or '-'}  names: {' / '.join(e['names'])}")
            for ev in e["events"]:
                _echo(f"  {ev['date'] or '          '}  {ev['kind']:<10} {ev['territory'] or '  '}  {ev['instrument']}"
                           f"  [{ev['source']}]")
        return
    data = agreement.status(store, on)
    if as_json:
        _print_json(data)
        return
    _echo(f"China–EU agreement lists as of {data['date']} (one entry per GI; protection in the other party's "
               "territory, on any basis)")
    _echo(f"{'annex':<12}{'entries':>8}{'of':>5}{'linked':>7}{'prot.':>6}{'pend.':>6}{'unkn.':>6}{'none':>5}"
               f"{'drop.':>6}{'to find':>8}")
    for annex, a in data["annexes"].items():
        _echo(f"{annex:<12}{a['names']:>8}{a['official_size'] or '?':>5}{a['linked_eu']:>7}{a['protected']:>6}"
                   f"{a['pending']:>6}{a['unknown']:>6}{a['not protected']:>5}{a['dropped']:>6}"
                   f"{a['unidentified'] if a['unidentified'] is not None else '?':>8}")
    if any(a["unresolved"] for a in data["annexes"].values()):
        _echo("More entries than an annex holds: some listed forms are not yet tied to their entry "
                   "(gimatch agreement gaps).", err=True)


@agreement_group.command(name="asof")
@click.argument("name")
@click.option("--territory", type=TERRITORY, required=True)
@_date_option("--date", "The date asked about (default: today).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@db_option
@click.pass_context
def agreement_asof(ctx, name, territory, date, as_json):
    """Was the GI NAME (any GI in the store) protected in the territory on the date, on what basis, since when."""
    from . import agreement

    data = agreement.asof(_store(ctx), name, territory.upper(), date or dt.date.today())
    if as_json:
        _print_json(data)
        return
    start = (f"since {data['since']}" if data["since"] else
             f"in force by {data['known_by']} (start unknown)" if data["known_by"] else "start unknown")
    if data["protected"]:
        _echo(f"{name}: protected in {data['territory']} on {data['date']} — {data['basis']}, {start}"
                   f" [{data['record']}]")
        for b in data["bases"][1:]:
            _echo(f"  also: {b['basis']}{', Annex ' + b['annex'] if b['annex'] else ''} [{b['record']}]")
    else:
        _echo(f"{name}: not known to be protected in {data['territory']} on {data['date']} ({data['status']})"
                   if data["protected"] is None else
                   f"{name}: not protected in {data['territory']} on {data['date']} ({data['status']})")
    for ev in data["timeline"]:
        _echo(f"  {ev['date'] or '?':<10}  {ev['kind']:<20} {ev['instrument'] or ''}  [{ev['source'] or ''}]")


@agreement_group.command(name="diff")
@click.argument("old", type=click.Path(dir_okay=False))
@click.argument("new", type=click.Path(dir_okay=False))
def agreement_diff(old, new):
    """Names added, removed and changed between two snapshots of the lists (JSON)."""
    from . import agreement

    _print_json(agreement.diff(old, new))


@agreement_group.command(name="gaps")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@db_option
@click.pass_context
def agreement_gaps(ctx, as_json):
    """Names missing characters, a transcription, an EU register link or a source: the work list."""
    from . import agreement

    rows = agreement.gaps(_store(ctx))
    if as_json:
        _print_json(rows)
        return
    for r in rows:
        _echo(f"{r['id']}: {', '.join(r['missing'])}")
    _echo(f"{len(rows)} names with gaps", err=True)


@agreement_group.command(name="validate")
@click.argument("path", type=click.Path(dir_okay=False))
def agreement_validate(path):
    """Check a lists file: unknown annexes, repeated names, characters and transcription that disagree."""
    from . import agreement

    problems = agreement.validate(path)
    for p in problems:
        _echo(f"{path}: {p['where']}: {p['field'] or ''}: {p['reason']}")
    if problems:
        _echo(f"{len(problems)} problems", err=True)
        sys.exit(1)
    from .registers.agreement import china_eu

    result = china_eu.load(path)
    annexes = {}
    for gi in result.records:
        annex = gi.native_id.split("/", 1)[0]
        annexes[annex] = annexes.get(annex, 0) + 1
    _echo(f"{path}: {len(result.records)} names, no problems ("
               + ", ".join(f"{a} {n}" for a, n in sorted(annexes.items())) + ")")


@agreement_group.command(name="conflicts")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@db_option
@click.pass_context
def agreement_conflicts(ctx, as_json):
    """Every annex name checked against all registers (homonyms, evocations, names close to others)."""
    from . import agreement

    rows = agreement.conflicts(_store(ctx))
    if as_json:
        _print_json(rows)
    else:
        for r in rows:
            _echo(f"{r['id']}:")
            for c in r["conflicts"][:5]:
                _echo(f"  {c['kind']:<15} {c['score']:5.1f} {c['severity']:<6} {c['gi']}  {' / '.join(c['names'])}")
    sys.exit(1 if rows else 0)


@cli.command()
@click.argument("subject", type=click.Choice(["agreement"]))
@click.option("--format", "fmt", type=click.Choice(["md", "html", "csv", "json", "pdf"]), default="md",
              show_default=True, help="pdf needs the pdf extra (pip install 'gimatch[pdf]').")
@click.option("--out", "out_path", required=True, type=click.Path(), help="File to write ('-': standard output).")
@click.option("--lang", type=click.Choice(["en", "zh"]), default="en", show_default=True, help="Label language.")
@_date_option("--date", "Status as of this date (default: today).")
@db_option
@click.pass_context
def report(ctx, subject, fmt, out_path, lang, date):
    """A briefing report (SUBJECT: agreement) as Markdown, self-contained HTML, CSV, JSON or PDF."""
    from .output import write_text
    from .report import render, render_pdf

    store = _store(ctx)
    if fmt == "pdf":
        render_pdf(store, lang, date, out_path)
    else:
        write_text(out_path, render(store, fmt, lang, date))
    _echo(f"wrote {out_path}", err=True)


@cli.command(name="import")
@click.argument("register")
@click.argument("path", type=click.Path())
@click.option("--strict", is_flag=True, help="Fail the whole import if any record is rejected.")
@click.option("--no-index", "no_index", is_flag=True,
              help="Leave the matching index to the first query (when loading several files in a row).")
@db_option
@click.pass_context
def import_(ctx, register, path, strict, no_index):
    """Import a register file into the store (REGISTER: eu.eambrosia, us.ava, jp.maff, ... as `gimatch registers` lists)."""
    from rich.progress import track

    store = _store(ctx, create=True)

    def progress(records):
        if len(records) < 500:
            return records
        return track(records, description=f"writing {len(records)} records", console=_console().__class__(stderr=True),
                     transient=True)

    summary = store.import_file(register, path, strict=strict, index=not no_index, progress=progress)
    _echo(summary.line())
    if summary.rejected:
        for reject in store.rejects()[-min(summary.rejected, 5):]:
            _echo(f"  rejected {reject.where}{' field ' + reject.field if reject.field else ''}: {reject.reason}",
                       err=True)


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list.")
@db_option
@click.pass_context
def registers(ctx, as_json):
    """What the store holds, per register."""
    rows = _store(ctx).registers()
    if as_json:
        _print_json(rows)
        return
    from rich.table import Table

    table = Table(title=f"gimatch store {_store_path(ctx)}", title_justify="left")
    table.add_column("register", no_wrap=True)
    table.add_column("records", justify="right", no_wrap=True)
    table.add_column("of published", no_wrap=True)
    table.add_column("data of", no_wrap=True)
    for r in rows:
        published = "\n".join(f"{'≥' if p['minimum'] else '~'}{p['published']:,} {p['territory']} {p['as_of'][:7]}"
                               for p in r["published"])
        data_of = (r["snapshot_median"] or "") + (" old" if r["stale"] else "")
        table.add_row(r["register"], f"{r['records']:,}", published, data_of)
    _console().print(table)
    _echo("~ published size, ≥ at least; 'old': most records were read over a year ago. "
               "Details: gimatch registers --json", err=True)


@cli.command()
@click.argument("gi_id")
@click.option("--json", "as_json", is_flag=True, help="Print the record as JSON.")
@db_option
@click.pass_context
def show(ctx, gi_id, as_json):
    """One record with all its names, class, protections and source."""
    from .errors import UsageError

    store = _store(ctx)
    gi = store.get(gi_id)
    if gi is None:
        raise UsageError(f"no record {gi_id!r} in the store (ids look like eu:PDO-IT-0067)")
    if as_json:
        click.echo(gi.model_dump_json(indent=2))
        return
    from . import identity, timeline

    group = identity.records_of(store, gi.id)
    console = _console()

    def line(text: str) -> None:
        console.print(printable(text), markup=False, highlight=False)

    line(f"{gi.id}  {gi.gi_type or ''}  {', '.join(gi.countries)}  status: {gi.status}")
    for n in gi.names:
        line(f"  name: {n.text}  ({n.script}, {n.role}{', ' + n.lang if n.lang else ''})")
    for key, value in gi.other_ids.items():
        line(f"  {key.replace('_', ' ')}: {value}")
    for pc in ([gi.product_class] if gi.product_class else []) + gi.other_classes:
        line(f"  class: {pc.label}  [{pc.scheme}{' ' + pc.code if pc.code else ''} → {pc.common}]")
    if gi.places:
        more = f" … ({len(gi.places) - 12} more)" if len(gi.places) > 12 else ""
        line(f"  place: {' / '.join(gi.places[:12])}{more}")
    if gi.holder:
        line(f"  holder: {gi.holder}")
    for p in gi.protections:
        line(f"  protection: {p.territory} {p.status} by {p.basis}"
                 f"{' (' + p.instrument + ')' if p.instrument else ''}{' annex ' + p.annex if p.annex else ''}"
                 f"{' since ' + str(p.since) if p.since else ''}")
    for p in gi.procedures:
        line(f"  procedure: {p.native_id} {p.kind} {p.status or ''}")
    others = [g.id for g in group if g.id != gi.id]
    if others:
        line(f"  same GI: {', '.join(others)}")
    today = dt.date.today()
    for territory in sorted({p.territory for g in group for p in g.protections}):
        a = timeline.answer(group, territory, today)
        start = f" since {a.since}" if a.since else f" (in force by {a.known_by})" if a.known_by else ""
        line(f"  today in {territory}: {a.status}{', ' + a.basis if a.basis else ''}{start}"
             f"{' [' + a.record + ']' if a.record and a.record != gi.id else ''}")
    src = gi.source
    line(f"  source: {src.file} {src.record}{' snapshot ' + str(src.snapshot) if src.snapshot else ''}")
    for url in ([src.url] if src.url else []) + src.other_urls:
        line(f"    {url}")
    for other in gi.other_sources:
        line(f"  also read from: {other.file} {other.record}{' snapshot ' + str(other.snapshot) if other.snapshot else ''}")


@cli.command()
@click.argument("name")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--country", multiple=True, metavar="CC",
              help="The record's country (ISO code, repeatable): narrows the language hint.")
def normalize(name, as_json, country):
    """What gimatch sees in NAME: scripts, keys, anatomy."""
    from .normalize import describe

    info = describe(name, tuple(c.upper() for c in country))
    if as_json:
        _print_json(info)
        return
    console = _console()
    console.print(f"[bold]{_t(info['name'])}[/bold] → folded {_t(repr(info['folded']))}; scripts {', '.join(info['scripts'])}; "
                  f"language hint {info['language_hint'] or '-'}")
    for key in info["keys"]:
        console.print(f"  key {_t(repr(key['key']))}  ({key['kind']})")
    a = info["anatomy"]
    console.print(f"  place {_t(repr(a['place']))} (key {_t(repr(a['place_key']))}); terms: "
                  + (", ".join(f"{_t(t['term'])} = {t['concept']} ({t['class']})" for t in a["terms"]) or "-")
                  + (f"; delocalisers: {', '.join(a['delocalisers'])}" if a["delocalisers"] else ""))


@cli.command(name="eval")
@click.argument("cases", type=click.Path())
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@db_option
@click.pass_context
def eval_(ctx, cases, as_json):
    """Run a case file (format of dev_checks.json) against the store and print recall and false positives."""
    from .evaluate import evaluate, render

    report = evaluate(_store(ctx), cases)
    if as_json:
        _print_json(report)
    else:
        _echo(render(report))


def _terminate(signum, _frame):
    raise KeyboardInterrupt          # a kill (SIGTERM) unwinds like Ctrl-C: temporary files are removed


def main() -> None:
    import signal

    signal.signal(signal.SIGTERM, _terminate)
    cli(obj={})
