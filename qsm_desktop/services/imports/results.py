"""What an import tells its caller (导入结果): each file's status, problems, warnings and preview,
and the messages of the engine — DESIGN.md §3, §7 (``qsm import --json``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


from qsm_desktop.domain import i18n
from qsm_desktop.services.import_handlers import Change


i18n.register(
    {
        "import.unknown_kind": (
            "无法判断这是哪一种报表：文件没有_meta工作表，表头也不像任何一种报表（{kinds}）。请使用下发的模板填报",
            "cannot tell which return this is: the file has no _meta sheet and its headers match no return "
            "({kinds}). Use the template that was sent out",
        ),
        "import.kind_unsupported": (
            "这是“{kind}”报表，本程序暂不能导入这种报表",
            "this is a '{kind}' return, which this program cannot import yet",
        ),
        "import.org_needed": (
            "无法确定填报单位：文件没有_meta工作表，表格上方也没有“填报单位：…（机构代码）”。请指定机构代码（命令行用 --org CODE）",
            "cannot tell the reporting unit: the file has no _meta sheet and no '填报单位：…(code)' line above "
            "the table. Give the org code (on the command line: --org CODE)",
        ),
        "import.period_needed": (
            "无法确定报告期：文件没有_meta工作表，表格上方也没有“报告期：…”。请指定报告期（命令行用 --period 2007Q4）",
            "cannot tell the reporting period: the file has no _meta sheet and no '报告期：…' line above the "
            "table. Give the period (on the command line: --period 2007Q4)",
        ),
        "import.org_mismatch": (
            "文件写明的填报单位是{file_value}，但指定的是{given}。请核对文件或去掉 --org",
            "the file says the reporting unit is {file_value} but {given} was given; check the file or drop --org",
        ),
        "import.period_mismatch": (
            "文件写明的报告期是{file_value}，但指定的是{given}。请核对文件或去掉 --period",
            "the file says the period is {file_value} but {given} was given; check the file or drop --period",
        ),
        "import.org_unknown": (
            "填报单位机构代码{code}不存在。请核对代码，或先导入包含该机构的机构清单",
            "the reporting unit {code} does not exist. Check the code, or import the org list that contains it first",
        ),
        "import.org_name_unknown": (
            "填报单位“{name}”在系统中找不到（且未写机构代码）。请在填报单位后写上6位机构代码，或用 --org 指定",
            "the reporting unit '{name}' is not in the register and the line gives no code; add the 6-digit "
            "code or pass --org",
        ),
        "import.meta_value": (
            "_meta工作表中的{key}“{value}”无效：{reason}",
            "the _meta sheet's {key} '{value}' is not valid: {reason}",
        ),
        "import.given_value": (
            "指定的{key}“{value}”无效：{reason}",
            "the given {key} '{value}' is not valid: {reason}",
        ),
        "import.denied": ("{reason}", "{reason}"),
        "import.head_office_only": (
            "{title}由总行秘书导入，分行秘书不能导入。请把文件交给总行秘书",
            "a {title_en} is imported by a head-office secretary, not by a branch; pass the file to one",
        ),
        "import.db_refused": (
            "数据库拒绝了这次写入（您的登录名无权修改其中的数据），未导入任何内容。如确需导入，请交给总行秘书",
            "the database refused the write (your login may not change some of this data); nothing was "
            "imported. If it must be imported, pass it to a head-office secretary",
        ),
        "import.conflict": (
            "导入时发现这些记录刚被他人修改，本文件未导入。请稍后重新导入",
            "someone else changed these records while importing; nothing of this file was kept. Import it again",
        ),
        "import.cancelled": ("已取消，此文件未导入", "cancelled; this file was not imported"),
        "import.raced": (
            "在您导入期间，该报表已被他人导入，请重新导入（本文件未导入任何内容）",
            "someone else imported this return while you were importing it; nothing of this file was "
            "kept. Import it again",
        ),
        "import.busy": (
            "数据库正忙（另一个程序正在写入），等待超时，未导入任何内容，请稍后重试",
            "the database stayed busy (another program is writing to it) longer than the wait; nothing "
            "was imported. Try again in a moment",
        ),
    }
)


STATUS_IMPORTED = "imported"
STATUS_UNCHANGED = "unchanged"
STATUS_REFUSED = "refused"
STATUS_DRY_RUN = "dry-run"


# ------------------------------------------------------------------------------------------ results

@dataclass(frozen=True)
class ImportProblem:
    """A problem as shown to the user: ``sheet``/``cell`` (``None`` for the whole file), the message
    in the user's language and its ``key``."""

    sheet: str | None
    cell: str | None
    message: str
    key: str | None = field(default=None, compare=False)
    """The message key (``import.org_needed`` …), so callers decide by key, not by translated text."""

    def __str__(self) -> str:
        where = f"{self.sheet}!{self.cell}" if self.sheet and self.cell else (self.sheet or "")
        return f"{where}: {self.message}" if where else self.message


PreviewItem = Change
"""One change of the preview: ``entity`` (staff, certificate, org_unit), ``action`` (new, changed,
leaving, removed), ``key`` (工号, 证书编号, 机构代码), a readable ``label``, ``before``/``after``."""


@dataclass(frozen=True)
class ImportResult:
    """What happened to one file.

    ``status``: ``imported`` | ``unchanged`` | ``refused`` | ``dry-run``; ``rows``: data rows read;
    ``problems`` (all of them when refused); ``preview``: the changes (imported / dry-run);
    ``batch_id`` of the new batch (or of the identical earlier one when unchanged);
    ``supersedes``: the batch this return replaced (or would replace, for a dry run);
    ``warnings``: what to read before importing that does not refuse the file (imported / dry-run).
    """

    file: str
    kind: str | None
    org: str | None
    period: str | None
    status: str
    rows: int = 0
    problems: tuple[ImportProblem, ...] = ()
    preview: tuple[PreviewItem, ...] = ()
    batch_id: int | None = None
    supersedes: int | None = None
    sha256: str | None = None
    warnings: tuple[ImportProblem, ...] = ()
    """What to read before importing that does not refuse the file (hidden rows holding data …)."""

    @property
    def refused(self) -> bool:
        return self.status == STATUS_REFUSED

    def counts(self) -> dict[str, dict[str, int]]:
        """Preview counts ``{action: {entity: n}}``."""
        result: dict[str, dict[str, int]] = {}
        for item in self.preview:
            bucket = result.setdefault(item.action, {})
            bucket[item.entity] = bucket.get(item.entity, 0) + 1
        return result

    def to_json(self, max_new: int = 200) -> dict[str, Any]:
        """The ``qsm import --json`` entry of DESIGN §7 (plus ``preview``, ``batch``, ``supersedes``).

        ``preview.items`` lists every changed, leaving and removed record but at most ``max_new`` new
        ones per entity (``preview.counts`` has them all; ``preview.truncated`` says so).
        """
        shown: dict[str, int] = {}
        items = []
        for i in self.preview:
            if i.action == "new":
                shown[i.entity] = shown.get(i.entity, 0) + 1
                if shown[i.entity] > max_new:
                    continue
            items.append({"entity": i.entity, "action": i.action, "key": i.key, "label": i.label})
        return {
            "file": self.file,
            "kind": self.kind,
            "org": self.org,
            "period": self.period,
            "status": self.status,
            "rows": self.rows,
            "problems": [{"sheet": p.sheet, "cell": p.cell, "message": p.message} for p in self.problems],
            "warnings": [{"sheet": p.sheet, "cell": p.cell, "message": p.message} for p in self.warnings],
            "preview": {"counts": self.counts(), "items": items, "truncated": len(items) < len(self.preview)},
            "batch": self.batch_id,
            "supersedes": self.supersedes,
        }
