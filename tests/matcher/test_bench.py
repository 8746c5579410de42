import pytest

from matcher.bench import main


def test_unknown_mode_is_refused_with_its_name(capsys):
    """Does the benchmark stop on a mode it does not know instead of running loose?"""
    with pytest.raises(SystemExit) as stopped:
        main(["--sizes", "small", "--modes", "tigth", "--quiet"])
    assert stopped.value.code == 2
    assert "unknown mode 'tigth'" in capsys.readouterr().err
