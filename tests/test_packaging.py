"""The built wheel is installable on its own (打包): it carries ``ui/``, ``resources/`` and ``db/``,
installs into a fresh virtual environment with the locked dependency versions, and its ``qsm``
command migrates a new database and reports the project version (issue 2, deliver 1).

Slow (builds a wheel and a venv; uv's cache makes the install a matter of seconds).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ("ui", "resources", "db")


def _project_version() -> str:
    with open(ROOT / "pyproject.toml", "rb") as fh:
        return tomllib.load(fh)["project"]["version"]


def _run(args: list[str | os.PathLike], cwd: Path, env: dict[str, str] | None = None, timeout: int = 600):
    """Run a command, returning the CompletedProcess; fail the test with its output if it fails."""
    proc = subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout
    )
    if proc.returncode != 0:
        pytest.fail(
            f"command failed ({proc.returncode}): {' '.join(map(str, args))}\n"
            f"--- stdout ---\n{proc.stdout}\n--- stderr ---\n{proc.stderr}"
        )
    return proc


def _bundled_source_files() -> dict[str, list[str]]:
    """Every file under ui/, resources/ and db/ in the source tree (caches left out), relative paths."""
    found: dict[str, list[str]] = {}
    for name in BUNDLED:
        base = ROOT / name
        found[name] = sorted(
            p.relative_to(base).as_posix()
            for p in base.rglob("*")
            if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"
        ) if base.is_dir() else []
    return found


@pytest.fixture(scope="module")
def uv() -> str:
    exe = shutil.which("uv")
    if exe is None:
        pytest.skip("uv is not on PATH (the README's test command `uv run pytest` puts it there)")
    return exe


@pytest.fixture(scope="module")
def wheel(uv, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    _run([uv, "build", "--wheel", "--out-dir", out, ROOT], cwd=ROOT)
    wheels = list(out.glob("qsm_desktop-*.whl"))
    assert len(wheels) == 1, f"expected one wheel in {out}, found {wheels}"
    return wheels[0]


def test_wheel_carries_ui_resources_and_db(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    source = _bundled_source_files()
    for name in BUNDLED:
        prefix = f"qsm_desktop/_data/{name}/"
        assert any(n.startswith(prefix) for n in names), f"wheel has nothing under {prefix}"
        missing = [f for f in source[name] if prefix + f not in names]
        assert not missing, f"files under {name}/ missing from the wheel: {missing}"
    assert "qsm_desktop/_data/resources/fonts/DroidSansFallbackFull.ttf" in names
    assert "qsm_desktop/_data/db/seed/plan_targets.toml" in names
    migrations = [n for n in names if n.startswith("qsm_desktop/_data/db/versions/") and n.endswith(".py")]
    assert migrations, "wheel carries no Alembic migration under _data/db/versions/"
    assert "qsm_desktop/cli.py" in names and "qsm_desktop/paths.py" in names


def test_wheel_installs_in_fresh_venv_and_qsm_runs(uv, wheel, tmp_path):
    version = _project_version()
    assert wheel.name.startswith(f"qsm_desktop-{version}-"), wheel.name

    venv = tmp_path / "venv"
    _run([uv, "venv", "--quiet", "--python", sys.executable, venv], cwd=tmp_path)
    py = venv / "bin" / "python"
    qsm = venv / "bin" / "qsm"

    # The lock's versions of the runtime dependencies (no dev group, not the project itself).
    requirements = tmp_path / "requirements.txt"
    _run(
        [uv, "export", "--frozen", "--no-default-groups", "--no-hashes", "--no-emit-project",
         "--no-header", "--quiet", "--output-file", requirements],
        cwd=ROOT,
    )
    _run([uv, "pip", "install", "--quiet", "--python", py, "-r", requirements, wheel], cwd=tmp_path)

    # Run outside the source tree, with nothing pointing back at it.
    env = {k: v for k, v in os.environ.items()
           if k not in ("VIRTUAL_ENV", "PYTHONPATH", "QSM_DATABASE_URL", "UV_PROJECT_ENVIRONMENT")}
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    workdir = tmp_path / "work"
    workdir.mkdir()

    # The installed package finds its bundled data inside itself, not in the source tree.
    where = _run(
        [py, "-c", "from qsm_desktop import paths; print(paths.data_dir('db')); print(paths.bundled_font())"],
        cwd=workdir, env=env,
    ).stdout.split()
    site = venv.resolve()
    for p in where:
        assert Path(p).resolve().is_relative_to(site), f"{p} is not inside the fresh venv {site}"

    db_file = tmp_path / "w.db"
    _run([qsm, "--db", f"sqlite:///{db_file}", "db", "upgrade"], cwd=workdir, env=env)
    assert db_file.is_file() and db_file.stat().st_size > 0

    out = _run([qsm, "--version"], cwd=workdir, env=env)
    printed = (out.stdout + out.stderr).split()
    assert version in [t.lstrip("v") for t in printed], f"`qsm --version` printed {out.stdout!r}, expected {version}"
