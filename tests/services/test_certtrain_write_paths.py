"""The one write path of rosters, training records and the org tree checks the actor itself (issue 10):
``replace_roster_in``, ``record_training_in`` and ``update_org_tree_in`` refuse an actor outside
the reporting unit (or without a writing role) before writing anything."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from qsm_desktop.domain.errors import PermissionDenied
from qsm_desktop.services.certification.roster import RosterReplacement, replace_roster_in
from qsm_desktop.services.context import Actor, Role
from qsm_desktop.services.import_handlers import OrgInfo
from qsm_desktop.services.orgs.org_list import OrgTreeUpdate, update_org_tree_in
from qsm_desktop.services.training.records import TrainingRecording, record_training_in
from qsm_desktop.store.models import AuditEntry, Staff

BRANCH = OrgInfo(1, "110000", "北京分行", "分行", "000000", "/000000/110000/", "正常")
NEW_STAFF = {"staff_no": "0000001", "name": "甲", "org_unit_id": 1, "post_id": 1, "in_post_from": None,
             "in_post_to": None, "note": None, "version": 1, "source_sheet": "s", "source_row": 4}


@pytest.mark.parametrize("actor", [Actor("other", Role.BRANCH_SECRETARY, org_scope="120000"), Actor("viewer", Role.VIEWER)])
def test_a_write_outside_the_actors_scope_is_refused_before_writing(sqlite_services, actor):
    with sqlite_services.unit_of_work() as session:
        with pytest.raises(PermissionDenied):
            replace_roster_in(session, actor, RosterReplacement(BRANCH, new_staff=[dict(NEW_STAFF)]), batch_id=None)
        with pytest.raises(PermissionDenied):
            record_training_in(session, actor, TrainingRecording(BRANCH), batch_id=None)
        with pytest.raises(PermissionDenied):
            update_org_tree_in(session, actor, OrgTreeUpdate(BRANCH), batch_id=None)
        assert session.scalar(select(func.count()).select_from(Staff)) == 0
        assert session.scalar(select(func.count()).select_from(AuditEntry)) == 0


def test_the_branchs_own_secretary_may_write(sqlite_services):
    actor = Actor("bj", Role.BRANCH_SECRETARY, org_scope="110000")
    with sqlite_services.unit_of_work() as session:
        assert replace_roster_in(session, actor, RosterReplacement(BRANCH), batch_id=None) == 0
        assert record_training_in(session, actor, TrainingRecording(BRANCH), batch_id=None) == 0
