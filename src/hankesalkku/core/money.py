"""Euros as Decimal with the qualifier the document stated ("enintään", "noin").

A figure like "enintään 123 750 euroa" is a ceiling, not a fact about spending; losing the
qualifier would turn a promise into a number nobody said. So every amount field travels with one.
"""

from decimal import ROUND_HALF_UP, Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

CENT = Decimal("0.01")


class Qualifier(models.TextChoices):
    EXACT = "exact", _("tarkka")
    AT_MOST = "at_most", _("enintään")
    ABOUT = "about", _("noin")
    AT_LEAST = "at_least", _("vähintään")


def money_field(verbose_name, *, null: bool = True, **kwargs) -> models.DecimalField:
    """Two decimals and never negative: a third decimal is a typing error, not a cent fraction."""
    return models.DecimalField(
        verbose_name,
        max_digits=14,
        decimal_places=2,
        null=null,
        blank=null,
        validators=[MinValueValidator(Decimal("0"))],
        **kwargs,
    )


def qualifier_field(verbose_name=None) -> models.CharField:
    verbose_name = verbose_name or _("tarkkuus")
    return models.CharField(
        verbose_name, max_length=10, choices=Qualifier.choices, default=Qualifier.EXACT
    )


def support_rate(support: Decimal | None, total_cost: Decimal | None) -> Decimal | None:
    """Support / total cost as a fraction with four decimals; None where it cannot be known."""
    if support is None or not total_cost:
        return None
    return (Decimal(support) / Decimal(total_cost)).quantize(Decimal("0.0001"), ROUND_HALF_UP)


def _english() -> bool:
    return (get_language() or "fi")[:2] == "en"


def format_eur(amount: Decimal | None, qualifier: str = Qualifier.EXACT) -> str:
    """Money as the active language writes it, the qualifier in front: 'enintään 123 750 €'
    in Finnish and Swedish, 'at most €123,750' in English; cents only where there are some."""
    if amount is None:
        return "–"
    amount = Decimal(amount).quantize(CENT)
    whole, _sep, cents = f"{amount:,.2f}".partition(".")
    if _english():
        text = "€" + whole + ("." + cents if cents != "00" else "")
    else:
        text = whole.replace(",", "\u00a0") + ("," + cents if cents != "00" else "") + "\u00a0€"
    if qualifier and qualifier != Qualifier.EXACT:
        text = f"{Qualifier(qualifier).label} {text}"
    return text


def format_rate(rate: Decimal | None) -> str:
    """'75 %' in Finnish and Swedish, '75%' in English."""
    if rate is None:
        return "–"
    percent = (rate * 100).quantize(Decimal("0.1"), ROUND_HALF_UP)
    text = f"{percent:f}".rstrip("0").rstrip(".")
    if _english():
        return f"{text}%"
    return text.replace(".", ",") + "\u00a0%"
