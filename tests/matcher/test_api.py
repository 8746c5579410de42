import doctest
import importlib
import pkgutil

import pytest

import matcher


def test_every_public_name_resolves():
    """Does every name in matcher.__all__ exist?"""
    missing = [name for name in matcher.__all__ if not hasattr(matcher, name)]
    assert missing == []


def test_public_functions_have_docstrings_with_examples():
    """Does every public function carry a numpydoc Examples section?"""
    lacking = [
        name for name in matcher.__all__
        if callable(getattr(matcher, name)) and not isinstance(getattr(matcher, name), type)
        and "Examples" not in (getattr(matcher, name).__doc__ or "")
    ]
    assert lacking == []


MODULES = sorted(["matcher"] + [f"matcher.{m.name}" for m in pkgutil.iter_modules(matcher.__path__)])


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_run(name):
    """Do the Examples in this module's docstrings still produce what they show?"""
    module = importlib.import_module(name)
    outcome = doctest.testmod(module, optionflags=doctest.ELLIPSIS, verbose=False)
    assert outcome.failed == 0
