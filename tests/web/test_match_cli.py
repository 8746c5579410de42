"""``flask --app web match run``: one JSON line, and a clear refusal."""
import json

from web.models import MatchRun

from tests import factories as f


def test_match_run_json_prints_one_line(db, runner):
    """Does ``match run --wait --json`` print one JSON line with the run's numbers?"""
    f.make_programme()
    f.make_youth()
    f.make_opening()
    db.session.commit()
    result = runner.invoke(args=["match", "run", "--wait", "--json"])
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1
    summary = json.loads(lines[0])
    assert summary["status"] == "done"
    assert summary["proposals"] == 1 and summary["unmatched"] == 0
    assert set(summary) == {"id", "status", "proposals", "unmatched", "seconds"}


def test_match_run_is_refused_while_another_runs(db, runner):
    """Is a second run refused with a message and a non-zero exit?"""
    programme = f.make_programme()
    db.session.add(MatchRun(programme=programme, status="running", params={}))
    db.session.commit()
    result = runner.invoke(args=["match", "run"])
    assert result.exit_code != 0
    assert "kører allerede" in result.output
