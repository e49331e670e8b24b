"""The services bundle (服务集合): the open database and one service per feature — built once by
the composition root (``app.py``, ``cli.py``) and handed to the window and the commands.

Each feature service is an ordinary typed attribute, created on first use, so an editor can follow
``services.certification.rates`` to its definition. A new feature adds one ``cached_property`` here,
which imports its service's module inside (the annotations come from a ``TYPE_CHECKING`` import):
the window paints before the feature modules it does not need yet are loaded.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from qsm_desktop.services.context import Database
from qsm_desktop.store import db

if TYPE_CHECKING:  # each service's module is imported by its property, on first use (issue 14: first window ≤ 1 s)
    from qsm_desktop.services.accounts import AccountService
    from qsm_desktop.services.capa import CapaService
    from qsm_desktop.services.certification import CertificationService
    from qsm_desktop.services.complaints import ComplaintService
    from qsm_desktop.services.evaluation import EvaluationService
    from qsm_desktop.services.exports import ExportService
    from qsm_desktop.services.imports import ImportService
    from qsm_desktop.services.monitoring import MonitoringService
    from qsm_desktop.services.orgs import OrgService
    from qsm_desktop.services.reference_names import ReferenceNameService
    from qsm_desktop.services.showcase import ShowcaseService
    from qsm_desktop.services.training import TrainingService

__all__ = ["Services", "build_services"]


class Services(Database):
    """The database (:class:`~qsm_desktop.services.context.Database`) and the feature services.

    Attributes (each created on first use): ``accounts`` (logins), ``orgs`` (org tree), ``imports`` (the return engine),
    ``certification`` (持证上岗), ``training`` (培训), ``evaluation`` (综合评价),
    ``exports`` (on-screen tables to workbooks), ``showcase`` (示范窗口单位), ``monitoring`` (暗访监测),
    ``capa`` (纠正预防措施), ``complaints`` (客户投诉), ``reference_names`` (参考数据英文名).
    """

    def load_english_names(self) -> None:
        """Have :func:`qsm_desktop.domain.names.shown`'s catalogue of English names (issue 14) read
        from this database when it is first needed (an English lookup), not now: a window in
        Chinese paints without reading it (issue 14: first window ≤ 1 s). Call again after reference
        data is edited (the next lookup reads it again)."""
        from qsm_desktop.domain import names

        names.set_english_names_loader(self.english_name_pairs)

    def english_name_pairs(self) -> dict[str, str]:
        """The catalogue of English names (Chinese → English) from this database
        (:func:`qsm_desktop.store.seed.english_name_pairs`). A database that cannot be read gives the
        shipped names (never raises for that)."""
        from sqlalchemy.exc import SQLAlchemyError

        from qsm_desktop.store import seed

        try:
            with self.sessions() as session:
                return seed.english_name_pairs(session)
        except SQLAlchemyError:
            return seed.seeded_english_names()

    @cached_property
    def accounts(self) -> AccountService:
        """Logins: add, list, disable, passwords, authentication (登录账户, issue 12)."""
        from qsm_desktop.services.accounts import AccountService

        return AccountService(self)

    @cached_property
    def orgs(self) -> OrgService:
        """Org-tree queries (机构)."""
        from qsm_desktop.services.orgs import OrgService

        return OrgService(self)

    @cached_property
    def imports(self) -> ImportService:
        """The return engine (报表导入) and the templates."""
        from qsm_desktop.services.imports import ImportService

        return ImportService(self)

    @cached_property
    def certification(self) -> CertificationService:
        """The certification register and rates (持证上岗)."""
        from qsm_desktop.services.certification import CertificationService

        return CertificationService(self)

    @cached_property
    def training(self) -> TrainingService:
        """Training courses, attendance and coverage (培训)."""
        from qsm_desktop.services.training import TrainingService

        return TrainingService(self)

    @cached_property
    def evaluation(self) -> EvaluationService:
        """Indicator systems, quarterly scores, reports and plan targets (综合评价)."""
        from qsm_desktop.services.evaluation import EvaluationService

        return EvaluationService(self)

    @cached_property
    def exports(self) -> ExportService:
        """Exports of what a page shows to Excel (导出)."""
        from qsm_desktop.services.exports import ExportService

        return ExportService()

    @cached_property
    def showcase(self) -> ShowcaseService:
        """Showcase units: cycles, applications, review, awards, certificates (示范窗口单位)."""
        from qsm_desktop.services.showcase import ShowcaseService

        return ShowcaseService(self)

    @cached_property
    def monitoring(self) -> MonitoringService:
        """Checklists, mystery-visit scores, appeals, finalising quarters (服务质量监测)."""
        from qsm_desktop.services.monitoring import MonitoringService

        return MonitoringService(self)

    @cached_property
    def capa(self) -> CapaService:
        """Corrective and preventive actions: register, verification, as-of figures (纠正预防措施)."""
        from qsm_desktop.services.capa import CapaService

        return CapaService(self)

    @cached_property
    def complaints(self) -> ComplaintService:
        """Complaint figures and reference data (投诉)."""
        from qsm_desktop.services.complaints import ComplaintService

        return ComplaintService(self)

    @cached_property
    def reference_names(self) -> ReferenceNameService:
        """English names of reference data: list and edit (参考数据英文名, issue 14)."""
        from qsm_desktop.services.reference_names import ReferenceNameService

        return ReferenceNameService(self)


def build_services(url: str | None = None, *, auto_upgrade: bool = True) -> Services:
    """Open the database (schema check, SQLite auto-upgrade) and return the services bundle.

    ``url``: a SQLAlchemy URL or a SQLite file path; ``None`` = the configured default.
    Raises :class:`~qsm_desktop.domain.errors.SchemaError` for a newer or un-upgraded database.
    """
    engine = db.open_database(url, auto_upgrade=auto_upgrade)
    services = Services(engine, db.session_factory(engine), str(engine.url.render_as_string(hide_password=False)))
    services.load_english_names()
    return services
