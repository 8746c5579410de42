import json
import subprocess
import sys

from matcher import example_instance
from matcher.__main__ import main
from matcher.sweep import random_case


def test_cli_writes_the_result(tmp_path):
    """Does `solve IN -o OUT` write a format-1 result and exit 0?"""
    source, target = tmp_path / "in.json", tmp_path / "out.json"
    source.write_text(json.dumps(example_instance()))
    assert main(["solve", str(source), "-o", str(target)]) == 0
    assert json.loads(target.read_text())["stats"]["matched"] == 2


def test_cli_exits_2_on_invalid_instance(tmp_path, capsys):
    """Does an invalid instance print the error on stderr and exit 2?"""
    instance = example_instance()
    instance["openings"][0]["shifts"][0]["day"] = "someday"
    source = tmp_path / "in.json"
    source.write_text(json.dumps(instance))
    assert main(["solve", str(source)]) == 2
    assert "opening 'o-7': shifts[0].day" in capsys.readouterr().err


def test_cli_exits_2_on_broken_json(tmp_path):
    """Does a file that is not JSON exit 2?"""
    source = tmp_path / "in.json"
    source.write_text("{not json")
    assert main(["solve", str(source)]) == 2


def test_module_runs_as_a_program(tmp_path):
    """Does `python -m matcher solve` work as a real process, exit 2 on bad input?"""
    source = tmp_path / "in.json"
    source.write_text(json.dumps({"format": 1}))
    done = subprocess.run([sys.executable, "-m", "matcher", "solve", str(source)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 2
    assert "policy" in done.stderr


def test_standard_output_holds_only_the_result_when_highs_prints_while_solving(tmp_path):
    """Is stdout pure JSON even on an instance where HiGHS writes a line of its own mid-solve?"""
    # On this sweep instance a knapsack move goes to HiGHS, whose C++ code printed
    # "HighsMipSolverData::transformNewIntegerFeasibleSolution ..." into the JSON.
    source = tmp_path / "in.json"
    source.write_text(json.dumps(random_case(251, (120, 300))))
    done = subprocess.run([sys.executable, "-m", "matcher", "solve", str(source)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0
    assert json.loads(done.stdout)["format"] == 1
