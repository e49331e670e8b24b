"""The demo database (演示数据库) — a synthetic bank filled in through the importers (issue 2 item 5).

- :mod:`.build` — :func:`build_demo`, :func:`is_demo_database` and the list of steps (``DEMO_STEPS``);
- :mod:`.context` — what a step works with (:class:`~.context.DemoContext`, :func:`~.context.write_kind`);
- :mod:`.data` — the synthetic bank (no database);
- one module per step: :mod:`.certification` (org list, rosters), :mod:`.training`,
  :mod:`.monitoring` (mystery visits, complaints, appeals — issue 13), :mod:`.evaluation`, :mod:`.showcase`. Steps import :mod:`.context`, never :mod:`.build`.
"""

from qsm_desktop.services.demo.build import DEMO_STEPS, DemoResult, build_demo, is_demo_database
from qsm_desktop.services.demo.context import DEMO_FILE_PREFIX, DemoContext

__all__ = ["DEMO_FILE_PREFIX", "DEMO_STEPS", "DemoContext", "DemoResult", "build_demo", "is_demo_database"]
