"""A workbook saved by another program: LibreOffice Calc (when installed) re-saves a plant's
sheet with a formula it computes itself, and the import reads what LibreOffice wrote."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest
from plant_sheets import plant_workbook

from workbench.services import Services
from workbench.transfer.plan import Import
from workbench.transfer.problems import PROBLEMS

SOFFICE = shutil.which("soffice")


def _convert(source: Path, to: str, folder: Path) -> Path:
    env = {**os.environ, "HOME": str(folder)}  # LibreOffice keeps its profile there
    subprocess.run(
        [
            SOFFICE or "soffice",
            "--headless",
            "--convert-to",
            to,
            "--outdir",
            str(folder),
            str(source),
        ],
        check=True,
        capture_output=True,
        env=env,
        timeout=120,
    )
    return folder / f"{source.stem}.{to.split(':')[0]}"


@pytest.mark.slow
@pytest.mark.timeout(240)
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed (libreoffice-calc-nogui)")
def test_a_workbook_written_by_libreoffice_imports(plant: Services, tmp_path: Path) -> None:
    source = plant_workbook(tmp_path / "问题跟踪表.xlsx")
    book = openpyxl.load_workbook(source)
    book.active["J5"] = "=2+2"  # LibreOffice computes it and saves the value with it
    book.save(source)
    ods = _convert(source, "ods", tmp_path / "ods")
    saved = _convert(ods, "xlsx", tmp_path / "xlsx")  # every byte written by LibreOffice
    assert b"LibreOffice" in _member(saved, "docProps/app.xml")
    assert b">2+2</f><v>4</v>" in _member(
        saved, "xl/worksheets/sheet1.xml"
    )  # formula, cached value
    job = Import(plant, PROBLEMS, saved, language="zh_CN")
    found = job.preview()
    assert job.header_row == 4
    assert (found.created, found.rejected, found.skipped) == (4, [], 3)
    job.write(found)
    first = plant.problems.get(plant.problems.id_of("WX-001"))
    assert first.severity == 4  # the formula's value as LibreOffice saved it
    second = plant.problems.get(plant.problems.id_of("WX-002"))
    assert second.site_id == first.site_id  # merged by LibreOffice too


def _member(path: Path, name: str) -> bytes:
    import zipfile

    with zipfile.ZipFile(path) as archive:
        return archive.read(name)
