"""All SQLAlchemy models; importing this package registers every table on ``Base.metadata``.

Each feature keeps its tables in its own module; add the module to the import list below.
"""

from .base import Base, SourceMixin, VersionedMixin
from .org import OrgStatus, OrgType, OrgUnit
from .staff import Post, PostCategory, Staff
from .certificates import Certificate, CertificateType, certificate_type_categories
from .plan import PlanTarget
from .imports import BatchStatus, ImportBatch
from .audit import AuditEntry
from .accounts import Account  # issue 12: logins
from . import evaluation  # noqa: F401  (issue 5: indicator systems, values, scores)
from .training import TrainingAttendance, TrainingCategory, TrainingCourse, TrainingProvider  # issue 6
from . import showcase  # noqa: F401  (issue 4: showcase cycles, applications, score sheets, awards)
from . import monitoring, capa, complaints  # noqa: F401,E401  (issue 13: checklists, visits, appeals, actions, complaints)

__all__ = [
    "Account", "AuditEntry", "Base", "BatchStatus", "Certificate", "CertificateType", "ImportBatch", "OrgStatus",
    "OrgType", "OrgUnit", "PlanTarget", "Post", "PostCategory", "SourceMixin", "Staff",
    "VersionedMixin", "certificate_type_categories",
]
