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
