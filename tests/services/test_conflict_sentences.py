"""A stale edit's sentence calls the record what the audit trail calls it (DESIGN §6), never by its
database table ("capa_actions"), in both languages."""

from __future__ import annotations

import pytest

from qsm_desktop.domain import i18n
from qsm_desktop.domain.errors import ConflictError
from qsm_desktop.services.context import check_version
from qsm_desktop.store.models import capa, monitoring


@pytest.mark.parametrize(("record", "zh", "en"), [
    (capa.CapaAction(version=3), "纠正预防措施", "Corrective or preventive action"),
    (monitoring.ChecklistRecord(version=3), "检查表", "Checklist"),
])
def test_a_stale_copy_is_named_as_the_audit_trail_names_it(record, zh, en):
    check_version(record, 3)  # the copy the person saw is current: nothing to say
    check_version(record, None)  # not checked
    before = i18n.get_language()
    try:
        for language, word in (("zh", zh), ("en", en)):
            i18n.set_language(language)
            with pytest.raises(ConflictError) as caught:
                check_version(record, 2)
            assert word in str(caught.value) and record.__tablename__ not in str(caught.value)
    finally:
        i18n.set_language(before)
