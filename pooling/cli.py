"""The `pooling` command: the composition root, the only place that reaches every package."""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path

import click

from pooling.errors import InvalidInput
from pooling.i18n import LANGUAGES, translate


def default_language() -> str:
    """`POOLING_LANG`, else French when the locale is French, else English."""
    chosen = os.environ.get("POOLING_LANG") or os.environ.get("LANG", "")
    return "fr" if chosen.lower().startswith("fr") else "en"


def say(ctx: click.Context, message: str, **params) -> None:
    click.echo(translate(message, ctx.obj["lang"], **params))


def fail_with_problems(ctx: click.Context, error: InvalidInput) -> None:
    """Print every problem of an input, one per line, and stop with exit code 2."""
    lang = ctx.obj["lang"]
    click.echo(translate("{count} problem(s) found, nothing was changed:", lang,
                         count=len(error.problems)), err=True)
    for problem in error.problems:
        click.echo(f"  {problem.render(lang)}", err=True)
    ctx.exit(2)


def open_database(url: str | None):
    """An engine on the migrated database (the default SQLite file unless told otherwise)."""
    from pooling.db import database_url, make_engine, upgrade

    engine = make_engine(url or database_url())
    upgrade(engine)
    return engine


def parse_week(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from exc


database_option = click.option(
    "--database", "database", metavar="URL", default=None,
    help="Database URL (default: POOLING_DATABASE_URL, else instance/pooling.db).")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--lang", type=click.Choice(LANGUAGES), default=default_language,
              help="Language of messages (fr or en; default from POOLING_LANG or LANG).")
@click.pass_context
def main(ctx: click.Context, lang: str) -> None:
    """Pooling: weekly rotas for networks of tiers-lieux sharing people, rooms and equipment."""
    ctx.ensure_object(dict)
    ctx.obj["lang"] = lang


@main.command("init-db")
@database_option
@click.pass_context
def init_db(ctx: click.Context, database: str | None) -> None:
    """Create or upgrade the database schema (Alembic migrations)."""
    engine = open_database(database)
    say(ctx, "Database ready: {url}", url=engine.url.render_as_string(hide_password=True))
    engine.dispose()


def import_into_database(ctx: click.Context, scenario, database: str | None) -> None:
    """Store a checked scenario as one transaction and print what the database now holds."""
    from sqlalchemy.orm import Session

    from pooling.store import import_scenario, network_summary

    engine = open_database(database)
    try:
        with Session(engine) as session:
            import_scenario(session, scenario)
            summary = network_summary(session, scenario.network.name, scenario.network.week_start)
    finally:
        engine.dispose()
    print_summary(ctx, summary)


def print_summary(ctx: click.Context, summary: dict) -> None:
    say(ctx, "Network {network}, week of {week_start} ({days} days):", **summary)
    say(ctx, "  {sites} sites, {facilitators} facilitators, {rooms} rooms, "
             "{equipment} equipment units", **summary)
    needs = ", ".join(f"{count} {translate(priority, ctx.obj['lang'])}"
                      for priority, count in summary["needs_by_priority"].items())
    say(ctx, "  {count} needs ({detail}), {minutes} declared minutes",
        count=summary["needs"], detail=needs, minutes=summary["need_minutes"])


@main.command("import")
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@database_option
@click.pass_context
def import_command(ctx: click.Context, path: Path, database: str | None) -> None:
    """Import a scenario (JSON file, XLSX workbook or folder of CSV files) into the database.

    The import is one transaction: a file with any problem changes nothing.
    """
    from pooling.loading import load_scenario

    try:
        scenario = load_scenario(path)
    except InvalidInput as error:
        fail_with_problems(ctx, error)
        return
    import_into_database(ctx, scenario, database)


@main.command("export")
@click.argument("network")
@click.argument("week_start", metavar="WEEK_START", callback=lambda c, p, v: parse_week(v))
@click.option("--out", "out", required=True, type=click.Path(path_type=Path),
              help="Target: a .json or .xlsx file, or a folder for CSV files.")
@click.option("--format", "fmt", type=click.Choice(["json", "xlsx", "csv"]), default=None,
              help="Format (default: from the target's suffix; csv for a folder).")
@database_option
@click.pass_context
def export_command(ctx: click.Context, network: str, week_start: date, out: Path,
                   fmt: str | None, database: str | None) -> None:
    """Export one network-week of the database as a scenario (WEEK_START: its Monday)."""
    from sqlalchemy.orm import Session

    from pooling.loading import save_scenario
    from pooling.store import UnknownWeek, export_scenario

    engine = open_database(database)
    try:
        with Session(engine) as session:
            scenario = export_scenario(session, network, week_start)
    except UnknownWeek as error:
        click.echo(error.text(ctx.obj["lang"]), err=True)
        ctx.exit(1)
        return
    finally:
        engine.dispose()
    try:
        save_scenario(scenario, out, fmt)
    except InvalidInput as error:
        fail_with_problems(ctx, error)
        return
    say(ctx, "Exported to {path}", path=out)


@main.command("validate")
@click.argument("scenario_path", metavar="SCENARIO", type=click.Path(exists=True, path_type=Path))
@click.argument("plan_path", metavar="PLAN", type=click.Path(exists=True, path_type=Path))
@click.pass_context
def validate_command(ctx: click.Context, scenario_path: Path, plan_path: Path) -> None:
    """Check a plan against every hard rule of format v1; exit 1 on any violation.

    Prints one line per violation (rule, ids, what is wrong), then the plan's KPIs.
    """
    from pooling.interchange import read_plan_json
    from pooling.loading import load_scenario
    from pooling.referee import check_plan

    try:
        scenario = load_scenario(scenario_path)
        plan = read_plan_json(plan_path)
    except InvalidInput as error:
        fail_with_problems(ctx, error)
        return
    report = check_plan(scenario, plan)
    lang = ctx.obj["lang"]
    for line in report.lines(lang):
        click.echo(line)
    print_kpis(ctx, report.kpis)
    if report.ok:
        say(ctx, "Valid plan: every hard rule holds.")
    else:
        say(ctx, "Invalid plan: {count} violation(s).", count=len(report.violations))
        ctx.exit(1)


def print_kpis(ctx: click.Context, kpis: dict) -> None:
    """The plan's key figures in a few readable lines (those the plan carries)."""
    lang = ctx.obj["lang"]
    for priority, figures in kpis.get("coverage_by_priority", {}).items():
        say(ctx, "  coverage {priority}: {met}/{total}",
            priority=translate(priority, lang), **figures)
    if "travel_minutes" in kpis:
        say(ctx, "  travel: {minutes} min", minutes=kpis["travel_minutes"])
    if "avoid_minutes" in kpis:
        say(ctx, "  minutes inside avoid windows: {minutes}", minutes=kpis["avoid_minutes"])
    for facilitator, minutes in sorted(kpis.get("worked_minutes_by_facilitator", {}).items()):
        say(ctx, "  worked {facilitator}: {hours}h{minutes:02d}",
            facilitator=facilitator, hours=minutes // 60, minutes=minutes % 60)


@main.command("demo")
@database_option
@click.option("--solve/--no-solve", default=True, show_default=True,
              help="Also solve the demo week and print its rota.")
@click.option("--time-limit", type=click.FloatRange(min=0.1), default=20.0, show_default=True,
              help="Seconds of search for the demo week.")
@click.pass_context
def demo_command(ctx: click.Context, database: str | None, solve: bool, time_limit: float) -> None:
    """Load the demo network (8 real tiers-lieux of Nouvelle-Aquitaine), solve and print its week."""
    from scenarios.demo import demo_scenario

    scenario = demo_scenario()
    import_into_database(ctx, scenario, database)
    if solve:
        engine = open_database(database)
        try:
            solve_stored_week(ctx, engine, scenario.network.name, scenario.network.week_start,
                              time_limit=time_limit)
        finally:
            engine.dispose()


def progress_printer(ctx: click.Context):
    """A live one-line progress bar on stderr: coverage, objective, bound, elapsed time."""
    width = 30

    def show(event) -> None:
        done = int(width * event.met / event.total) if event.total else width
        bar = "#" * done + "-" * (width - done)
        objective = "-" if event.objective is None else f"{event.objective:.0f}"
        bound = "-" if event.bound is None else f"{event.bound:.0f}"
        click.echo(f"\r[{bar}] {event.met}/{event.total} "
                   f"{translate('obj {objective} bound {bound}', ctx.obj['lang'], objective=objective, bound=bound)}"
                   f" {event.elapsed:.1f}s {event.phase:<24}", nl=False, err=True)

    return show


def print_plan(ctx: click.Context, scenario, plan) -> None:
    """The rota, what is unmet with its reasons, and the plan's figures."""
    from pooling.rota_text import rota_lines, unmet_lines

    lang = ctx.obj["lang"]
    for line in rota_lines(scenario, plan, lang):
        click.echo(line)
    if plan.unmet:
        say(ctx, "Unmet needs ({count}):", count=len(plan.unmet))
        for line in unmet_lines(scenario, plan, lang):
            click.echo(line)
    say(ctx, "Status {status}, objective {objective}, bound {bound}", status=plan.status,
        objective=plan.objective, bound=plan.bound)
    if plan.kpis:
        print_kpis(ctx, plan.kpis)


solve_options = [
    click.option("--time-limit", type=click.FloatRange(min=0.1), default=30.0, show_default=True,
                 help="Seconds of search."),
    click.option("--workers", type=click.IntRange(min=1), default=None,
                 help="Parallel search workers (default: the machine's cores)."),
    click.option("--seed", type=int, default=0, show_default=True,
                 help="Random seed; with one worker the same input gives the same plan."),
    click.option("--method", type=click.Choice(["cpsat", "greedy"]), default="cpsat",
                 show_default=True, help="cpsat: the optimiser; greedy: first-fit baseline."),
]


def with_solve_options(command):
    for option in reversed(solve_options):
        command = option(command)
    return command


@main.command("solve")
@click.argument("scenario_path", metavar="SCENARIO", type=click.Path(exists=True, path_type=Path))
@click.option("--out", "out", required=True, type=click.Path(path_type=Path),
              help="Where to write the plan (JSON, format v1).")
@click.option("--previous", "previous_path", type=click.Path(exists=True, path_type=Path),
              default=None, help="A published plan to stay close to (re-planning).")
@click.option("--quiet", is_flag=True, help="Print only the summary, not the rota.")
@with_solve_options
@click.pass_context
def solve_command(ctx: click.Context, scenario_path: Path, out: Path, previous_path: Path | None,
                  quiet: bool, time_limit: float, workers: int | None, seed: int,
                  method: str) -> None:
    """Compute the week's rota for a scenario (JSON, XLSX or CSV folder) and write the plan."""
    from pooling.interchange import read_plan_json, write_plan_json
    from pooling.loading import load_scenario
    from pooling.planning import solve_scenario

    try:
        scenario = load_scenario(scenario_path)
        previous = read_plan_json(previous_path) if previous_path else None
        plan = solve_scenario(scenario, method=method, time_limit=time_limit, workers=workers,
                              seed=seed, previous=previous, progress=progress_printer(ctx),
                              language=ctx.obj["lang"])
    except InvalidInput as error:
        click.echo("", err=True)
        fail_with_problems(ctx, error)
        return
    click.echo("", err=True)
    write_plan_json(plan, out)
    if quiet:
        say(ctx, "Status {status}, objective {objective}, bound {bound}", status=plan.status,
            objective=plan.objective, bound=plan.bound)
    else:
        print_plan(ctx, scenario, plan)
    say(ctx, "Plan written to {path}", path=out)


def solve_stored_week(ctx: click.Context, engine, network: str, week_start: date,
                      **options) -> None:
    """Solve a network-week of the database, keep the plan as a draft and print it."""
    from sqlalchemy.orm import Session

    from pooling.plan_week import solve_week
    from pooling.store import plan_snapshot

    with Session(engine) as session:
        version = solve_week(session, network, week_start, progress=progress_printer(ctx),
                             language=ctx.obj["lang"], **options)
        click.echo("", err=True)
        scenario, plan = plan_snapshot(version)
        print_plan(ctx, scenario, plan)
        say(ctx, "Stored as draft version {number}.", number=version.number)


@main.command("solve-week")
@click.argument("network")
@click.argument("week_start", metavar="WEEK_START", callback=lambda c, p, v: parse_week(v))
@database_option
@with_solve_options
@click.pass_context
def solve_week_command(ctx: click.Context, network: str, week_start: date,
                       database: str | None, **options) -> None:
    """Solve a network-week stored in the database and keep the plan as a draft version."""
    from pooling.store import UnknownWeek

    engine = open_database(database)
    try:
        solve_stored_week(ctx, engine, network, week_start, **options)
    except UnknownWeek as error:
        click.echo(error.text(ctx.obj["lang"]), err=True)
        ctx.exit(1)
    finally:
        engine.dispose()



@main.command("create-user")
@click.argument("email")
@click.option("--role", required=True, type=click.Choice(["coordinator", "site_manager",
                                                          "facilitator"]),
              help="coordinator (whole network), site_manager (their sites) or facilitator.")
@click.option("--name", required=True, help="The person's name as the pages show it.")
@click.option("--site", "sites", multiple=True, metavar="ID",
              help="A site a site manager manages (repeat for several).")
@click.option("--facilitator", default=None, metavar="ID",
              help="The facilitator this account is (facilitator accounts).")
@click.option("--network", default=None, metavar="NAME",
              help="The person's network (a coordinator without one covers every network).")
@click.option("--language", type=click.Choice(LANGUAGES), default="fr",
              help="Language of the pages for this person (default fr).")
@click.password_option("--password", help="The password (asked when not given).")
@database_option
@click.pass_context
def create_user_command(ctx: click.Context, email: str, role: str, name: str,
                        sites: tuple[str, ...], facilitator: str | None, network: str | None,
                        language: str, password: str, database: str | None) -> None:
    """Create an account that can sign in to the web application."""
    from sqlalchemy.orm import Session

    from pooling.accounts import create_user

    engine = open_database(database)
    try:
        with Session(engine) as session:
            account = create_user(session, email, name, password, role, network=network,
                                  sites=sites, facilitator=facilitator, language=language)
    except InvalidInput as error:
        fail_with_problems(ctx, error)
        return
    finally:
        engine.dispose()
    say(ctx, "Account created: {email} ({role}).", email=account.email,
        role=translate(account.role, ctx.obj["lang"]))


@main.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=5000, show_default=True, type=int, help="Port to listen on.")
@click.option("--demo/--no-demo", default=True, show_default=True,
              help="Load the demo network into an empty database and create demo accounts.")
@database_option
@click.pass_context
def serve_command(ctx: click.Context, host: str, port: int, demo: bool,
                  database: str | None) -> None:
    """Run the web application (embedded server) on a migrated database.

    With --demo (the default), an empty database gets the demo network, and one account per
    role is created on the first network if missing; their sign-ins are printed.
    """
    from sqlalchemy.orm import Session

    from pooling.accounts import ensure_demo_accounts
    from pooling.store import import_scenario, list_weeks
    from scenarios.demo import demo_scenario
    from webui import create_app
    from webui.config import DevelopmentConfig

    engine = open_database(database)
    try:
        if demo:
            with Session(engine) as session:
                weeks = list_weeks(session)
                if not weeks:
                    import_scenario(session, demo_scenario())
                    weeks = list_weeks(session)
                accounts = ensure_demo_accounts(session, weeks[0].network)
            say(ctx, "Demo accounts on network {network}:", network=weeks[0].network)
            for account in accounts:
                say(ctx, "  {role}: {email} / {password}", email=account.email,
                    password=account.password, role=translate(account.role, ctx.obj["lang"]))
        url = engine.url.render_as_string(hide_password=False)
    finally:
        engine.dispose()
    say(ctx, "Pooling runs on http://{host}:{port}/ (Ctrl+C to stop)", host=host, port=port)
    create_app(DevelopmentConfig(url)).run(host=host, port=port)


@main.command("create-token")
@click.argument("email")
@click.option("--label", default="api", show_default=True,
              help="What the token is for (shown in the list of tokens).")
@database_option
@click.pass_context
def create_token_command(ctx: click.Context, email: str, label: str,
                         database: str | None) -> None:
    """Make a JSON API token for a coordinator; it is printed once, keep it safe."""
    from sqlalchemy.orm import Session

    from pooling.api_tokens import create_api_token

    engine = open_database(database)
    try:
        with Session(engine) as session:
            token = create_api_token(session, email, label)
    except InvalidInput as error:
        fail_with_problems(ctx, error)
        return
    finally:
        engine.dispose()
    say(ctx, "API token for {email} (shown once): {token}", email=email, token=token)


@main.group("bench")
def bench_group() -> None:
    """Benchmarks that print figures anyone can rerun (not tests: they time)."""


@bench_group.command("planted")
@click.option("--sizes", default="small,medium,large", show_default=True,
              help="Comma-separated generated sizes (small, medium, large).")
@click.option("--time-limit", type=click.FloatRange(min=0.1), default=60.0, show_default=True,
              help="Seconds of search per size.")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Parallel search workers (default: the machine's cores).")
@click.option("--seed", type=int, default=1, show_default=True, help="Generator and solver seed.")
def bench_planted_command(sizes: str, time_limit: float, workers: int | None, seed: int) -> None:
    """Solve generated networks with a planted plan: time to first plan and to full coverage,
    objective, bound, gap, peak memory, with the first-fit baseline beside."""
    from pooling.bench import bench_planted, format_bench_table

    chosen = tuple(size.strip() for size in sizes.split(",") if size.strip())
    click.echo(format_bench_table(bench_planted(chosen, time_limit, workers, seed)))


@bench_group.command("curtois")
@click.option("--instances", default="1-24", show_default=True,
              help="Instance numbers and ranges, such as 1-7,9,12-24.")
@click.option("--time-limit", type=click.FloatRange(min=0.1), default=60.0, show_default=True,
              help="Seconds of search per instance.")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Parallel search workers (default: the machine's cores).")
@click.option("--seed", type=int, default=1, show_default=True, help="Solver seed.")
@click.option("--out", "out", type=click.Path(dir_okay=False), default=None,
              help="Also write the Markdown table, with the machine and command, to this file.")
@click.pass_context
def bench_curtois_command(ctx: click.Context, instances: str, time_limit: float,
                          workers: int | None, seed: int, out: str | None) -> None:
    """Solve the Curtois & Qu instances with the product's engine; a Markdown table of the
    penalty (judged by the instance's own checker) beside the best known and published
    figures, with times to the first feasible and to the best roster."""
    from pooling.bench_curtois import bench_curtois, machine_line, markdown_table, parse_numbers

    try:
        numbers = parse_numbers(instances)
    except InvalidInput as invalid:
        fail_with_problems(ctx, invalid)
    rows = bench_curtois(numbers, time_limit, workers, seed,
                         report=lambda row: click.echo(
                             f"Instance{row['instance']}: {row['penalty']} "
                             f"({row['status']}, {row['wall_s']:.0f} s)", err=True))
    table = markdown_table(rows)
    click.echo(table)
    if out is not None:
        command = (f"pooling bench curtois --instances {instances} --time-limit {time_limit:g}"
                   f" --seed {seed}" + (f" --workers {workers}" if workers else ""))
        Path(out).write_text(f"Measured {machine_line(workers)}; command `{command}`.\n\n"
                             f"{table}\n", encoding="utf-8")


@bench_group.command("scale")
@click.option("--time-limit", type=click.FloatRange(min=0.1), default=60.0, show_default=True,
              help="Seconds of search per network.")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Parallel search workers (default: the machine's cores).")
@click.option("--seed", type=int, default=1, show_default=True, help="Generator and solver seed.")
@click.option("--plot", type=click.Path(dir_okay=False), default="docs/scale.png",
              show_default=True, help="Where to draw the curves (PNG).")
def bench_scale_command(time_limit: float, workers: int | None, seed: int, plot: str) -> None:
    """Solve generated networks of 6, 30, 100 and 225 sites (and 225 with twice the needs):
    a Markdown table and curves of time to full coverage, gap and peak memory against size,
    with the first-fit baseline."""
    from pooling.bench_scale import bench_scale, markdown_table, plot_scale

    rows = bench_scale(time_limit=time_limit, workers=workers, seed=seed,
                       report=lambda row: click.echo(
                           f"{row['sites']} sites x{row['load']:g}: {row['met']}/"
                           f"{row['coverable']} met", err=True))
    click.echo(markdown_table(rows))
    plot_scale(rows, Path(plot), time_limit)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
