"""The gimatch command line: a thin layer over the library.

Exit codes: 0 ok / no conflict, 1 conflicts found, 2 usage or input error.
"""

from __future__ import annotations

import functools
import json
import datetime as dt
import sys

import click

from . import __version__
from .conflicts import DEFAULT_THRESHOLD
from .errors import GimatchError


def _handle_errors(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except GimatchError as exc:
            click.echo(f"gimatch: {exc}", err=True)
            sys.exit(exc.exit_code)
    return wrapper


def _store(ctx):
    from .store import Store

    return Store(ctx.obj["db"])


def _print_json(data) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def _console():
    from rich.console import Console

    return Console(soft_wrap=False)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="gimatch")
@click.option("--db", envvar="GIMATCH_DB", type=click.Path(dir_okay=False),
              help="Store file (default: $GIMATCH_DB, else gimatch.db in the user cache directory).")
@click.pass_context
def cli(ctx, db):
    """Check names against protected geographical indications, across languages and scripts."""
    ctx.ensure_object(dict)
    ctx.obj["db"] = db


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
              help="The goods: a common class (cheese, wine) or a product word; reports comparability.")
@click.option("--limit", type=click.IntRange(1), default=20, show_default=True, help="Most conflicts reported.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object on stdout.")
@db_option
@click.pass_context
@_handle_errors
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
    from rich.markup import escape
    from rich.table import Table

    console = _console()
    where = f" in {result.territory}" if result.territory else ""
    if not result.conflicts:
        console.print(f"No conflict found for [bold]{escape(result.query)}[/bold]{where} on {result.date}.")
    for title, rows in ((f"Conflicts for {result.query}{where} on {result.date}", result.conflicts),
                        ("Pending (applied or published, not yet protected)", result.pending),
                        ("Homonymous GIs (coexistence)", result.coexistence)):
        if not rows:
            continue
        table = Table(title=escape(title), show_lines=True, expand=True)
        table.add_column("GI", ratio=3, overflow="fold")
        table.add_column("kind · score", ratio=2)
        table.add_column("protection", ratio=2)
        table.add_column("why", ratio=5)
        for c in rows:
            prot = "\n".join(f"{p.territory} {p.status}{' since ' + str(p.since) if p.since else ''}"
                             for p in c.protections)
            gi_cell = f"[bold]{escape(c.gi)}[/bold]\n{escape(' / '.join(c.names))}\n{', '.join(c.country)}" + (
                f" · {escape(c.product_class)}" if c.product_class else "")
            why = "\n".join([c.why, *c.notes, *( [c.prior_right] if c.prior_right else []),
                             "→ " + "; ".join(c.legal_hooks) if c.legal_hooks else ""]).strip()
            table.add_row(gi_cell, f"{c.kind}\n{c.score:.0f}\n{c.severity}", prot or c.status, escape(why))
        console.print(table)


@cli.command(name="import")
@click.argument("register")
@click.argument("path", type=click.Path())
@click.option("--strict", is_flag=True, help="Fail the whole import if any record is rejected.")
@db_option
@click.pass_context
@_handle_errors
def import_(ctx, register, path, strict):
    """Import a register file into the store (REGISTER: eu.eambrosia, us.ava, jp.maff, ... as `gimatch registers` lists)."""
    from rich.progress import track

    store = _store(ctx)

    def progress(records):
        if len(records) < 500:
            return records
        return track(records, description=f"writing {len(records)} records", console=_console().__class__(stderr=True),
                     transient=True)

    summary = store.import_file(register, path, strict=strict, progress=progress)
    click.echo(summary.line())
    if summary.rejected:
        for reject in store.rejects()[-min(summary.rejected, 5):]:
            click.echo(f"  rejected {reject.where}{' field ' + reject.field if reject.field else ''}: {reject.reason}",
                       err=True)


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list.")
@db_option
@click.pass_context
@_handle_errors
def registers(ctx, as_json):
    """What the store holds, per register."""
    rows = _store(ctx).registers()
    if as_json:
        _print_json(rows)
        return
    from rich.table import Table

    table = Table(title="gimatch store")
    for col in ("register", "records", "names", "snapshot", "source"):
        table.add_column(col, justify="right" if col in ("records", "names") else "left")
    for r in rows:
        table.add_row(r["register"], str(r["records"]), str(r["names"]), r["snapshot"] or "", r["source"] or "")
    _console().print(table)


@cli.command()
@click.argument("gi_id")
@click.option("--json", "as_json", is_flag=True, help="Print the record as JSON.")
@db_option
@click.pass_context
@_handle_errors
def show(ctx, gi_id, as_json):
    """One record with all its names, class, protections and source."""
    from .errors import UsageError

    gi = _store(ctx).get(gi_id)
    if gi is None:
        raise UsageError(f"no record {gi_id!r} in the store (ids look like eu:PDO-IT-0067)")
    if as_json:
        click.echo(gi.model_dump_json(indent=2))
        return
    console = _console()

    def line(text: str) -> None:
        console.print(text, markup=False, highlight=False)

    line(f"{gi.id}  {gi.gi_type or ''}  {', '.join(gi.countries)}  status: {gi.status}")
    for n in gi.names:
        line(f"  name: {n.text}  ({n.script}, {n.role}{', ' + n.lang if n.lang else ''})")
    for key, value in gi.other_ids.items():
        line(f"  {key.replace('_', ' ')}: {value}")
    for pc in ([gi.product_class] if gi.product_class else []) + gi.other_classes:
        line(f"  class: {pc.label}  [{pc.scheme}{' ' + pc.code if pc.code else ''} → {pc.common}]")
    if gi.places:
        line(f"  place: {' / '.join(gi.places)}")
    if gi.holder:
        line(f"  holder: {gi.holder}")
    for p in gi.protections:
        line(f"  protection: {p.territory} {p.status} by {p.basis}"
                 f"{' (' + p.instrument + ')' if p.instrument else ''}{' annex ' + p.annex if p.annex else ''}"
                 f"{' since ' + str(p.since) if p.since else ''}")
    for p in gi.procedures:
        line(f"  procedure: {p.native_id} {p.kind} {p.status or ''}")
    src = gi.source
    line(f"  source: {src.file} {src.record}{' snapshot ' + str(src.snapshot) if src.snapshot else ''}")
    for url in ([src.url] if src.url else []) + src.other_urls:
        line(f"    {url}")


@cli.command()
@click.argument("name")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--country", multiple=True, metavar="CC",
              help="The record's country (ISO code, repeatable): narrows the language hint.")
@_handle_errors
def normalize(name, as_json, country):
    """What gimatch sees in NAME: scripts, keys, anatomy."""
    from .normalize import describe

    info = describe(name, tuple(c.upper() for c in country))
    if as_json:
        _print_json(info)
        return
    console = _console()
    console.print(f"[bold]{info['name']}[/bold] → folded {info['folded']!r}; scripts {', '.join(info['scripts'])}; "
                  f"language hint {info['language_hint'] or '-'}")
    for key in info["keys"]:
        console.print(f"  key {key['key']!r}  ({key['kind']})")
    a = info["anatomy"]
    console.print(f"  place {a['place']!r} (key {a['place_key']!r}); terms: "
                  + (", ".join(f"{t['term']} = {t['concept']} ({t['class']})" for t in a["terms"]) or "-")
                  + (f"; delocalisers: {', '.join(a['delocalisers'])}" if a["delocalisers"] else ""))


@cli.command(name="eval")
@click.argument("cases", type=click.Path())
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@db_option
@click.pass_context
@_handle_errors
def eval_(ctx, cases, as_json):
    """Run a case file (format of dev_checks.json) against the store and print recall and false positives."""
    from .evaluate import evaluate, render

    report = evaluate(_store(ctx), cases)
    if as_json:
        _print_json(report)
    else:
        click.echo(render(report))


def main() -> None:
    cli(obj={})
