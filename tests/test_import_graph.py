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
