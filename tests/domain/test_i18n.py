"""Operating-system errors in the user's language (domain/i18n.os_error_text)."""

from __future__ import annotations

import errno
import os

import pytest

from qsm_desktop.domain.i18n import os_error_text


def _error(tmp_path, action):
    with pytest.raises(OSError) as info:
        action(tmp_path)
    return info.value


def test_real_file_errors_read_in_chinese_and_english(tmp_path):
    missing = _error(tmp_path, lambda p: open(p / "没有.xlsx", "rb"))
    assert os_error_text(missing) == "文件或文件夹不存在"
    assert os_error_text(missing, language="en") == "the file or folder does not exist"
    folder = _error(tmp_path, lambda p: open(p, "rb"))
    assert os_error_text(folder) in ("这是一个文件夹，不是文件", "没有权限（文件可能是只读的，或正被 Excel 等程序打开）")
    (tmp_path / "file.txt").write_text("x")
    not_dir = _error(tmp_path, lambda p: open(p / "file.txt" / "inner.xlsx", "rb"))
    assert os_error_text(not_dir) == "路径中有一段不是文件夹"


def test_causes_by_errno_and_windows_sharing_violation():
    assert os_error_text(PermissionError(errno.EACCES, os.strerror(errno.EACCES))).startswith("没有权限")
    assert os_error_text(OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)), language="en") == "the disk is full"
    sharing = OSError(errno.EACCES, "The process cannot access the file because it is being used by another process")
    sharing.winerror = 32  # what Windows sets when Excel holds the file open
    assert os_error_text(sharing) == "文件正被其他程序占用，请关闭后重试"
    odd = OSError(errno.EXDEV, os.strerror(errno.EXDEV))
    assert os_error_text(odd) == f"系统错误：{os.strerror(errno.EXDEV)}"
    assert os_error_text(OSError("no errno at all")).startswith("系统错误：")


def test_a_count_chooses_its_noun_in_english():
    """Issue 14: "1 cases" — ``{n:visit|visits}`` picks the singular for exactly 1, also when the
    count comes printed ("1", "1,234"); other format specs still work; Chinese has no such field."""
    import qsm_desktop.services.evaluation.registers  # noqa: F401 - registers eval.origin.mystery
    from qsm_desktop.domain.i18n import msg, register

    register({"test.plural": ("{n} 次暗访（{s:.1f} 秒）", "{n} {n:visit|visits} ({s:.1f} s)")})
    assert msg("test.plural", language="en", n=1, s=2) == "1 visit (2.0 s)"
    assert [msg("test.plural", language="en", n=n, s=0) for n in (0, 2, "1", "1,234", True)] == [
        "0 visits (0.0 s)", "2 visits (0.0 s)", "1 visit (0.0 s)", "1,234 visits (0.0 s)", "True visits (0.0 s)"]
    assert msg("test.plural", language="zh", n=1, s=2) == "1 次暗访（2.0 秒）"
    assert msg("eval.origin.mystery", language="en", period="2007Q3", visits=1, outlets=1).endswith(
        "over 1 visit at 1 outlet")


def test_message_parameters_show_program_words_in_the_sentence_language():
    """Issue 14: ``msg`` shows a stored Chinese program word passed as a parameter (a status, an
    org type, a role) in the sentence's language, as a :class:`LocalText` does — once, in ``msg``,
    not at every call site — and leaves data alone: a unit's name, free text, and ``value`` (what a
    person typed, quoted as written) even when it is itself a program word."""
    import qsm_desktop.domain.names  # noqa: F401 - registers the renderer of names, as every entry point does
    from qsm_desktop.domain.i18n import Verbatim, local, msg, register

    register({"test.params": ("{unit}（{type}）的整改为{status}；{who}；输入“{value}”；{choices}；{text}",
                              "{unit} ({type}): action is {status}; {who}; typed '{value}'; {choices}; {text}")})
    register({"test.params_inner": ("状态{status}", "status {status}")})
    params = dict(unit="交通银行上海分行", type="网点", status="待验证", who="分行秘书", value="待验证",
                  choices=["待整改", "已关闭"], text=local("test.params_inner", status="待整改"))
    assert msg("test.params", language="en", **params) == (
        "交通银行上海分行 (Outlet): action is awaiting verification; branch secretary; typed '待验证'; "
        "to be corrected, closed; status to be corrected")
    assert msg("test.params", language="zh", **params) == (
        "交通银行上海分行（网点）的整改为待验证；分行秘书；输入“待验证”；待整改、已关闭；状态待整改")
    # a Verbatim list is joined as written, never translated
    assert msg("test.params", language="en", **(params | {"choices": Verbatim(["待整改", "已关闭"])})).endswith(
        "; 待整改, 已关闭; status to be corrected")
    # an already-English word passes unchanged (no double translation)
    assert "action is awaiting verification;" in msg("test.params", language="en", **(params | {"status": "awaiting verification"}))
