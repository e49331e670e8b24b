"""Which files of a batch are returns (待导入文件) — issue 11 §1 and §4.

A secretary drags a folder, or a handful of files picked in the Explorer, or types ``qsm import
收件箱/*``: the batch then holds what Excel and WPS leave beside an open workbook and what the system
keeps hidden. :func:`expand_return_paths` turns the paths given into the files to import:

- a **folder** means the workbooks directly in it (``.xlsx .xlsm .xls .xlsb .ods``), sorted by name;
  other files in it are skipped with a note (a return saved as CSV still shows up), and so is each
  **folder inside it**, with how many workbooks it holds: folders are not searched level by level,
  because an inbox's subfolders are as often an archive of returns already imported (an older
  version would replace the current one) or another quarter as more returns of this batch — the
  note says to name or select that folder itself (DESIGN §7: nothing is left out silently);
- **lock files** — ``~$报表.xlsx`` (Excel, WPS: the owner file of a workbook being edited) and
  ``.~lock.报表.xlsx#`` (LibreOffice) — are skipped with "已跳过：Excel/WPS 正在打开的临时文件";
- **hidden and system files** — a name starting with ``.``, the Windows hidden/system attributes,
  the macOS hidden flag — are skipped with a note too;
- a file named directly is taken whatever its extension (the reader judges it by its bytes), and a
  path that does not exist is taken too, so the importer says it cannot be opened.

Skipped files are not problems: they do not refuse anything nor change ``qsm import``'s exit status.
"""

from __future__ import annotations

import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from qsm_desktop.domain import i18n

__all__ = ["WORKBOOK_SUFFIXES", "SkippedFile", "expand_return_paths", "skip_reason"]

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")
"""Extensions taken from a folder (files named directly are taken whatever they are called)."""

i18n.register(
    {
        "files.skipped.lock": (
            "已跳过：Excel/WPS 正在打开的临时文件",
            "skipped: a temporary file Excel/WPS keeps while a workbook is open",
        ),
        "files.skipped.hidden": (
            "已跳过：隐藏文件或系统文件",
            "skipped: a hidden or system file",
        ),
        "files.skipped.folder": (
            "已跳过：这是文件夹中的子文件夹（内有 {count} 个Excel工作簿），子文件夹不逐层导入；要导入其中的报表，请直接选择或拖入这个子文件夹",
            "skipped: a folder inside the folder (holding {count} Excel {count:workbook|workbooks}); folders inside are not "
            "imported — to import the returns in it, select or name that folder itself",
        ),
        "files.skipped.not_workbook": (
            "已跳过：文件夹中的这个文件不是Excel工作簿（扩展名“{ext}”）；确是报表时请另存为.xlsx，或直接选择该文件导入",
            "skipped: this file in the folder is not an Excel workbook (extension '{ext}'); if it is a return, "
            "save it as .xlsx or select the file itself",
        ),
    }
)


@dataclass(frozen=True)
class SkippedFile:
    """A path left out of the batch: the ``path``, the i18n ``key`` of why (``files.skipped.*``) and its
    ``params``. :meth:`message` renders the note; :meth:`to_json` is its ``qsm import --json`` entry."""

    path: Path
    key: str
    params: dict[str, object] = field(default_factory=dict)

    def message(self, language: str | None = None) -> str:
        """The note in ``language`` (default: the current language)."""
        return i18n.msg(self.key, language=language, **self.params)

    def to_json(self, language: str | None = None) -> dict[str, object]:
        """The file's entry in the ``files`` list of ``qsm import --json``: status ``skipped``, no
        problems, and the note as ``message``."""
        return {"file": str(self.path), "kind": None, "org": None, "period": None, "status": "skipped", "rows": 0,
                "problems": [], "warnings": [], "message": self.message(language)}


def _is_lock_name(name: str) -> bool:
    return name.startswith("~$") or (name.startswith(".~lock.") and name.endswith("#"))


def _hidden_by_system(path: Path) -> bool:
    """The Windows hidden/system attributes or the macOS hidden flag (False where the system has none)."""
    try:
        info = path.stat()
    except OSError:
        return False
    attributes = getattr(info, "st_file_attributes", 0)  # Windows only
    if attributes & (stat.FILE_ATTRIBUTE_HIDDEN | stat.FILE_ATTRIBUTE_SYSTEM):
        return True
    return bool(getattr(info, "st_flags", 0) & getattr(stat, "UF_HIDDEN", 0))  # macOS/BSD: chflags hidden


def skip_reason(path: str | Path) -> str | None:
    """Why ``path`` is no return to import: ``files.skipped.lock`` (an Excel/WPS/LibreOffice lock
    file), ``files.skipped.hidden`` (hidden or system file) or ``None`` (take it)."""
    path = Path(path)
    name = path.name
    if _is_lock_name(name):
        return "files.skipped.lock"
    if name.startswith(".") or _hidden_by_system(path):
        return "files.skipped.hidden"
    return None


def _name_key(path: Path) -> tuple[str, str]:
    return path.name.casefold(), path.name


def _workbook_count(folder: Path) -> int | str:
    """How many workbooks lie directly in ``folder`` (not hidden, not lock files); ``"?"`` when it
    cannot be listed."""
    try:
        return sum(1 for p in folder.iterdir() if p.suffix.lower() in WORKBOOK_SUFFIXES and skip_reason(p) is None
                   and not p.is_dir())
    except OSError:
        return "?"


def expand_return_paths(paths: Iterable[str | Path]) -> tuple[list[Path], list[SkippedFile]]:
    """The files to import from ``paths`` (files and folders, as given), and the ones skipped.

    Files keep the order given; a folder is replaced by the workbooks directly in it, sorted by name
    (case-insensitively). Lock files and hidden/system files are skipped wherever they come from;
    other files found in a folder whose extension is none of :data:`WORKBOOK_SUFFIXES` are skipped
    too, and so are the folders found in it (``files.skipped.folder``, with the number of workbooks
    directly in each: not searched, see the module docstring). A path that does not exist is returned as a file (the importer then says it cannot be
    opened). A folder that cannot be listed raises ``OSError``.
    """
    files: list[Path] = []
    skipped: list[SkippedFile] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            entries = sorted(path.iterdir(), key=_name_key)
            for entry in entries:
                reason = skip_reason(entry)
                if reason is not None:
                    skipped.append(SkippedFile(entry, reason))
                elif entry.is_dir():
                    skipped.append(SkippedFile(entry, "files.skipped.folder", {"count": _workbook_count(entry)}))
                elif entry.suffix.lower() not in WORKBOOK_SUFFIXES:
                    skipped.append(SkippedFile(entry, "files.skipped.not_workbook", {"ext": entry.suffix or "-"}))
                else:
                    files.append(entry)
            continue
        reason = skip_reason(path)
        if reason is not None:
            skipped.append(SkippedFile(path, reason))
        else:
            files.append(path)
    return files, skipped

