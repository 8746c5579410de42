"""``flask --app web match run [--wait] [--json]``: start a match run from the shell."""
import json
import time

import click
from flask import current_app
from flask.cli import AppGroup

from web.extensions import db
from web.models import MatchRun, RunKind

match_cli = AppGroup("match", help="Match runs: start one and follow it.")


@match_cli.command("run")
@click.option("--wait", is_flag=True, help="Wait until the run is done or failed.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON line.")
@click.option("--kind", type=click.Choice([RunKind.MANUAL, RunKind.WEEKLY]), default=RunKind.MANUAL)
@click.option("--timeout", type=float, default=None, help="Seconds to wait at most.")
def run_command(wait: bool, as_json: bool, kind: str, timeout: float | None) -> None:
    """Start a run for this year's programme (refused while another one is live)."""
    from web.programmes import current_programme
    from web.services.match_runs import RunRefused, run_summary, start_run

    started = time.monotonic()
    try:
        run = start_run(current_programme(), kind=kind)
    except RunRefused as refused:
        if as_json:
            click.echo(json.dumps({"status": "refused", "error": str(refused)}, ensure_ascii=False))
            raise SystemExit(1)
        raise click.ClickException(str(refused)) from None
    run_id = run.id
    limit = timeout if timeout is not None else current_app.config["MATCH_TIME_LIMIT"] + 60
    while wait and run.is_live and time.monotonic() - started < limit:
        time.sleep(0.5)
        db.session.expire_all()
        run = db.session.get(MatchRun, run_id)
    summary = run_summary(run)
    if as_json:
        fields = ["id", "status", "proposals", "unmatched", "seconds"]
        if summary["error"]:
            fields.append("error")
        click.echo(json.dumps({key: summary[key] for key in fields}, ensure_ascii=False))
    else:
        click.echo(
            f"run {run.id}: {run.status}, {run.proposals_count} proposals, "
            f"{run.unmatched_count} unmatched"
            + (f" ({run.error})" if run.error else "")
        )
    if run.status == "failed":
        raise SystemExit(1)
