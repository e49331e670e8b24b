"""Developer commands for the generated UI files (开发工具) — ``python -m qsm_desktop.ui.devtools …``.

Policy (documented here, checked by ``tests/ui/test_generated.py`` and ``tests/ui/test_translations.py``):

- **Designer forms are committed.** ``ui/<name>.ui`` → ``qsm_desktop/ui/forms/ui_<name>.py``
  (``Ui_<Name>``) by ``pyside6-uic``; ``forms`` regenerates them. The tests regenerate into a
  temporary folder and fail when a committed file differs, so a form and its ``.ui`` never drift.
- **Translations are committed, ``.ts`` and ``.qm``.** ``translations`` runs ``pyside6-lupdate`` on
  every module of ``qsm_desktop/ui`` and every ``.ui`` file (no source locations, obsolete entries
  dropped), makes the English file complete (the source strings are English), and compiles both
  with ``pyside6-lrelease``. The tests recompile and compare the ``.qm`` bytes, and fail when the
  code holds a string that the Chinese file does not translate.
- **Counts** use Qt's numerus forms: ``self.tr("%n course(s)", "", n)``. The English file gets
  "%n course" / "%n courses" from the source (:func:`english_numerus`), the Chinese its one form.
- ``fill FILE.json`` puts Chinese translations into ``qsm_zh_CN.ts`` for unfinished entries:
  a JSON object ``{"English source": "中文", "Context|English source": "中文"}``.

Commands: ``forms``, ``translations``, ``fill FILE.json``, ``check`` (exit 1 when anything is out of date).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

from qsm_desktop import paths

PACKAGE_UI = Path(__file__).resolve().parent
FORMS_DIR = PACKAGE_UI / "forms"
TS_FILES = {"zh": "qsm_zh_CN", "en": "qsm_en"}
TS_LANGUAGE = {"zh": "zh_CN", "en": "en_GB"}
SHORT_MARKER = " (short)"
"""A source string ending so (e.g. ``"Tellers (short)"``) is a short variant; English drops the marker."""


def tool(name: str) -> str:
    """Path of a PySide6 tool (``pyside6-uic`` …): next to the running Python first, then on PATH."""
    candidates = [Path(sys.executable).with_name(name), Path(sys.executable).with_name(name + ".exe")]
    for candidate in candidates:
        if candidate.exists():
            return str(candidate)
    found = shutil.which(name)
    if not found:
        raise FileNotFoundError(f"{name} not found (install PySide6's tools)")
    return found


def ui_files() -> list[Path]:
    """The Designer files in the top-level ``ui/`` folder."""
    return sorted(paths.data_dir("ui").glob("*.ui"))


def form_module(ui_file: Path, folder: Path = FORMS_DIR) -> Path:
    return folder / f"ui_{ui_file.stem}.py"


def generate_forms(folder: Path = FORMS_DIR) -> list[Path]:
    """Run ``pyside6-uic`` for every ``.ui`` into ``folder``; return the written files."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for ui_file in ui_files():
        target = form_module(ui_file, folder)
        subprocess.run([tool("pyside6-uic"), "-g", "python", str(ui_file),
                        "-o", str(target)], check=True)
        written.append(target)
    return written


def python_sources() -> list[Path]:
    """Every module under ``qsm_desktop/ui`` except the generated forms (they are read via .ui)."""
    return sorted(p for p in PACKAGE_UI.rglob("*.py") if FORMS_DIR not in p.parents)


def run_lupdate(ts_files: list[Path]) -> None:
    """Update ``ts_files`` from the code and the Designer files (no locations, no obsolete entries)."""
    sources = [str(p) for p in python_sources()] + [str(p) for p in ui_files()]
    subprocess.run([tool("pyside6-lupdate"), "-silent", "-locations", "none", "-no-obsolete", *sources,
                    "-ts", *map(str, ts_files)], check=True)


def complete_english(ts_file: Path) -> None:
    """Make every message of the English file finished, its translation the (English) source."""
    tree = ET.parse(ts_file)
    root = tree.getroot()
    root.set("language", TS_LANGUAGE["en"])
    root.set("sourcelanguage", "en")
    for message in root.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        if message.get("numerus") == "yes":
            for form in list(translation):
                translation.remove(form)
            translation.text = None
            for text in english_numerus(source):
                ET.SubElement(translation, "numerusform").text = text
        else:
            translation.text = source.removesuffix(SHORT_MARKER)
        translation.attrib.pop("type", None)
    _write_ts(tree, ts_file)


ENGLISH_IRREGULAR = {"person(s)": ("person", "people"), "entry(s)": ("entry", "entries")}
"""Numerus markers whose English plural is not the singular plus "s"."""


def english_numerus(source: str) -> tuple[str, str]:
    """The English singular and plural of a numerus source (``self.tr("%n course(s)", "", n)``):
    ``"%n course"`` and ``"%n courses"`` — "(s)" dropped or made "s", and the irregular words of
    :data:`ENGLISH_IRREGULAR` ("%n person(s)" → "%n person" / "%n people")."""
    one, many = source, source
    for marker, (singular, plural) in ENGLISH_IRREGULAR.items():
        one, many = one.replace(marker, singular), many.replace(marker, plural)
    return one.replace("(s)", ""), many.replace("(s)", "s")


def _write_ts(tree: ET.ElementTree, ts_file: Path) -> None:
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts_file.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


def unfinished(ts_file: Path) -> list[tuple[str, str]]:
    """(context, source) of every message without a finished translation."""
    root = ET.parse(ts_file).getroot()
    missing = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            text = "" if translation is None else "".join(translation.itertext()).strip()
            if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete") or not text:
                missing.append((name, message.findtext("source") or ""))
    return missing


def fill(ts_file: Path, mapping: dict[str, str]) -> int:
    """Fill unfinished messages of ``ts_file`` from ``mapping`` ("source" or "Context|source"); return count."""
    tree = ET.parse(ts_file)
    filled = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            text = mapping.get(f"{name}|{source}", mapping.get(source))
            translation = message.find("translation")
            if text is None or translation is None:
                continue
            if translation.get("type") == "unfinished" or not "".join(translation.itertext()).strip():
                if message.get("numerus") == "yes":  # Chinese has one form: "%n 门课程"
                    for form in list(translation):
                        translation.remove(form)
                    ET.SubElement(translation, "numerusform").text = text
                else:
                    translation.text = text
                translation.attrib.pop("type", None)
                filled += 1
    _write_ts(tree, ts_file)
    return filled


def run_lrelease(ts_file: Path, qm_file: Path) -> None:
    """Compile ``ts_file`` to ``qm_file`` through a temporary file and a rename (a running program
    that has the old file open keeps reading a whole file)."""
    tmp = qm_file.with_name(qm_file.name + ".tmp")
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts_file), "-qm", str(tmp)], check=True)
    os.replace(tmp, qm_file)


def translations_dir() -> Path:
    return paths.resource("translations")


def update_translations() -> None:
    """lupdate both files, complete the English one, compile both ``.qm``."""
    folder = translations_dir()
    ts = {lang: folder / f"{name}.ts" for lang, name in TS_FILES.items()}
    for lang, path in ts.items():
        if not path.exists():
            path.write_text(f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" '
                            f'language="{TS_LANGUAGE[lang]}" sourcelanguage="en"></TS>\n', encoding="utf-8")
    run_lupdate(list(ts.values()))
    complete_english(ts["en"])
    for lang, path in ts.items():
        run_lrelease(path, path.with_suffix(".qm"))


def check() -> list[str]:
    """Problems: forms or .qm files out of date, strings in the code not in/translated by the .ts."""
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        for generated in generate_forms(tmpdir / "forms"):
            committed = FORMS_DIR / generated.name
            if not committed.exists() or committed.read_bytes() != generated.read_bytes():
                problems.append(f"{committed} differs from its .ui (run: python -m qsm_desktop.ui.devtools forms)")
        for lang, name in TS_FILES.items():
            ts_file = translations_dir() / f"{name}.ts"
            qm_file = ts_file.with_suffix(".qm")
            fresh = tmpdir / f"{name}.qm"
            run_lrelease(ts_file, fresh)
            if not qm_file.exists() or qm_file.read_bytes() != fresh.read_bytes():
                problems.append(f"{qm_file} is not the compiled {ts_file.name} (run: … devtools translations)")
            copy = tmpdir / f"{name}.ts"
            shutil.copy(ts_file, copy)
            run_lupdate([copy])
            for context, source in unfinished(copy) if lang == "zh" else []:
                problems.append(f"untranslated in {ts_file.name}: [{context}] {source!r}")
            if lang == "en" and _messages(copy) != _messages(ts_file):
                problems.append(f"{ts_file.name} does not match the code (run: … devtools translations)")
    return problems


def _messages(ts_file: Path) -> set[tuple[str, str]]:
    root = ET.parse(ts_file).getroot()
    return {(c.findtext("name") or "", m.findtext("source") or "") for c in root.iter("context") for m in c.iter("message")}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m qsm_desktop.ui.devtools", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("forms", help="regenerate qsm_desktop/ui/forms from ui/*.ui")
    sub.add_parser("translations", help="update the .ts files from the code and compile the .qm files")
    fill_parser = sub.add_parser("fill", help="fill Chinese translations from a JSON mapping")
    fill_parser.add_argument("json_file", type=Path)
    sub.add_parser("check", help="report out-of-date generated files; exit 1 when any")
    args = parser.parse_args(argv)
    if args.command == "forms":
        for path in generate_forms():
            print(path)
    elif args.command == "translations":
        update_translations()
        missing = unfinished(translations_dir() / f"{TS_FILES['zh']}.ts")
        for context, source in missing:
            print(f"untranslated: [{context}] {source}")
    elif args.command == "fill":
        ts_file = translations_dir() / f"{TS_FILES['zh']}.ts"
        count = fill(ts_file, json.loads(args.json_file.read_text(encoding="utf-8")))
        run_lrelease(ts_file, ts_file.with_suffix(".qm"))
        print(f"filled {count} translations")
    else:
        problems = check()
        for problem in problems:
            print(problem)
        return 1 if problems else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
