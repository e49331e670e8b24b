"""Pareto ordering of counts (domain/pareto.py): count descending, ties by name, shares and the
cumulative share computed from the counts (the last one reads exactly 100)."""

from qsm_desktop.domain.pareto import pareto


def test_pareto_orders_by_count_and_accumulates():
    rows = pareto({"其他": 1, "服务态度": 5, "定价收费": 3, "信息披露": 3, "无": 0})
    assert [(r.rank, r.name, r.count) for r in rows] == [(1, "服务态度", 5), (2, "信息披露", 3), (3, "定价收费", 3),
                                                         (4, "其他", 1)]
    assert [r.share for r in rows] == [41.67, 25.0, 25.0, 8.33]
    assert [r.cumulative for r in rows] == [41.67, 66.67, 91.67, 100.0]


def test_pareto_of_nothing():
    assert pareto({}) == [] and pareto({"a": 0}) == []
