"""Finnish business ID (Y-tunnus): seven digits, a hyphen and a check digit.

The check digit is how a typo is caught before an organisation is created twice.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

BUSINESS_ID_RE = re.compile(r"^(\d{7})-(\d)$")
WEIGHTS = (7, 9, 10, 5, 8, 4, 2)


def business_id_check_digit(first_seven: str) -> int | None:
    """None where no valid check digit exists (remainder 1 is never issued)."""
    remainder = sum(int(d) * w for d, w in zip(first_seven, WEIGHTS, strict=True)) % 11
    if remainder == 0:
        return 0
    if remainder == 1:
        return None
    return 11 - remainder


def normalise_business_id(value: str) -> str:
    value = (value or "").strip().replace(" ", "")
    if re.fullmatch(r"\d{6}-\d", value):  # old IDs with six digits get a leading zero
        value = "0" + value
    return value


def validate_business_id(value: str) -> None:
    match = BUSINESS_ID_RE.match(normalise_business_id(value))
    if not match:
        raise ValidationError(
            _("Y-tunnuksen muoto on 1234567-8 (seitsemän numeroa, väliviiva ja tarkistusnumero)."),
            code="format",
        )
    expected = business_id_check_digit(match.group(1))
    if expected is None or expected != int(match.group(2)):
        raise ValidationError(
            _("Y-tunnuksen %(value)s tarkistusnumero ei täsmää.") % {"value": value},
            code="check_digit",
        )
