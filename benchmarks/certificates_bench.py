"""Benchmark: 1,000 award certificates (荣誉证书) in one PDF against the floor.

The floor is a bare reportlab canvas drawing the same strings (every line the certificate
prints: title, unit name, wording lines, issuer, date, number) at the same places with the same
embedded fonts (the bundled Chinese TrueType and its DejaVu Sans fallback for digits/Latin),
one page each — no layout, no decoration, no QR code, everything precomputed before the clock
starts. The builder (``render_certificates``) does its full job: layout and fitting, frame and
title, the QR code with the check value, the glyph check, and the temporary-file-then-rename
write. The builder writes page streams as binary Flate data (not reportlab's default ASCII85
text), and the floor is timed the same way; the floor with reportlab's default is shown too.
All run in one process, alternately, ``--rounds`` times; the best wall-clock and CPU time of
each is reported with the ratios and file sizes, and the median of each round's CPU ratio (the two runs of
a round follow each other, so a busy machine slows both). Target (issue 4 §9): builder ≤ 1.3 × floor and
≤ 2 MB for the thousand.

    uv run python benchmarks/certificates_bench.py [--count 1000] [--rounds 15] [--keep DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

import reportlab
from reportlab.pdfgen.canvas import Canvas

from qsm_desktop.domain.showcase import CertificateNumberPattern, certificate_check
from qsm_desktop.reports.certificate import MM, AwardCertificate, CertificateTemplate, layout, render_certificates
from qsm_desktop.reports.fonts import pdf_fonts

BRANCH_CITIES = ["北京", "天津", "沈阳", "上海", "南京", "杭州", "济南", "武汉", "广州", "成都"]
DISTRICTS = ["朝阳", "新区", "高新", "江北", "开发区", "福田", "天河", "滨江", "城西", "中山路"]


def sample_certificates(count: int) -> list[AwardCertificate]:
    """``count`` certificates for 2007 总行级 with varied unit names (some long)."""
    pattern = CertificateNumberPattern()
    key = b"benchmark-office-secret"
    certs = []
    for i in range(count):
        city = BRANCH_CITIES[i % len(BRANCH_CITIES)]
        district = DISTRICTS[(i // len(BRANCH_CITIES)) % len(DISTRICTS)]
        unit = f"交通银行{city}{district}支行第{i % 9 + 1}营业部"
        if i % 50 == 0:
            unit = f"交通银行股份有限公司{city}分行{district}区{district}大道支行第{i % 9 + 1}营业部"
        number = pattern.format(2007, "总行级", i + 1)
        certs.append(
            AwardCertificate(
                number=number,
                unit_name=unit,
                year=2007,
                level="总行级",
                title="2007年度交通银行总行级文明规范服务示范窗口",
                issue_date=dt.date(2007, 12, 20),
                issuing_body="交通银行服务质量管理委员会",
                check=certificate_check(number, key),
                seq=i + 1,
            )
        )
    return certs


def floor_strings(certs, template, fonts):
    """Per page: (font, size, x, y, run) for every run of every line the certificate prints."""
    pages = []
    for cert in certs:
        items = []
        for item in layout(cert, template, fonts):
            x = item.x
            for font, run in fonts.runs(item.text):
                items.append((font, item.size, x, item.y, run))
                x += fonts.string_width(run, item.size)
        pages.append(items)
    return pages


def run_floor(pages, path: Path, template, fonts, a85: bool = False) -> float:
    """The floor, with page streams as the builder writes them (binary Flate, ``a85=False``) or
    as reportlab writes them by default (ASCII85 over Flate, ``a85=True``)."""
    from reportlab import rl_config

    previous = rl_config.useA85
    rl_config.useA85 = int(a85)
    try:
        return _run_floor(pages, path, template, fonts)
    finally:
        rl_config.useA85 = previous


def _run_floor(pages, path: Path, template, fonts) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    canvas = Canvas(str(path), pagesize=(template.page.width_mm * MM, template.page.height_mm * MM),
                    initialFontName=fonts.cjk)
    for items in pages:
        for font, size, x, y, run in items:
            canvas.setFont(font, size)
            canvas.drawString(x, y, run)
        canvas.showPage()
    canvas.save()
    return time.perf_counter() - wall, time.process_time() - cpu


def run_builder(certs, path: Path, template) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    render_certificates(certs, path, template)
    return time.perf_counter() - wall, time.process_time() - cpu


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--keep", type=Path, help="keep the PDFs in this folder")
    args = parser.parse_args(argv)

    template = CertificateTemplate()
    fonts = pdf_fonts()  # registration (font parsing) is outside both timings
    certs = sample_certificates(args.count)
    pages = floor_strings(certs, template, fonts)
    folder = args.keep or Path(tempfile.mkdtemp(prefix="qsm-cert-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    floor_pdf, floor_a85_pdf, builder_pdf = folder / "floor.pdf", folder / "floor_a85.pdf", folder / "certificates.pdf"

    run_builder(certs[:5], builder_pdf, template)  # warm caches shared by both (imports, fonts)
    floor, floor_a85, builder = [], [], []
    for _ in range(args.rounds):  # alternate, so a busy machine slows all three alike
        floor.append(run_floor(pages, floor_pdf, template, fonts))
        builder.append(run_builder(certs, builder_pdf, template))
        floor_a85.append(run_floor(pages, floor_a85_pdf, template, fonts, a85=True))
    sizes = {p: p.stat().st_size for p in (floor_pdf, floor_a85_pdf, builder_pdf)}

    def best(runs, i):
        return min(r[i] for r in runs)

    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {sys.version.split()[0]}, "
          f"reportlab {reportlab.Version}, {platform.system()}; {dt.date.today().isoformat()}")
    print(f"certificates: {args.count}; best of {args.rounds} alternating rounds; wall s / CPU s")
    print(f"floor   (bare canvas, same strings and fonts, binary streams): "
          f"{best(floor, 0):6.3f} / {best(floor, 1):6.3f}  {sizes[floor_pdf] / 1e6:5.2f} MB")
    print(f"builder (render_certificates: layout, frame, QR, checks):      "
          f"{best(builder, 0):6.3f} / {best(builder, 1):6.3f}  {sizes[builder_pdf] / 1e6:5.2f} MB")
    print(f"(floor with reportlab's default ASCII85 streams:               "
          f"{best(floor_a85, 0):6.3f} / {best(floor_a85, 1):6.3f}  {sizes[floor_a85_pdf] / 1e6:5.2f} MB)")
    wall_ratio = best(builder, 0) / best(floor, 0)
    cpu_ratio = best(builder, 1) / best(floor, 1)
    paired = sorted(b[1] / f[1] for b, f in zip(builder, floor))  # each round's pair ran back to back
    print(f"ratio builder/floor: best {wall_ratio:.2f}x wall, {cpu_ratio:.2f}x CPU; "
          f"median of the rounds' CPU ratios {statistics.median(paired):.2f}x "
          f"(range {paired[0]:.2f}-{paired[-1]:.2f}); target <= 1.30x")
    print(f"size {sizes[builder_pdf] / 1e6:.2f} MB for {args.count} (target <= 2 MB)")
    if not args.keep:
        for p in sizes:
            p.unlink(missing_ok=True)
        folder.rmdir()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
