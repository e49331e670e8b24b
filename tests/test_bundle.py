"""The installer's one-folder bundle builds from ``installer/qsm_desktop.spec`` and runs (打包, issue 14
deliver 6), so that the spec cannot rot unnoticed between releases.

The bundle is built as a release is (installer/README.md): in a fresh environment holding the
locked runtime dependencies and the locked PyInstaller only (``uv sync --no-default-groups --group
installer``), on Linux here and in CI, on Windows where a developer runs the tests. Then, from the
bundle, outside the source tree and with the user folders pointed into a scratch home:

* ``qsm --version`` prints the project's version;
* ``qsm --db sqlite:///<tmp>/x.sqlite db upgrade`` runs the bundled Alembic migrations to this
  program's heads; ``qsm db upgrade`` without ``--db`` creates the default file in the user data
  folder (platformdirs), not in the bundle;
* ``qsm demo``, ``qsm evaluate`` and ``qsm report evaluation`` (the importers, Faker, reportlab with
  the bundled CJK font, matplotlib) work on that scratch database;
* ``qsm-desktop --screenshot DIR`` renders every page offscreen into PNG files that show something;
* nothing is written into the bundle folder; logs and matplotlib's font list go to the user folders.

The Inno Setup script is compiled where ``iscc`` is on PATH (Windows), skipped with a reason elsewhere.

Slow: the build takes about 1 minute on two quiet cores (3–4 minutes on a busy 2-core machine);
uv's cache makes the build environment a matter of seconds.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import struct
import subprocess
import sys
import time
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pytest

from qsm_desktop import paths

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "installer" / "qsm_desktop.spec"
ISS = ROOT / "installer" / "qsm_desktop.iss"
WINDOWS = sys.platform == "win32"
EXE = ".exe" if WINDOWS else ""
BUNDLED = ("ui", "resources", "db")
NOT_BUNDLED = {"resources": ("screenshots",)}  # as in the spec: the README's pictures
#: Top-level packages that must not be in the bundle: tests, development and build tools.
FOREIGN = {
    "tests", "benchmarks", "pytest", "_pytest", "pytestqt", "hypothesis", "pypdf", "xdist",
    "setuptools", "pkg_resources", "_distutils_hack", "PyInstaller", "pygments", "pandas", "tkinter",
}
#: Variables that would point the programs back at the source tree or at the developer's files.
DROPPED_ENV = ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME", "MPLCONFIGDIR", "UV_PROJECT_ENVIRONMENT")


def _project_version() -> str:
    with open(ROOT / "pyproject.toml", "rb") as fh:
        return tomllib.load(fh)["project"]["version"]


def _tail(text: str, lines: int = 120) -> str:
    return "\n".join(text.splitlines()[-lines:])


def _run(args, *, cwd: Path, env: dict[str, str], timeout: int = 600) -> subprocess.CompletedProcess:
    """Run a command; fail the test with the end of its output when it fails or times out."""
    args = [str(a) for a in args]
    try:
        proc = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True,
                              encoding="utf-8", errors="replace", timeout=timeout)
    except subprocess.TimeoutExpired as exc:
        pytest.fail(f"command timed out after {timeout} s: {' '.join(args)}\n{_tail(str(exc.stdout or ''))}")
    if proc.returncode != 0:
        pytest.fail(f"command failed ({proc.returncode}): {' '.join(args)}\n"
                    f"--- stdout ---\n{_tail(proc.stdout)}\n--- stderr ---\n{_tail(proc.stderr)}")
    return proc


def _clean_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in DROPPED_ENV and not k.startswith("QSM_")}


def _snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file and folder under ``folder``: relative path -> (size, modification time in ns)."""
    found = {}
    for path in folder.rglob("*"):
        stat = path.lstat()
        found[path.relative_to(folder).as_posix()] = (stat.st_size if path.is_file() else -1, stat.st_mtime_ns)
    return found


def _source_files(name: str) -> list[str]:
    """The files under ROOT/<name> that the spec bundles (caches and NOT_BUNDLED left out)."""
    base = ROOT / name
    skipped = NOT_BUNDLED.get(name, ())
    return sorted(
        p.relative_to(base).as_posix() for p in base.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"
        and p.relative_to(base).parts[0] not in skipped
    )


def _png_size(file: Path) -> tuple[int, int]:
    """(width, height) of a PNG file; fails the test when the file is not a PNG."""
    head = file.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n" and head[12:16] == b"IHDR", f"{file.name} is not a PNG file"
    return struct.unpack(">II", head[16:24])


def _distinct_colours(file: Path, grid: int = 40) -> int:
    """How many different colours a grid×grid sample of the picture has (1 = a blank picture)."""
    from PySide6.QtGui import QImage

    image = QImage(str(file))
    assert not image.isNull(), f"{file.name} cannot be read as an image"
    w, h = image.width(), image.height()
    return len({image.pixel(x * (w - 1) // (grid - 1), y * (h - 1) // (grid - 1))
                for x in range(grid) for y in range(grid)})


@dataclass(frozen=True)
class Bundle:
    """A built bundle: its folder, the build's work folder, the build environment and the build time (s)."""

    folder: Path
    work: Path
    venv: Path
    seconds: float

    def program(self, name: str) -> Path:
        return self.folder / f"{name}{EXE}"

    @property
    def internal(self) -> Path:
        return self.folder / "_internal"

    def venv_program(self, name: str) -> Path:
        return self.venv / ("Scripts" if WINDOWS else "bin") / f"{name}{EXE}"


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Bundle:
    """Build the one-folder bundle from the spec in a fresh locked environment (once per module)."""
    if sys.platform not in ("linux", "win32"):
        pytest.skip(f"the bundle is built and checked on Linux and Windows, not on {sys.platform}")
    uv = shutil.which("uv")
    if uv is None:
        pytest.skip("uv is not on PATH (the README's test command `uv run pytest` puts it there)")
    if sys.platform == "linux" and shutil.which("objdump") is None:
        pytest.skip("objdump is missing: PyInstaller needs it on Linux (Debian package binutils; .ci/run installs it)")
    base = tmp_path_factory.mktemp("bundle")
    env = _clean_env()
    env["UV_PROJECT_ENVIRONMENT"] = str(base / "venv")
    # The release's build environment: runtime dependencies and PyInstaller, as locked; nothing else.
    _run([uv, "sync", "--frozen", "--no-default-groups", "--group", "installer",
          "--python", sys.executable, "--quiet"], cwd=ROOT, env=env)
    built = Bundle(folder=base / "dist" / "qsm-desktop", work=base / "build" / SPEC.stem,
                   venv=base / "venv", seconds=0.0)
    del env["UV_PROJECT_ENVIRONMENT"]
    start = time.perf_counter()
    _run([built.venv_program("pyinstaller"), "--noconfirm", "--clean", "--log-level", "WARN",
          "--distpath", base / "dist", "--workpath", base / "build", SPEC],
         cwd=ROOT, env=env, timeout=3600)
    return Bundle(built.folder, built.work, built.venv, time.perf_counter() - start)


@dataclass(frozen=True)
class Runs:
    """What running the bundled programs left: outputs, the scratch folders and the bundle before/after."""

    version_out: str
    upgrade_out: str
    scratch_db: Path
    report: Path
    shots: Path
    home: Path
    before: dict[str, tuple[int, int]]
    after: dict[str, tuple[int, int]]


@pytest.fixture(scope="module")
def runs(bundle, tmp_path_factory) -> Runs:
    """Run ``qsm`` and ``qsm-desktop`` from the bundle as a user would, outside the source tree."""
    base = tmp_path_factory.mktemp("bundle-runs")
    home, work, shots = base / "home", base / "work", base / "shots"
    work.mkdir()
    env = _clean_env()
    env["QT_QPA_PLATFORM"] = "offscreen"
    if WINDOWS:  # platformdirs asks Windows itself for the folders: use the program's own overrides
        env.update(QSM_DATA_DIR=str(home / "data"), QSM_LOG_DIR=str(home / "log"),
                   QSM_CONFIG_DIR=str(home / "config"), QSM_CACHE_DIR=str(home / "cache"))
    else:  # the real platformdirs paths, inside a scratch home
        env.update(HOME=str(home), XDG_DATA_HOME=str(home / "data"), XDG_CONFIG_HOME=str(home / "config"),
                   XDG_CACHE_HOME=str(home / "cache"), XDG_STATE_HOME=str(home / "state"))
    qsm, desktop = bundle.program("qsm"), bundle.program("qsm-desktop")
    scratch_db = base / "x.sqlite"
    db = ["--db", f"sqlite:///{scratch_db.as_posix()}"]
    report = base / "evaluation.pdf"

    before = _snapshot(bundle.folder)
    version_out = _run([qsm, "--version"], cwd=work, env=env).stdout
    upgrade_out = _run([qsm, *db, "db", "upgrade"], cwd=work, env=env).stdout
    _run([qsm, "db", "upgrade"], cwd=work, env=env)  # the default file, in the user data folder
    _run([qsm, *db, "demo"], cwd=work, env=env)
    _run([qsm, *db, "evaluate", "--period", "2007Q4"], cwd=work, env=env)
    _run([qsm, *db, "report", "evaluation", "--period", "2007Q4", "-o", report], cwd=work, env=env)
    _run([desktop, *db, "--screenshot", shots], cwd=work, env=env)
    after = _snapshot(bundle.folder)
    return Runs(version_out, upgrade_out, scratch_db, report, shots, home, before, after)


@pytest.mark.slow
def test_bundle_holds_its_data_and_no_test_or_development_files(bundle):
    for name in ("qsm", "qsm-desktop"):
        program = bundle.program(name)
        assert program.is_file() and os.access(program, os.X_OK), f"{program.name} missing from the bundle"
    data = bundle.internal / "qsm_desktop" / "_data"
    for name in BUNDLED:
        missing = [f for f in _source_files(name) if not (data / name / f).is_file()]
        assert not missing, f"files under {name}/ missing from the bundle: {missing}"
    assert not (data / "resources" / "screenshots").exists(), "the README's pictures are not for the bundle"
    assert sorted(p.name for p in (data / "db" / "versions").glob("*.py")), "no Alembic migration bundled"
    assert (data / "resources" / "fonts" / "DroidSansFallbackFull.ttf").is_file()
    assert {"qsm_zh_CN.qm", "qsm_en.qm"} <= {p.name for p in (data / "resources" / "translations").glob("*.qm")}

    # Qt: the offscreen platform plug-in, and of Qt's own translations the one the window loads only.
    qt_files = list((bundle.internal / "PySide6").rglob("*"))
    assert any(re.fullmatch(r"(lib)?qoffscreen\.(so|dll)", p.name) for p in qt_files), "no offscreen plug-in"
    assert sorted(p.name for p in qt_files if p.suffix == ".qm") == ["qtbase_zh_CN.qm"]
    # reportlab's standard fonts and matplotlib's data come along.
    assert (bundle.internal / "reportlab" / "fonts" / "Vera.ttf").is_file()
    assert (bundle.internal / "matplotlib" / "mpl-data" / "matplotlibrc").is_file()

    # No test data, no development or build tools: neither as folders nor as modules in the archive.
    top = {p.name.split(".")[0].split("-")[0] for p in bundle.internal.iterdir()}
    assert not top & FOREIGN, f"the bundle carries {sorted(top & FOREIGN)}"
    assert not list(bundle.folder.rglob("*.xlsx")), "the bundle carries workbooks (test data?)"
    listing = _run([bundle.venv_program("python"), "-c",
                    "import sys\nfrom PyInstaller.archive.readers import ZlibArchiveReader\n"
                    "print('\\n'.join(ZlibArchiveReader(sys.argv[1]).toc))", bundle.work / "PYZ-00.pyz"],
                   cwd=ROOT, env=_clean_env()).stdout.split()
    modules = {name.split(".")[0] for name in listing}
    assert "qsm_desktop" in modules and "alembic" in modules
    assert not modules & FOREIGN, f"the bundle's archive carries {sorted(modules & FOREIGN)}"
    from faker.config import AVAILABLE_LOCALES

    faker_locales = {name.split(".")[3] for name in listing
                     if name.startswith("faker.providers.") and name.count(".") >= 3} & set(AVAILABLE_LOCALES)
    assert "zh_CN" in faker_locales and not faker_locales - {"zh_CN", "en_US", "en"}, sorted(faker_locales)


@pytest.mark.slow
def test_qsm_reports_its_version_and_migrates_a_scratch_database(runs):
    version = _project_version()
    assert version in runs.version_out.split(), runs.version_out

    from qsm_desktop.store.db import code_heads

    with sqlite3.connect(runs.scratch_db) as conn:
        heads = {row[0] for row in conn.execute("SELECT version_num FROM alembic_version")}
    assert heads == code_heads(), runs.upgrade_out


@pytest.mark.slow
def test_bundled_reports_embed_the_bundled_font(runs):
    from pypdf import PdfReader

    reader = PdfReader(runs.report)
    assert len(reader.pages) >= 2
    fonts = {str(font.get_object()["/BaseFont"]) for page in reader.pages
             for font in (page["/Resources"].get("/Font") or {}).values()}
    assert any("DroidSansFallback" in name for name in fonts), sorted(fonts)


@pytest.mark.slow
def test_bundled_window_renders_every_page(runs):
    pictures = sorted(runs.shots.glob("*.png"))
    names = {p.name for p in pictures}
    assert {"dashboard.png", "settings.png"} <= names and len(pictures) >= 10, sorted(names)
    for picture in pictures:
        width, height = _png_size(picture)
        least = (400, 250) if picture.name == "login.png" else (800, 600)  # the login dialog, not a window
        assert width >= least[0] and height >= least[1], f"{picture.name} is {width}×{height}"
        smallest = 5_000 if picture.name == "login.png" else 20_000
        assert picture.stat().st_size > smallest, f"{picture.name} is only {picture.stat().st_size} bytes"
        assert _distinct_colours(picture) >= 8, f"{picture.name} is (nearly) blank"


@pytest.mark.slow
def test_bundle_is_not_written_to_and_user_files_go_to_the_user_folders(runs, bundle):
    added = sorted(set(runs.after) - set(runs.before))
    changed = sorted(k for k in runs.before if runs.after.get(k) != runs.before[k])
    assert not added and not changed, f"the programs wrote into the bundle: added {added[:20]}, changed {changed[:20]}"

    def found(pattern: str) -> list[Path]:
        """Files matching ``pattern`` in the program's user folders (platformdirs' "QSM Desktop" folders)."""
        return [p for p in runs.home.rglob(pattern) if WINDOWS or paths.APP_NAME in p.parts]

    assert found("qsm.db"), "qsm db upgrade without --db did not create the default file in the user data folder"
    assert found("qsm.log") and found("qsm-desktop.log"), "no log file in the user log folder"
    font_lists = [p for p in found("fontlist-*.json") if p.parent.name == "matplotlib"]
    assert font_lists, "matplotlib's font list is not kept in the user cache folder"
    logs = "".join(p.read_text(encoding="utf-8", errors="replace") for p in found("*.log"))
    assert logs.count("generated new fontManager") <= 1, "matplotlib scanned the fonts again on a later start"


@pytest.mark.slow
def test_installer_script_compiles(request, tmp_path):
    """Inno Setup packs the bundle into the installer (Windows, where ``iscc`` is on PATH)."""
    iscc = shutil.which("iscc") or shutil.which("ISCC")
    if iscc is None:
        pytest.skip("iscc (Inno Setup 6.3+) is not on PATH: the installer is compiled on Windows (installer/README.md)")
    bundle: Bundle = request.getfixturevalue("bundle")
    out = tmp_path / "Output"
    args = [iscc, "/Q", f"/O{out}", f"/DBundleDir={bundle.folder}"]
    icon = bundle.work / "qsm-desktop.ico"
    if icon.is_file():
        args.append(f"/DIconFile={icon}")
    _run([*args, ISS], cwd=ROOT / "installer", env=_clean_env(), timeout=1800)
    setups = list(out.glob("QSM-Desktop-*-setup.exe"))
    assert len(setups) == 1 and setups[0].stat().st_size > 10_000_000, setups
    assert _project_version() in setups[0].name


def test_matplotlib_cache_moves_only_inside_a_bundle(monkeypatch, tmp_path):
    """Outside a bundle nothing changes; inside one, matplotlib's folder is the user cache folder's."""
    monkeypatch.setenv("QSM_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("MPLCONFIGDIR", "/somewhere/else")
    monkeypatch.delattr(sys, "frozen", raising=False)
    assert paths.keep_matplotlib_cache_in_bundle() is None
    assert os.environ["MPLCONFIGDIR"] == "/somewhere/else"
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    folder = paths.keep_matplotlib_cache_in_bundle()
    assert folder == tmp_path / "cache" / "matplotlib" and folder.is_dir()
    assert os.environ["MPLCONFIGDIR"] == str(folder)
