"""qsm_desktop.settings: the settings file never holds a password; no keyring backend is handled."""

from __future__ import annotations

import json

from qsm_desktop import settings as st


def test_defaults_when_missing_or_damaged(tmp_path):
    assert st.load_settings(tmp_path / "none.json") == st.Settings()
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    assert st.load_settings(bad) == st.Settings()


def test_round_trip_without_password(tmp_path):
    path = tmp_path / "s.json"
    saved = st.Settings(database_url="postgresql+psycopg://qsm:s3cret@db.example:5433/qsm", language="en",
                        export_dir="/x")
    st.save_settings(saved, path)
    text = path.read_text(encoding="utf-8")
    assert "s3cret" not in text
    data = json.loads(text)
    assert data["database_url"] == "postgresql+psycopg://qsm@db.example:5433/qsm"
    loaded = st.load_settings(path)
    assert loaded.language == "en" and loaded.export_dir == "/x"
    # no keyring backend on this machine: the password is kept for the session only
    assert st.url_with_password(loaded.database_url) == "postgresql+psycopg://qsm:s3cret@db.example:5433/qsm"


def test_hand_typed_password_is_removed_on_load(tmp_path):
    path = tmp_path / "s.json"
    path.write_text(json.dumps({"database_url": "postgresql://u:pw@h/d"}), encoding="utf-8")
    assert st.load_settings(path).database_url == "postgresql://u@h/d"


def test_split_and_describe():
    assert st.split_password("sqlite:////tmp/x.db") == ("sqlite:////tmp/x.db", "")
    assert st.split_password("postgresql://u:p%40ss@h:5432/d") == ("postgresql://u@h:5432/d", "p@ss")
    assert st.describe_database("sqlite:////tmp/q/qsm.db") == "qsm.db"
    assert st.describe_database("postgresql+psycopg://u@srv:5432/qsm") == "qsm@srv"


def test_keyring_unavailable_is_reported_not_raised():
    # the CI machines have only keyring's "fail" backend
    available = st.keyring_available()
    kept = st.store_password("postgresql://a@b/c", "x")
    assert kept is available
    assert st.load_password("postgresql://a@b/c") == "x"


def test_the_english_demo_has_its_own_database(monkeypatch, tmp_path):
    """``--demo --lang en`` opens ``demo-en.db``: the demo writes the text people type in the
    window's language (issue 14), so the Chinese demo's file is never reused for English."""
    from qsm_desktop import app, paths

    monkeypatch.setattr(paths, "user_data_dir", lambda: tmp_path)
    options = app.parse_args(["--demo"])
    assert app.database_url(options, "", "zh") == f"sqlite:///{tmp_path / 'demo.db'}"
    assert app.database_url(options, "", "en") == f"sqlite:///{tmp_path / 'demo-en.db'}"
    assert app.database_url(app.parse_args(["--demo", "--db", "sqlite:///x.db"]), "", "en") == "sqlite:///x.db"
