"""The list of operations (CPR 2021/1060 Art. 49(3)) as CSV and XLSX, in Kohesio's columns.

One row per beneficiary and operation: each implementer's application of a funded project.
Dates dd/MM/yyyy, amounts with a point and two decimals (numbers in the XLSX), the rate as a
percentage. Every row carries the licence and the date of the latest update, so each file
states them however it is cut or merged.
"""

import csv
import io

from django.utils.translation import gettext as _

from hankesalkku.core.money import support_rate

from . import common
from .nuts import nuts_codes

COLUMNS = (
    "Operation_Unique_Identifier",
    "Beneficiary_Name",
    "Beneficiary_ID",
    "Operation_Name_Programme_Language",
    "Operation_Purpose_Programme_Language",
    "Operation_Start_Date",
    "Operation_End_Date",
    "Total_Eligible_Expenditure_amount",
    "Total_Eligible_Expenditure_Currency",
    "Union_Cofinancing_Amount",
    "Cofinancing_Rate",
    "Fund",
    "Specific_Objective",
    "Type_Of_Intervention",
    "Location_Indicator_NUTS_code",
    "Country",
    "Illustrative",
    "Date_Of_Latest_Update",
    "Licence",
)
NUMBER_COLUMNS = {
    "Total_Eligible_Expenditure_amount",
    "Union_Cofinancing_Amount",
    "Cofinancing_Rate",
}
FUND = "ESF+"


def _date(day) -> str:
    return day.strftime("%d/%m/%Y") if day else ""


def _period(entity, application):
    starts = application.starts or entity.starts
    ends = application.ends or entity.ends
    if starts and ends and ends < starts:  # never start > end in the file
        return starts, None
    return starts, ends


def rows() -> list[dict]:
    """The rows with typed values (Decimal amounts, percentage rates)."""
    updated = common.last_update().strftime("%d/%m/%Y")
    result = []
    for entity in common.funded_operations():
        regions = list(entity.regions.all())
        for application in entity.applications.all():
            organisation = common.legal_entity(application.organisation)
            starts, ends = _period(entity, application)
            rate = support_rate(application.support, application.total_cost)
            own_region = application.organisation.region or organisation.region
            result.append(
                {
                    "Operation_Unique_Identifier": entity.project_code or f"HS-{entity.pk}",
                    "Beneficiary_Name": organisation.name,
                    "Beneficiary_ID": common.org_id(organisation),
                    "Operation_Name_Programme_Language": str(entity),
                    "Operation_Purpose_Programme_Language": entity.description,
                    "Operation_Start_Date": _date(starts),
                    "Operation_End_Date": _date(ends),
                    "Total_Eligible_Expenditure_amount": application.total_cost,
                    "Total_Eligible_Expenditure_Currency": "EUR",
                    "Union_Cofinancing_Amount": application.support,
                    "Cofinancing_Rate": (rate * 100).quantize(rate.__class__("0.01"))
                    if rate is not None
                    else None,
                    "Fund": FUND,
                    "Specific_Objective": entity.specific_objective.code
                    if entity.specific_objective
                    else "",
                    "Type_Of_Intervention": "",
                    "Location_Indicator_NUTS_code": nuts_codes(
                        regions or ([own_region] if own_region else [])
                    ),
                    "Country": "FI",
                    "Illustrative": "1"
                    if entity.is_illustrative or application.is_illustrative
                    else "0",
                    "Date_Of_Latest_Update": updated,
                    "Licence": common.LICENCE_NAME,
                }
            )
    return result


def _text(value) -> str:
    if value is None:
        return ""
    return f"{value:.2f}" if not isinstance(value, str) else value


def render_csv() -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for row in rows():
        writer.writerow({name: _text(value) for name, value in row.items()})
    return out.getvalue().encode("utf-8-sig")  # the BOM lets Excel read UTF-8


def render_xlsx() -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Operations"
    sheet.append(list(COLUMNS))
    for row in rows():
        sheet.append(
            [
                (float(v) if v is not None else None) if name in NUMBER_COLUMNS else _text(v)
                for name, v in row.items()
            ]
        )
    for column, name in enumerate(COLUMNS, start=1):
        if name in NUMBER_COLUMNS:
            for cell in sheet.iter_cols(min_col=column, max_col=column, min_row=2):
                for c in cell:
                    c.number_format = "0.00"
    about = workbook.create_sheet("Metadata")
    about.append([_("Lisenssi"), common.LICENCE_NAME, common.LICENCE_URL])
    about.append([_("Päivitetty"), common.last_update().strftime("%d/%m/%Y")])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
