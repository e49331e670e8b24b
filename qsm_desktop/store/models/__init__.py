"""All SQLAlchemy models. Importing this package registers the core tables on ``Base.metadata``
(org units, posts and staff, certificates, plan targets, import batches, audit log, accounts);
each feature's tables (evaluation, training, showcase, monitoring, capa, complaints) are registered
when its module is first imported — ``from qsm_desktop.store.models.showcase import …``, or an
attribute of this package (``models.showcase``, ``models.TrainingCourse``) — so the window paints
without defining tables its first page does not read (issue 14: first window ≤ 1 s).
:func:`import_all` registers every table (Alembic's ``db/env.py``, the models-match-migrations test).

Each feature keeps its tables in its own module; add the module to :data:`FEATURE_MODULES`. A
feature's tables may refer to the core tables and to their own, not to another feature's (so a
feature module never needs one that is not loaded).
"""

from .base import Base, SourceMixin, VersionedMixin
from .org import OrgStatus, OrgType, OrgUnit
from .staff import Post, PostCategory, Staff
from .certificates import Certificate, CertificateType, certificate_type_categories
from .plan import PlanTarget
from .imports import BatchStatus, ImportBatch
from .audit import AuditEntry
from .accounts import Account  # issue 12: logins

FEATURE_MODULES = (
    "evaluation",  # issue 5: indicator systems, values, scores
    "training",  # issue 6: courses, attendance
    "showcase",  # issue 4: showcase cycles, applications, score sheets, awards
    "monitoring", "capa", "complaints",  # issue 13: checklists, visits, appeals, actions, complaints
)
"""The feature modules, imported on first use (:func:`__getattr__`) or by :func:`import_all`."""

_LAZY_NAMES = {name: "training" for name in ("TrainingAttendance", "TrainingCategory", "TrainingCourse",
                                             "TrainingProvider")}

__all__ = [
    "Account", "AuditEntry", "Base", "BatchStatus", "Certificate", "CertificateType", "ImportBatch", "OrgStatus",
    "OrgType", "OrgUnit", "PlanTarget", "Post", "PostCategory", "SourceMixin", "Staff",
    "VersionedMixin", "certificate_type_categories",
]


def import_all() -> None:
    """Import every feature module, so ``Base.metadata`` holds every table (Alembic, schema checks)."""
    import importlib

    for module in FEATURE_MODULES:
        importlib.import_module(f"{__name__}.{module}")


def __getattr__(name: str):
    """A feature module (``models.showcase``) or a name it exports here (``models.TrainingCourse``),
    imported on first use (PEP 562)."""
    import importlib

    if name in FEATURE_MODULES:
        return importlib.import_module(f"{__name__}.{name}")
    module = _LAZY_NAMES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value
