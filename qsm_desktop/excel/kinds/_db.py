"""Transitional: the bulk helpers moved to :mod:`qsm_desktop.store.bulk` and the audit writer to
:mod:`qsm_desktop.services.audit`. Removed once every kind is a translator (issue 10)."""

from qsm_desktop.services.audit import audit_many, jsonable  # noqa: F401
from qsm_desktop.store.bulk import CHUNK, insert_many, insert_returning_ids, select_in, update_many  # noqa: F401
