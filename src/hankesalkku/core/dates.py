"""One way to write a date on every page, export and message: the active language's short date
(1.9.2024 in Finnish and Swedish, 1 Sep 2024 in English; see core/formats).

Several layers hand dates on as ISO strings (the overview's JSON-ready data, the reader's
values), so a string in ISO form is read back and written the same way, and anything else is
shown as it came.
"""

from datetime import date, datetime

from django.utils.formats import date_format


def format_date(value) -> str:
    if not value:
        return "–"
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value[:10])
        except ValueError:
            return value
    if isinstance(value, datetime):
        value = value.date()
    return date_format(value, "SHORT_DATE_FORMAT")
