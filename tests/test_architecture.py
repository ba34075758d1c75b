"""The shape of the code, kept: the domain rules need no Rasa, the running assistant never needs
the harness, no module imports itself round a circle, and no runtime module grows past a size a
newcomer can read in one sitting."""
import ast
from pathlib import Path
from typing import Dict, List, Set

from bot.paths import ROOT

RUNTIME = ROOT / "bot"
MAX_LINES = 270  # "about 250"; bot/rules/safety_patterns.py is the longest, and is data


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> Set[str]:
    """Every module a file imports, at any depth in the file (inside functions too)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def project_graph() -> Dict[str, Set[str]]:
    files = {module_name(p): p for p in RUNTIME.rglob("*.py")}
    return {name: {m for m in imports(path) if m in files and m != name} for name, path in files.items()}


def test_the_domain_rules_import_nothing_from_rasa_or_the_rest_of_the_assistant():
    for path in (RUNTIME / "rules").glob("*.py"):
        outside = {m for m in imports(path) if m.split(".")[0] == "rasa"
                   or (m.startswith("bot.") and not m.startswith(("bot.rules", "bot.paths")))}
        assert not outside, f"{path.relative_to(ROOT)} imports {sorted(outside)}"


def test_the_running_assistant_never_imports_the_harness_or_the_evaluation():
    for path in RUNTIME.rglob("*.py"):
        used = {m for m in imports(path) if m.split(".")[0] in ("harness", "evaluation", "tests")}
        assert not used, f"{path.relative_to(ROOT)} imports {sorted(used)}"


def test_no_import_circles():
    graph = project_graph()
    circles: List[List[str]] = []

    def visit(node: str, trail: List[str]) -> None:
        for nxt in sorted(graph[node]):
            if nxt in trail:
                circles.append(trail[trail.index(nxt):] + [nxt])
            elif len(trail) < len(graph):
                visit(nxt, trail + [nxt])

    for start in sorted(graph):
        visit(start, [start])
        assert not circles, f"import circle: {' -> '.join(circles[0])}"


def test_no_runtime_module_is_too_long_to_read_in_one_sitting():
    for path in RUNTIME.rglob("*.py"):
        lines = len(path.read_text(encoding="utf-8").splitlines())
        assert lines <= MAX_LINES, f"{path.relative_to(ROOT)} has {lines} lines: split it by what it does"
