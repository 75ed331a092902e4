"""The schedule of planned and open calls (CPR 2021/1060 Art. 49(2)) as CSV.

Art. 49(2) asks for the calls' planned dates, the budget, the area and the specific objective;
every published call is listed, with the licence and the latest update on each row.
"""

import csv
import io

from django.utils import timezone

from . import common

COLUMNS = (
    "Call_Identifier",
    "Call_Name",
    "Programme",
    "Specific_Objective",
    "Funding_Authority",
    "Ministries",
    "Opens",
    "Closes",
    "Status",
    "Budget_EUR",
    "Budget_Qualifier",
    "Strands",
    "Date_Of_Latest_Update",
    "Licence",
)


def _status(call, today) -> str:
    if call.opens and today < call.opens:
        return "planned"
    if call.closes and today > call.closes:
        return "closed"
    return "open" if call.opens else "planned"


def rows() -> list[dict]:
    today = timezone.localdate()
    updated = common.last_update().strftime("%d/%m/%Y")
    return [
        {
            "Call_Identifier": call.slug,
            "Call_Name": call.name,
            "Programme": call.programme.name,
            "Specific_Objective": "",
            "Funding_Authority": call.funding_authority.name if call.funding_authority else "",
            "Ministries": "; ".join(m.name for m in call.ministries.all()),
            "Opens": call.opens.strftime("%d/%m/%Y") if call.opens else "",
            "Closes": call.closes.strftime("%d/%m/%Y") if call.closes else "",
            "Status": _status(call, today),
            "Budget_EUR": f"{call.budget:.2f}" if call.budget is not None else "",
            "Budget_Qualifier": call.budget_qualifier,
            "Strands": "; ".join(f"{s.number} {s.name}" for s in call.strands.all()),
            "Date_Of_Latest_Update": updated,
            "Licence": common.LICENCE_NAME,
        }
        for call in common.call_queryset()
    ]


def render_csv() -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows())
    return out.getvalue().encode("utf-8-sig")
