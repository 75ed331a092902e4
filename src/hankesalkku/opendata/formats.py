"""Every open-data format by name, for the page and the command alike."""

from . import calls_schedule, giving360, operations
from .common import OpenFile

FORMATS = {
    "360giving": (giving360.render, "application/json", "hankesalkku-360giving.json"),
    "operations-csv": (operations.render_csv, "text/csv; charset=utf-8", "toimenpiteet.csv"),
    "operations-xlsx": (
        operations.render_xlsx,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "toimenpiteet.xlsx",
    ),
    "calls-schedule": (calls_schedule.render_csv, "text/csv; charset=utf-8", "hakuaikataulu.csv"),
}


def open_file(fmt: str, base_url: str = "") -> OpenFile:
    render, content_type, filename = FORMATS[fmt]
    content = render(base_url) if fmt == "360giving" else render()
    return OpenFile(content=content, content_type=content_type, filename=filename)
