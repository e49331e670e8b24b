"""Usage errors of ``qsm`` (exit 2) read in the user's language: argparse's own English sentences
are put into Chinese by default and stay English with ``--lang en`` (cli.usage_message)."""

from __future__ import annotations

import pytest

from qsm_desktop.cli import main
from qsm_desktop.domain import i18n


@pytest.fixture(autouse=True)
def _chinese():
    i18n.set_language("zh")
    yield
    i18n.set_language("zh")


@pytest.mark.parametrize(("args", "zh"), [
    (["certificates", "verify"], "缺少必填参数：NUMBER"),
    (["showcase", "rank", "--year", "x", "--level", "总行级"], "参数 --year：“x”不是整数"),
    (["nonsense"], "没有“nonsense”，可选："),
    (["cert-rate", "--as-of"], "参数 --as-of 后面需要一个值"),
    (["cert-rate", "--as-of", "2007-12-31", "--bogus"], "无法识别的参数：--bogus"),
])
def test_usage_errors_in_chinese(capsys, args, zh):
    assert main(args) == 2
    err = capsys.readouterr().err
    assert zh in err and "（用 -h 查看用法）" in err
    assert "the following arguments" not in err and "invalid" not in err and "Traceback" not in err


def test_usage_errors_in_english(capsys):
    assert main(["--lang", "en", "cert-rate"]) == 2
    err = capsys.readouterr().err
    assert "the following arguments are required: --as-of" in err and "(see -h for the usage)" in err
