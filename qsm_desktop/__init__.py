"""QSM Desktop — the service-quality management office's desktop application (服务质量管理办公室).

Layers (see STYLE.md): ``domain`` (pure rules), ``store`` (SQLAlchemy), ``services`` (use cases),
``excel`` (returns), ``reports`` (PDF/charts), ``ui`` (PySide6), ``cli`` (the ``qsm`` command).
"""

from importlib.metadata import PackageNotFoundError, version as _version

try:
    __version__ = _version("qsm-desktop")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.0.0+src"
