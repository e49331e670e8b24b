"""Training (培训) — the feature's service package (DESIGN §1, §3.3).

- :mod:`.service` — :class:`TrainingService`: coverage, hours, pass rate, satisfaction, effect,
  histories and course edits (the window, the CLI, the evaluation's C03);
- :mod:`.records` — recording a training return (:func:`~.records.record_training_in`, the one write
  path of training records);
- :mod:`.imports` — the training return's import handler (checks, preview, write).

The figures are the domain's frozen records (:mod:`qsm_desktop.domain.training`), which the
reports draw and export.
"""

from qsm_desktop.services.training.service import (
    AttendanceRecord,
    CategoryCoverage,
    CourseEffect,
    CourseSummary,
    TrainingFigures,
    TrainingReport,
    TrainingService,
    UntrainedStaff,
    update_course_in,
)

__all__ = [
    "AttendanceRecord", "CategoryCoverage", "CourseEffect", "CourseSummary", "TrainingFigures", "TrainingReport",
    "TrainingService", "UntrainedStaff", "update_course_in",
]
