"""Importing districts' indicator values from CSV: all or nothing.

A file with one bad row saves nothing, and every bad row is told with its row number and column,
so the user fixes the file and imports it again rather than wondering which half went in.

Columns (a CSV file, semicolon or comma separated, or the first sheet of an XLSX file; a header
row first):
kaupunginosa;mittari;yksikkö;vuosi;arvo;lähde;havainnollistava
"""

import csv
import io
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext as _

from hankesalkku.core.services import record_create, save_validated, service
from hankesalkku.organisations.models import District

from ..models import DistrictMeasure, DistrictValue

COLUMNS = ("kaupunginosa", "mittari", "yksikkö", "vuosi", "arvo", "lähde", "havainnollistava")
REQUIRED = COLUMNS[:6]
TRUE = {"1", "kyllä", "true", "x", "ja", "yes"}


def xlsx_to_text(content: bytes) -> str:
    """The first sheet of an XLSX file as the same semicolon-separated text a CSV gives, so
    one parser names the bad rows and columns of either; a file that is not XLSX is refused."""
    from openpyxl import load_workbook

    try:
        sheet = load_workbook(io.BytesIO(content), read_only=True, data_only=True).worksheets[0]
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise ValidationError({"file": _("Tiedostoa ei voi lukea XLSX-taulukkona.")}) from error
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    for row in sheet.iter_rows(values_only=True):
        cells = ["" if v is None else (f"{v:g}" if isinstance(v, float) else str(v)) for v in row]
        if any(cells):
            writer.writerow(cells)
    return out.getvalue()


def _districts() -> dict[str, District]:
    found = {}
    for district in District.objects.all():
        found[district.slug.lower()] = district
        found[district.name.lower()] = district
    return found


def parse(text: str) -> tuple[list[dict], list[str]]:
    """The rows as values, and a Finnish message per bad cell ("rivi 3, sarake vuosi: …")."""
    dialect = csv.Sniffer().sniff(text.splitlines()[0] if text.strip() else ";", ";,")
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    header = [name.strip().lower() for name in reader.fieldnames or []]
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        return [], [_("Otsikkorivistä puuttuu sarake: %(cols)s.") % {"cols": ", ".join(missing)}]
    reader.fieldnames = header
    districts, rows, errors = _districts(), [], []
    for number, raw in enumerate(reader, start=2):
        cells = {key: (value or "").strip() for key, value in raw.items() if key}

        def bad(column, message, number=number):
            errors.append(
                _("Rivi %(row)s, sarake %(col)s: %(msg)s")
                % {"row": number, "col": column, "msg": message}
            )

        district = districts.get(cells["kaupunginosa"].lower())
        if district is None:
            bad(
                "kaupunginosa", _("tuntematon kaupunginosa ”%(v)s”.") % {"v": cells["kaupunginosa"]}
            )
        if not cells["mittari"]:
            bad("mittari", _("tyhjä."))
        try:
            year = int(cells["vuosi"])
            if not 1900 <= year <= 2100:
                raise ValueError
        except ValueError:
            year = None
            bad("vuosi", _("”%(v)s” ei ole vuosiluku.") % {"v": cells["vuosi"]})
        try:
            value = Decimal(cells["arvo"].replace(",", ".").replace(" ", ""))
        except InvalidOperation:
            value = None
            bad("arvo", _("”%(v)s” ei ole luku.") % {"v": cells["arvo"]})
        if not cells["lähde"]:
            bad("lähde", _("jokaisella arvolla on oltava lähde."))
        rows.append(
            {
                "district": district,
                "measure": cells["mittari"],
                "unit": cells["yksikkö"],
                "year": year,
                "value": value,
                "source": cells["lähde"],
                "is_illustrative": cells.get("havainnollistava", "").lower() in TRUE,
            }
        )
    return rows, errors


@service
def district_values_import(*, actor, text: str) -> int:
    """Save every row or none; a value for the same district, measure and year is replaced."""
    rows, errors = parse(text)
    if errors:
        raise ValidationError({"file": errors})
    for row in rows:
        slug = slugify(row["measure"])[:50]
        measure = DistrictMeasure.objects.filter(slug=slug).first() or record_create(
            DistrictMeasure, slug=slug, name=row["measure"], unit=row["unit"]
        )
        value = DistrictValue.objects.filter(
            district=row["district"], measure=measure, year=row["year"]
        ).first() or DistrictValue(district=row["district"], measure=measure, year=row["year"])
        value.value, value.source = row["value"], row["source"]
        value.is_illustrative = row["is_illustrative"]
        save_validated(value)
    return len(rows)
