import ast
import pathlib

FORBIDDEN = {"flask", "sqlalchemy", "celery", "web", "workers"}
SOURCES = sorted((pathlib.Path(__file__).parents[2] / "matcher").glob("*.py"))


def _violations(path):
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            names = [node.module or ""] if node.level == 0 else []
        else:
            names = []
        for name in names:
            if name.split(".")[0] in FORBIDDEN:
                found.append(f"{path.name}:{node.lineno} imports {name}")
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "os" \
                and node.attr in ("environ", "getenv", "environb", "putenv"):
            found.append(f"{path.name}:{node.lineno} uses os.{node.attr}")
        if isinstance(node, ast.ImportFrom) and node.module == "os":
            for alias in node.names:
                if alias.name in ("environ", "getenv", "environb", "putenv"):
                    found.append(f"{path.name}:{node.lineno} imports os.{alias.name}")
    return found


def test_matcher_sources_found():
    """Does the guard actually see the matcher's modules?"""
    assert len(SOURCES) >= 10


def test_matcher_imports_no_app_code_and_reads_no_environment():
    """Is matcher/ free of flask, sqlalchemy, celery, web, workers and os.environ/getenv?"""
    found = [problem for path in SOURCES for problem in _violations(path)]
    assert found == []


def test_guard_catches_a_forbidden_import(tmp_path):
    """Would the guard notice `from flask import x` and `os.getenv`?"""
    bad = tmp_path / "bad.py"
    bad.write_text("import os\nfrom flask import Flask\nx = os.getenv('A')\n")
    assert len(_violations(bad)) == 2
