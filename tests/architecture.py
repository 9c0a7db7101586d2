"""Checks of the code's shape, read from the source with `ast` (nothing is imported):

- every module lies in a stage folder, and imports only from its own stage or the ones
  before it: base -> config -> load -> language -> groups -> parity -> rules -> engine ->
  reporters -> cli (the package's `__init__` holds only the version);
- no import cycle between modules, function-level imports included;
- no rule module imports another (they share `rules.base` and the parity kit);
- no module over 300 lines, no function over 60;
- no field or variable annotated `object` (a real type, or a Protocol, says what it holds).

Run `python tests/architecture.py` to see every problem; tests/test_architecture.py
asserts there are none.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

STAGES = ("base", "config", "load", "language", "groups", "parity", "history", "rules", "engine", "reporters", "cli")
# Modules of the rules stage that are not rules (rules/catalogue.py's MACHINERY).
RULE_MACHINERY = ("base", "catalogue", "configure", "packs")
MAX_MODULE, MAX_FUNCTION = 300, 60
PACKAGE = Path(__file__).resolve().parents[1] / "contentlint"


def _modules(package: Path) -> dict[str, Path]:
    out = {}
    for path in sorted(package.rglob("*.py")):
        parts = path.relative_to(package.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


def import_graph(package: Path = PACKAGE) -> dict[str, set[str]]:
    """module -> the modules of the package it imports, anywhere in its body."""
    modules = _modules(package)
    graph: dict[str, set[str]] = {m: set() for m in modules}
    for name, path in modules.items():
        own_package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    parts = own_package.split(".")[: len(own_package.split(".")) - node.level + 1]
                    base = ".".join(parts + ([base] if base else []))
                targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in modules else base for a in node.names]
            graph[name] |= {t for t in targets if t in modules and t != name}
    return graph


def stage_of(module: str) -> int | None:
    """The module's place in STAGES; -1 for the package itself and `__main__`."""
    parts = module.split(".")
    if len(parts) == 1 or parts[1] == "__main__":
        return -1
    return STAGES.index(parts[1]) if parts[1] in STAGES else None


def upward_imports(graph: dict[str, set[str]]) -> list[tuple[str, str]]:
    """(importer, imported) where the imported module's stage comes later than the importer's
    (the package's own `__init__`, which holds the version, is below every stage)."""
    bad = []
    for m, targets in sorted(graph.items()):
        for t in sorted(targets):
            own, theirs = stage_of(m), stage_of(t)
            if t.count(".") == 0:
                continue
            if own is not None and theirs is not None and own != -1 and theirs > own:
                bad.append((m, t))
    return bad


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return sorted(found)


def _is_rule(module: str) -> bool:
    parts = module.split(".")
    return len(parts) == 3 and parts[1] == "rules" and parts[2] not in RULE_MACHINERY


def rule_to_rule_imports(graph: dict[str, set[str]]) -> list[tuple[str, str]]:
    return sorted((m, t) for m, targets in graph.items() if _is_rule(m) for t in targets if _is_rule(t))


def too_long(package: Path = PACKAGE) -> list[str]:
    out = []
    for path in _modules(package).values():
        source = path.read_text(encoding="utf-8")
        lines = source.count("\n")
        if lines > MAX_MODULE:
            out.append(f"{path}: {lines} lines")
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = node.end_lineno - node.lineno + 1
                if length > MAX_FUNCTION:
                    out.append(f"{path}:{node.lineno} {node.name}: {length} lines")
    return sorted(out)


def object_fields(package: Path = PACKAGE) -> list[str]:
    out = []
    for path in _modules(package).values():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.AnnAssign) and "object" in ast.unparse(node.annotation).replace("|", " ").split():
                out.append(f"{path}:{node.lineno} {ast.unparse(node.target)}: {ast.unparse(node.annotation)}")
    return sorted(out)


def main() -> int:
    graph = import_graph()
    problems = [f"not in a stage: {m}" for m in graph if stage_of(m) is None]
    problems += [f"upward import: {a} -> {b}" for a, b in upward_imports(graph)]
    problems += [f"import cycle: {' <-> '.join(c)}" for c in cycles(graph)]
    problems += [f"rule imports a rule: {a} -> {b}" for a, b in rule_to_rule_imports(graph)]
    problems += [f"too long: {t}" for t in too_long()]
    problems += [f"typed object: {t}" for t in object_fields()]
    print("\n".join(problems) if problems else f"{len(graph)} modules: imports run one way, no cycle, all small.")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
