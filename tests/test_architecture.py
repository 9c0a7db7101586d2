"""The shape of the code: stages as folders whose imports run one way, no import cycle
(function-level imports included), no rule module that imports another, small modules and
functions. `python tests/architecture.py` prints the same checks for a person."""

from __future__ import annotations

import pytest

import architecture


@pytest.fixture(scope="module")
def graph():
    return architecture.import_graph()


def test_every_module_is_in_a_known_stage(graph):
    assert [m for m in graph if architecture.stage_of(m) is None] == []


def test_imports_run_one_way(graph):
    assert architecture.upward_imports(graph) == []


def test_no_import_cycle(graph):
    assert architecture.cycles(graph) == []


def test_no_rule_module_imports_another(graph):
    assert architecture.rule_to_rule_imports(graph) == []


def test_modules_and_functions_are_small():
    assert architecture.too_long() == []


def test_no_field_is_typed_object():
    assert architecture.object_fields() == []


def test_the_checks_find_what_they_look_for(tmp_path):
    """A planted upward import, cycle and long function are found: the checks can fail."""
    pkg = tmp_path / "contentlint"
    for folder in ("load", "engine", "rules"):
        (pkg / folder).mkdir(parents=True)
        (pkg / folder / "__init__.py").write_text('"""x"""\n')
    (pkg / "__init__.py").write_text("")
    (pkg / "load" / "a.py").write_text("def f():\n    from contentlint.engine import b\n")
    (pkg / "engine" / "b.py").write_text("from contentlint.load import a\n")
    (pkg / "rules" / "one.py").write_text("from contentlint.rules import two\n")
    (pkg / "rules" / "two.py").write_text("def g():\n" + "    x = 1\n" * 61)
    (pkg / "engine" / "c.py").write_text("class C:\n    doc: object | None = None\n")
    graph = architecture.import_graph(pkg)
    assert architecture.upward_imports(graph) == [("contentlint.load.a", "contentlint.engine.b")]
    assert architecture.cycles(graph) == [["contentlint.engine.b", "contentlint.load.a"]]
    assert architecture.rule_to_rule_imports(graph) == [("contentlint.rules.one", "contentlint.rules.two")]
    assert architecture.too_long(pkg) == [f"{pkg / 'rules' / 'two.py'}:1 g: 62 lines"]
    assert architecture.object_fields(pkg) == [f"{pkg / 'engine' / 'c.py'}:2 doc: object | None"]
