"""The improvement loop's reference data is seeded once and read back as domain objects (issue 13)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from qsm_desktop.domain.monitoring import checklist_problems
from qsm_desktop.store import db
from qsm_desktop.store.models.complaints import ComplaintCodeRecord
from qsm_desktop.store.models.monitoring import ChecklistItemRecord, MonitoringSetting
from qsm_desktop.store.monitoring import load_checklists, load_complaint_rules, load_settings, seed_monitoring


def test_seeded_once_and_read_back(db_url):
    engine = db.make_engine(db_url)
    sessions = db.session_factory(engine)
    try:
        with sessions.begin() as session:
            seed_monitoring(session)  # again: inserts nothing
            (checklist_id, checklist), = load_checklists(session)
            assert checklist.label == "2007版" and checklist.effective_from == dt.date(2007, 5, 1)
            assert len(checklist.modules) == 6 and checklist_problems(checklist) == []
            assert session.scalar(select(func.count()).select_from(ChecklistItemRecord)) == 36
            rules = load_complaint_rules(session)
            assert rules.repeat_threshold == 3 and len(rules.causes) == 13 and len(rules.channels) == 6
            assert [(c.name, c.days, c.needs_approval) for c in rules.deadline_classes] == [
                ("一般", 15, False), ("复杂", 30, False), ("特别复杂", 60, True), ("内部", 10, False)]
            assert session.scalar(select(func.count()).select_from(ComplaintCodeRecord)) == 6 + 10 + 13
            settings = load_settings(session)
            assert (settings["corrective_days"], settings["preventive_days"], settings["systemic_outlets"]) == (30, 60, 3)
            assert settings["action_number_pattern"] == "ZG{year}-{seq:04d}"
            session.get(MonitoringSetting, "corrective_days").value = 20
        with sessions.begin() as session:
            seed_monitoring(session)  # the office's edit stays
            assert load_settings(session)["corrective_days"] == 20
    finally:
        engine.dispose()
