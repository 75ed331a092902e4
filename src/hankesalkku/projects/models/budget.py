"""The cost categories every budget speaks: an application's, an approved one, a payment claim's.

One list so that what was applied for, what was approved and what is claimed can be set side
by side line by line. The computed categories (the 40 % flat rate, a lump sum) are never typed:
the application's and the claim's services compute them from their base and keep the working.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CostCategory(models.TextChoices):
    STAFF = "staff", _("henkilöstökustannukset")
    PURCHASED_SERVICES = "purchased_services", _("ostopalvelut")
    TRAVEL = "travel", _("matkakustannukset")
    EQUIPMENT = "equipment", _("kone- ja laitehankinnat")
    OTHER = "other", _("muut kustannukset")
    FLAT_RATE = "flat_rate", _("flat rate -osuus (muut kuin henkilöstökustannukset)")
    LUMP_SUM = "lump_sum", _("kertakorvaus")

    @classmethod
    def computed(cls) -> tuple[str, ...]:
        """Categories whose amount follows from others and the call's rules."""
        return (cls.FLAT_RATE,)
