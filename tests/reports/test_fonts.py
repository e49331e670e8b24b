"""Chinese fonts for PDFs and charts (reports/fonts.py): the bundled TrueType by default, .ttc
subfonts, CFF/PostScript fonts refused clearly, the Latin fallback for what the CJK font lacks."""

from __future__ import annotations

import shutil
import subprocess
import warnings
from pathlib import Path

import pytest

from font_samples import make_cff_font  # tests/font_samples.py
from qsm_desktop.domain import i18n
from qsm_desktop.paths import bundled_font
from qsm_desktop.reports.fonts import (
    FontRefused,
    cjk_rc_params,
    find_system_font,
    inspect_font,
    latin_fallback_font,
    list_system_fonts,
    pdf_fonts,
    register_cjk_font,
    use_cjk_font_for_matplotlib,
)

WQY = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
DEJAVU = latin_fallback_font()


@pytest.fixture
def cff_font(tmp_path) -> Path:
    return make_cff_font(tmp_path / "TinyCJK-Regular.otf")


def test_bundled_font_is_the_default_and_truetype():
    face = inspect_font(bundled_font())
    assert face.outlines == "truetype" and face.embeddable and face.family == "Droid Sans Fallback"
    name = register_cjk_font()
    assert name == register_cjk_font(bundled_font())  # same file → same registration


def test_cff_font_is_refused_with_a_clear_message(cff_font):
    assert inspect_font(cff_font).outlines == "cff"
    with pytest.raises(FontRefused) as err:
        register_cjk_font(cff_font)
    text = str(err.value)
    assert "PostScript/CFF" in text and "方框" in text and ".ttf" in text and "Tiny CFF" in text
    i18n.set_language("en")
    with pytest.raises(FontRefused, match="PostScript/CFF outlines .* would print as boxes"):
        register_cjk_font(cff_font)


def test_other_unusable_fonts_are_refused(tmp_path):
    with pytest.raises(FontRefused, match="找不到字体文件"):
        register_cjk_font(tmp_path / "nowhere.ttf")
    junk = tmp_path / "junk.ttf"
    junk.write_bytes(b"this is not a font at all")
    with pytest.raises(FontRefused, match="不是可用的 TrueType 字体"):
        register_cjk_font(junk)
    woff = tmp_path / "web.woff"
    woff.write_bytes(b"wOFF" + bytes(60))
    with pytest.raises(FontRefused, match="网页字体"):
        register_cjk_font(woff)
    with pytest.raises(FontRefused, match="不含中文字形"):
        register_cjk_font(DEJAVU)  # TrueType, but Chinese would print as boxes


@pytest.mark.skipif(not WQY.exists(), reason="fonts-wqy-microhei is not installed")
def test_ttc_subfont_is_chosen_by_index():
    regular, mono = inspect_font(WQY, 0), inspect_font(WQY, 1)
    assert regular.family == "文泉驿微米黑" and mono.family == "文泉驿等宽微米黑"
    assert register_cjk_font(WQY, 1) != register_cjk_font(WQY, 0)
    with pytest.raises(FontRefused, match="共有 2 个子字体.*没有编号 5"):
        register_cjk_font(WQY, 5)
    fonts = pdf_fonts(WQY, 0)
    assert fonts.runs("交银2007 ABC") == [(fonts.cjk, "交银2007 ABC")]  # it has Latin: no fallback runs


def test_font_set_sets_what_the_cjk_font_lacks_in_the_latin_font():
    fonts = pdf_fonts()
    runs = fonts.runs("交银服示〔2007〕总字第001号")
    assert runs == [
        (fonts.cjk, "交银服示〔"), (fonts.latin, "2007"), (fonts.cjk, "〕总字第"), (fonts.latin, "001"), (fonts.cjk, "号"),
    ]
    assert "".join(r for _f, r in runs) == "交银服示〔2007〕总字第001号"
    assert fonts.missing("交银2007 ABC") == ""
    assert fonts.missing("交银🙂𠀀") == "🙂𠀀"
    assert fonts.string_width("2007", 10) > 0
    assert fonts.markup("A<B 交银") == f'<font name="{fonts.latin}">A&lt;B</font> 交银'
    assert pdf_fonts() is fonts  # cached


def test_pdf_embeds_both_fonts_as_subsets(tmp_path):
    from reportlab.pdfgen.canvas import Canvas

    fonts = pdf_fonts()
    out = tmp_path / "f.pdf"
    canvas = Canvas(str(out), initialFontName=fonts.cjk)
    fonts.draw_string(canvas, 300, 700, "荣誉证书 No.2007-001", 20, align="center", char_space=2)
    fonts.draw_string(canvas, 72, 650, "第二行 ABC", 12)
    canvas.showPage()
    canvas.save()
    listing = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True).stdout
    rows = listing.splitlines()[2:]
    assert len(rows) == 2 and all(" yes yes " in row for row in rows), listing
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "2007-001" in text and "ABC" in text and "第二行" in text


def test_system_fonts_are_found_by_chinese_name(tmp_path, cff_font):
    folder = tmp_path / "Fonts"
    folder.mkdir()
    shutil.copy(bundled_font(), folder / "simkai.ttf")  # stands in for 楷体
    shutil.copy(cff_font, folder / "NotoSansCJK-Regular.otf")
    face = find_system_font("楷体", dirs=[folder])
    assert face is not None and face.path.name == "simkai.ttf" and face.embeddable
    assert find_system_font("KaiTi", dirs=[folder]) == face
    assert find_system_font("simkai.ttf", dirs=[folder]) == face
    assert find_system_font("宋体", dirs=[folder]) is None
    noto = find_system_font("Tiny CFF", dirs=[folder])  # by the family name in the font
    assert noto is not None and not noto.embeddable
    listed = {f.path.name: f for f in list_system_fonts([folder])}
    assert listed["simkai.ttf"].embeddable and listed["NotoSansCJK-Regular.otf"].outlines == "cff"


def test_matplotlib_draws_chinese_without_missing_glyphs():
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    with matplotlib.rc_context():
        family = use_cjk_font_for_matplotlib()
        assert family == "Droid Sans Fallback"
        assert matplotlib.rcParams["axes.unicode_minus"] is False
        assert matplotlib.rcParams["font.family"][0] == family
        fig = Figure()
        ax = fig.add_subplot()
        ax.plot([-1, 0, 1], [-2, 0, 2])
        ax.set_title("持证上岗率 2007 年 −/-")
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # "Glyph … missing from font(s)" would raise
            fig.canvas.draw()
    assert cjk_rc_params()["font.family"] == [family, "DejaVu Sans"]
