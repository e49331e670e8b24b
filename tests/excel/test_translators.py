"""The org list, certification and training kinds only translate (issue 10): DB-free parsing into
frozen records; nothing can change a record after parsing."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from qsm_desktop.excel.kinds import ParseContext, get_kind
from qsm_desktop.excel.kinds.certification import CertRow
from qsm_desktop.excel.kinds.org_units import OrgRow
from qsm_desktop.excel.kinds.training import TrainingRow
from qsm_desktop.excel.reader import SheetData, WorkbookData, read_workbook


def _parse(kind_name: str, rows: list[list], period: str = "2007Q4", end: dt.date = dt.date(2007, 12, 31)):
    kind = get_kind(kind_name)
    book = WorkbookData("t.xlsx", "xlsx", "0" * 64, [SheetData(kind.sheet_name, rows)])
    table, problems = kind.read(book)
    assert problems == []
    return kind.parse(table, ParseContext("t.xlsx", "110000", period, end))


@pytest.mark.parametrize("code", ["110000", "120000"])
def test_certification_records_are_frozen_dataclasses(samples_dir: Path, code: str):
    kind = get_kind("certification")
    book = read_workbook(samples_dir / f"certification_{code}_2007Q4.xlsx")
    table, _ = kind.read(book)
    parsed = kind.parse(table, ParseContext("t.xlsx", code, "2007Q4", dt.date(2007, 12, 31)))
    record = parsed.records[0]
    assert type(record) is CertRow and dataclasses.is_dataclass(record)
    with pytest.raises(dataclasses.FrozenInstanceError):
        record.name = "改名"
    # the fast construction gives the same record as the dataclass's own constructor
    values = {f.name: getattr(record, f.name) for f in dataclasses.fields(CertRow)}
    assert CertRow(**values) == record and hash(CertRow(**values)) == hash(record)
    assert dataclasses.replace(record, note="x").note == "x" and record.note != "x"


def test_org_list_records_are_frozen():
    parsed = _parse("org_units", [["机构代码", "机构名称", "上级机构代码", "机构类型", "所在地区", "状态"],
                                  ["110000", "北京分行", "000000", "分行", "北京", ""],
                                  ["110100", "朝阳支行", "110000", "支行", "北京", "撤消"]], period=None, end=None)
    assert parsed.problems == []
    first, second = parsed.records
    assert type(first) is OrgRow and first.status == "正常" and second.status == "撤销"
    with pytest.raises(dataclasses.FrozenInstanceError):
        first.code = "120000"


def test_training_repeats_are_merged_at_parse_time():
    header = ["培训项目编号", "培训项目名称", "培训类别", "开始日期", "结束日期", "学时", "工号", "姓名"]
    row = ["px1", "服务规范培训", "服务规范", "2007-05-08", "2007-05-10", 16, "0000001", "甲"]
    parsed = _parse("training", [header, row, list(row), [*row[:6], "0000002", "乙"]], period="2007",
                    end=dt.date(2007, 12, 31))
    assert parsed.problems == []
    first, repeat, other = parsed.records
    assert type(first) is TrainingRow and first.code == "PX1" and first.category == "服务规范"
    assert first.duplicate_of is None and repeat.duplicate_of is first and other.duplicate_of is None
    with pytest.raises(dataclasses.FrozenInstanceError):
        first.hours = 8.0
