"""The layer rule cannot rot (STYLE.md "Layers"): checked on the source with ``ast``.

Rules, exactly:

1. Only modules under ``qsm_desktop/ui/`` import PySide6 (or shiboken6, or matplotlib's Qt
   backends), at any depth of the module.
2. ``qsm_desktop/app.py`` and ``qsm_desktop/__main__.py`` (the composition root) may import
   ``qsm_desktop.ui`` — but only inside a function body, never at module level, so
   ``import qsm_desktop.app`` (and ``qsm-desktop --help``) stays Qt-free. No other module outside
   ``qsm_desktop/ui/`` imports ``qsm_desktop.ui`` at all.
3. No module under ``qsm_desktop/ui/`` imports SQLAlchemy or Alembic, at any depth: the window
   talks to ``qsm_desktop.services``, which return frozen dataclasses.

4. The direction table (:data:`FORBIDDEN`, issue 10 and ARCHITECTURE.md): ``excel`` imports
   neither ``store``, ``services`` nor SQLAlchemy; ``reports`` neither ``services`` nor ``store``;
   ``ui`` neither ``store``, ``excel`` nor SQLAlchemy; ``domain`` nothing but the standard library
   and ``domain`` itself; ``store`` not ``services``/``excel``/``reports``. ``ui`` → ``reports`` is
   allowed (previews, charts, output file names): reports never import Qt or the store.
5. No import circles between modules of different layers (reports ↔ services, demo steps ↔ demo).

A second check imports every non-UI module in a fresh interpreter and asserts that PySide6 was
not loaded transitively.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "qsm_desktop"
UI = PACKAGE / "ui"
QT_PREFIXES = ("PySide6", "shiboken6", "matplotlib.backends.backend_qt")
DB_PREFIXES = ("sqlalchemy", "alembic")
COMPOSITION_ROOT = {PACKAGE / "app.py", PACKAGE / "__main__.py"}


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def _module_name(path: Path) -> str:
    rel = path.relative_to(ROOT).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _imports(path: Path) -> list[tuple[str, bool, int]]:
    """(imported module, inside a function?, line) for every import statement of ``path``."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = _module_name(path) if path.name == "__init__.py" else _module_name(path).rpartition(".")[0]
    found: list[tuple[str, bool, int]] = []

    def visit(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            nested = in_function or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
            if isinstance(child, ast.Import):
                found.extend((alias.name, in_function, child.lineno) for alias in child.names)
            elif isinstance(child, ast.ImportFrom):
                if child.level:
                    base = package.split(".")
                    base = base[: len(base) - (child.level - 1)] if child.level > 1 else base
                    module = ".".join(base + ([child.module] if child.module else []))
                else:
                    module = child.module or ""
                found.append((module, in_function, child.lineno))
                for alias in child.names:  # "from qsm_desktop import ui"
                    found.append((f"{module}.{alias.name}", in_function, child.lineno))
            visit(child, nested)

    visit(tree, False)
    return found


def _starts(module: str, prefixes: tuple[str, ...]) -> bool:
    """``module`` is one of ``prefixes`` or inside one (``matplotlib.backends.backend_qt*`` as a prefix)."""
    return any(module == p or module.startswith(p + ".") or (p.endswith("backend_qt") and module.startswith(p))
               for p in prefixes)


def test_every_module_parses():
    assert _modules(), "no modules found"
    for path in _modules():
        ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def test_pyside6_only_under_ui():
    offenders = []
    for path in _modules():
        if UI in path.parents:
            continue
        for module, _in_function, line in _imports(path):
            if _starts(module, QT_PREFIXES):
                offenders.append(f"{path.relative_to(ROOT)}:{line} imports {module}")
    assert not offenders, "PySide6 outside qsm_desktop/ui:\n" + "\n".join(offenders)


def test_ui_imported_only_lazily_by_the_composition_root():
    offenders = []
    for path in _modules():
        if UI in path.parents:
            continue
        for module, in_function, line in _imports(path):
            if module == "qsm_desktop.ui" or module.startswith("qsm_desktop.ui."):
                if path not in COMPOSITION_ROOT:
                    offenders.append(f"{path.relative_to(ROOT)}:{line} imports {module} (not the composition root)")
                elif not in_function:
                    offenders.append(f"{path.relative_to(ROOT)}:{line} imports {module} at module level")
    assert not offenders, "\n".join(offenders)


def test_no_sqlalchemy_under_ui():
    offenders = []
    for path in sorted(UI.rglob("*.py")):
        for module, _in_function, line in _imports(path):
            if _starts(module, DB_PREFIXES):
                offenders.append(f"{path.relative_to(ROOT)}:{line} imports {module}")
    assert not offenders, "SQLAlchemy/Alembic under qsm_desktop/ui:\n" + "\n".join(offenders)


def test_the_checker_sees_module_level_and_lazy_imports():
    imports = _imports(PACKAGE / "ui" / "views" / "base.py")
    assert any(m == "PySide6.QtCore" and not inside for m, inside, _ in imports)
    assert any(m == "qsm_desktop.domain.normalise" and inside for m, inside, _ in imports)  # inside Page.subtitle
    app_imports = _imports(PACKAGE / "app.py")
    assert any(m.startswith("qsm_desktop.ui") and inside for m, inside, _ in app_imports)
    assert _starts("matplotlib.backends.backend_qtagg", QT_PREFIXES)
    assert not _starts("matplotlib.backends.backend_agg", QT_PREFIXES)


@pytest.mark.parametrize("entry", ["qsm_desktop.app", "qsm_desktop.cli"])
def test_entry_points_load_without_qt(entry):
    code = (f"import sys, {entry}; "
            "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')); "
            "print(bad); sys.exit(1 if bad else 0)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_non_ui_modules_do_not_load_qt_transitively():
    names = [_module_name(p) for p in _modules()
             if UI not in p.parents and p.name != "__main__.py" and p not in COMPOSITION_ROOT]
    code = (
        "import importlib, sys\n"
        f"for name in {names!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


# ------------------------------------------------------------------------------------------ direction table

FORBIDDEN: dict[str, tuple[str, ...]] = {
    "excel": ("qsm_desktop.store", "qsm_desktop.services", "qsm_desktop.reports", "qsm_desktop.ui", "sqlalchemy",
              "alembic"),
    "reports": ("qsm_desktop.services", "qsm_desktop.store", "qsm_desktop.ui", "sqlalchemy"),
    "ui": ("qsm_desktop.store", "qsm_desktop.excel", "sqlalchemy", "alembic"),
    "store": ("qsm_desktop.services", "qsm_desktop.excel", "qsm_desktop.reports", "qsm_desktop.ui"),
    "services": ("qsm_desktop.ui",),
}
"""Layer (the folder under ``qsm_desktop/``) → module prefixes it must not import, at any depth."""

DOMAIN_ALLOWED_THIRD_PARTY: tuple[str, ...] = ()
"""``domain`` imports the standard library and ``qsm_desktop.domain`` only."""

def _layer(path: Path) -> str | None:
    rel = path.relative_to(PACKAGE).parts
    return rel[0] if len(rel) > 1 else None


def _stdlib(module: str) -> bool:
    return module.split(".")[0] in sys.stdlib_module_names or module == "__future__"


def test_layer_direction_table():
    offenders = []
    for path in _modules():
        layer = _layer(path)
        if layer is None:
            continue
        for module, _in_function, line in _imports(path):
            if layer == "domain":
                if not (_stdlib(module) or module == "qsm_desktop.domain" or module.startswith("qsm_desktop.domain.")
                        or _starts(module, DOMAIN_ALLOWED_THIRD_PARTY)):
                    offenders.append(f"{path.relative_to(ROOT)}:{line} imports {module} (domain: stdlib only)")
                continue
            for prefix in FORBIDDEN.get(layer, ()):
                if module == prefix or module.startswith(prefix + "."):
                    offenders.append(f"{path.relative_to(ROOT)}:{line} imports {module} ({layer} ↛ {prefix})")
    assert not offenders, "layer rule broken:\n" + "\n".join(offenders)


def test_the_direction_table_catches_a_breach(tmp_path):
    """The checker sees an ``excel`` module importing the store (guards against a checker that passes all)."""
    fake = PACKAGE / "excel" / "_breach_probe.py"
    try:
        fake.write_text("from qsm_desktop.store import db\n", encoding="utf-8")
        with pytest.raises(AssertionError, match="excel ↛ qsm_desktop.store"):
            test_layer_direction_table()
    finally:
        fake.unlink()


def _runtime_imports(path: Path) -> list[str]:
    """Modules ``path`` imports at run time — at module level or inside functions (a lazy import
    still ties the two modules), but not under ``if TYPE_CHECKING:`` (annotations only)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = _module_name(path) if path.name == "__init__.py" else _module_name(path).rpartition(".")[0]
    found: list[str] = []

    def visit(body: list[ast.stmt]) -> None:
        for node in body:
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
                visit(node.orelse)
                continue
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.With, ast.For, ast.While)):
                visit(node.body)
            elif isinstance(node, (ast.If, ast.Try)):
                visit(node.body)
                visit(getattr(node, "orelse", []))
                for handler in getattr(node, "handlers", []):
                    visit(handler.body)
                visit(getattr(node, "finalbody", []))
            elif isinstance(node, ast.Import):
                found.extend(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")
                    base = base[: len(base) - (node.level - 1)] if node.level > 1 else base
                    module = ".".join(base + ([node.module] if node.module else []))
                else:
                    module = node.module or ""
                found.append(module)
                found.extend(f"{module}.{alias.name}" for alias in node.names)

    visit(tree.body)
    return found


def _module_graph() -> dict[str, set[str]]:
    names = {_module_name(p): p for p in _modules()}
    graph: dict[str, set[str]] = {}
    for name, path in names.items():
        targets = set()
        for module in _runtime_imports(path):
            while module and module not in names:
                module = module.rpartition(".")[0]
            if module and module != name:
                targets.add(module)
        graph[name] = targets
    return graph


def test_no_import_circles():
    """No two modules import each other, directly or through others (module level or lazily inside
    a function), except a package and its own ``__init__`` re-exports."""
    graph = _module_graph()
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []
    counter = [0]

    def strongconnect(node: str) -> None:
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, ()):
            if target not in index:
                strongconnect(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    sys.setrecursionlimit(10_000)
    for node in graph:
        if node not in index:
            strongconnect(node)

    def package_only(component: list[str]) -> bool:
        # a package's __init__ importing its own submodules, which import siblings via the package
        roots = {c for c in component if any(o.startswith(c + ".") for o in component)}
        return bool(roots) and all(any(c == r or c.startswith(r + ".") for r in roots) for c in component)

    real = [c for c in cycles if not package_only(c)]
    assert not real, "import circles:\n" + "\n".join(" ↔ ".join(c) for c in real)


MAX_MODULE_LINES = 800
"""No hand-written module over this many lines (issue 10): split along the seams instead."""


def test_no_hand_written_module_is_too_long():
    generated = PACKAGE / "ui" / "forms"
    long = [f"{p.relative_to(ROOT)}: {n} lines" for p in _modules()
            if generated not in p.parents and (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES]
    assert not long, "split these modules:\n" + "\n".join(long)
