"""The forms of payments: a claim (by the approved budget's categories), its check, its payment,
an advance, a co-financing payment and a commitment's yearly plan.

Plain Django forms built from the approved budget, so every input has its label and every
error names its field; the computed categories (flat rate, unit costs, lump sum) are never
inputs, only the base they are computed from (staff costs, hours, the milestones reached).
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from hankesalkku.applying import costs
from hankesalkku.core.money import format_eur
from hankesalkku.projects.models import CostCategory

from .services.claim_lines import TYPED

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _money(label, **kwargs):
    return forms.DecimalField(
        label=label, min_value=0, max_digits=14, decimal_places=2, required=False, **kwargs
    )


class ClaimForm(forms.Form):
    """Fields `cost_<category>` for the approved typed categories, `staff_hours` under a unit
    cost, and `milestone_<id>` with `reached_<id>` for each of the lump sum's milestones."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    period_starts = forms.DateField(label=_("Maksatuskausi alkaa"), widget=DATE)
    period_ends = forms.DateField(label=_("Maksatuskausi päättyy"), widget=DATE)

    def __init__(self, *args, approved, unit_cost=None, milestones=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.unit_cost = unit_cost
        self.milestones = list(milestones)
        for category in TYPED:
            if category not in approved:
                continue
            if category == CostCategory.STAFF and unit_cost is not None:
                self.fields["staff_hours"] = _money(
                    _("Henkilöstön tehdyt tunnit (h)"),
                    help_text=_("Kerrotaan päätöksen tuntihinnalla %(rate)s €/h.")
                    % {"rate": costs.fi_amount(unit_cost.hourly_rate)},
                )
                continue
            self.fields[f"cost_{category}"] = _money(
                _("%(category)s (€)") % {"category": CostCategory(category).label}
            )
        for milestone in self.milestones:
            self.fields[f"milestone_{milestone.pk}"] = forms.BooleanField(
                label=_("Saavutettu: %(name)s (%(amount)s)")
                % {"name": milestone.name, "amount": format_eur(milestone.amount)},
                required=False,
            )
            self.fields[f"reached_{milestone.pk}"] = forms.DateField(
                label=_("Saavutettu päivänä"), widget=DATE, required=False
            )

    def clean(self):
        data = super().clean()
        starts, ends = data.get("period_starts"), data.get("period_ends")
        if starts and ends and ends < starts:
            self.add_error("period_ends", _("Maksatuskausi päättyy ennen alkuaan."))
        for milestone in self.milestones:
            if data.get(f"milestone_{milestone.pk}") and not data.get(f"reached_{milestone.pk}"):
                self.add_error(
                    f"reached_{milestone.pk}",
                    _("Anna päivä, jona välitavoite saavutettiin."),
                )
        return data

    def cost_fields(self):
        return [self[name] for name in self.fields if name.startswith("cost_")]

    def milestone_fields(self):
        return [(self[f"milestone_{m.pk}"], self[f"reached_{m.pk}"]) for m in self.milestones]

    def service_input(self) -> dict:
        """What payment_claim_create / _update take."""
        data = self.cleaned_data
        return {
            "period_starts": data["period_starts"],
            "period_ends": data["period_ends"],
            "lines": [
                (name.removeprefix("cost_"), data[name])
                for name in self.fields
                if name.startswith("cost_") and data.get(name) is not None
            ],
            "staff_hours": data.get("staff_hours"),
            "milestones": [
                (m, data.get(f"reached_{m.pk}"))
                for m in self.milestones
                if data.get(f"milestone_{m.pk}")
            ],
        }


class CheckForm(forms.Form):
    """One accepted amount and reason per typed line, accepted hours for a unit-cost line, and
    accepted or not for each milestone claimed; the flat rate follows, never typed."""

    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, claim, **kwargs):
        super().__init__(*args, **kwargs)
        self.claim = claim
        self.rows = []
        for line in claim.lines.all():
            if line.category in (CostCategory.FLAT_RATE, CostCategory.LUMP_SUM):
                continue
            if line.hours is not None and line.unit_rate is not None:
                name = "hours"
                self.fields[name] = forms.DecimalField(
                    label=_("%(category)s: hyväksytyt tunnit (haettu %(hours)s h)")
                    % {
                        "category": line.get_category_display(),
                        "hours": costs.fi_number(line.hours),
                    },
                    min_value=0,
                    max_value=line.hours,
                    decimal_places=2,
                    initial=line.hours,
                )
            else:
                name = f"accepted_{line.category}"
                self.fields[name] = forms.DecimalField(
                    label=_("%(category)s: hyväksytty (€)")
                    % {"category": line.get_category_display()},
                    min_value=0,
                    max_value=line.claimed,
                    decimal_places=2,
                    initial=line.claimed,
                )
            self.fields[f"reason_{line.category}"] = forms.CharField(
                label=_("Vähennyksen perustelu"), required=False, max_length=1000
            )
            self.rows.append((line, self[name], self[f"reason_{line.category}"]))
        self.milestone_rows = []
        for claimed in claim.milestones.select_related("milestone"):
            pk = claimed.milestone_id
            self.fields[f"ms_ok_{pk}"] = forms.BooleanField(
                label=_("Hyväksytään: %(name)s") % {"name": claimed.milestone.name},
                required=False,
                initial=True,
            )
            self.fields[f"ms_reason_{pk}"] = forms.CharField(
                label=_("Perustelu, jos ei hyväksytä"), required=False, max_length=1000
            )
            self.milestone_rows.append((claimed, self[f"ms_ok_{pk}"], self[f"ms_reason_{pk}"]))

    def service_input(self) -> dict:
        data = self.cleaned_data
        accepted, hours = {}, None
        for line, field, _reason in self.rows:
            reason = data.get(f"reason_{line.category}", "")
            if field.name == "hours":
                hours = (data["hours"], reason)
            else:
                accepted[line.category] = (data[field.name], reason)
        milestones = {
            claimed.milestone_id: (
                data.get(f"ms_ok_{claimed.milestone_id}"),
                data.get(f"ms_reason_{claimed.milestone_id}", ""),
            )
            for claimed, _ok, _r in self.milestone_rows
        }
        return {"accepted": accepted, "accepted_hours": hours, "milestones": milestones}


class RejectForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    reject_reason = forms.CharField(
        label=_("Hylkäämisen perustelu"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )


class VersionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)


class PayForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    paid_on = forms.DateField(label=_("Maksupäivä"), widget=DATE)


class AdvanceForm(forms.Form):
    amount = forms.DecimalField(
        label=_("Ennakko (€)"), min_value=0.01, max_digits=14, decimal_places=2
    )
    paid_on = forms.DateField(label=_("Maksupäivä"), widget=DATE)


class AttachmentForm(forms.Form):
    file = forms.FileField(label=_("Tosite tai liite"))
    description = forms.CharField(label=_("Kuvaus"), max_length=300, required=False)


class CommitmentPaymentForm(forms.Form):
    paid_on = forms.DateField(label=_("Maksupäivä"), widget=DATE)
    amount = forms.DecimalField(
        label=_("Maksettu (€)"), min_value=0.01, max_digits=14, decimal_places=2
    )
    year = forms.IntegerField(
        label=_("Vuosi, jolle maksu kirjataan"), min_value=2000, max_value=2100, required=False
    )
    claim = forms.ModelChoiceField(
        label=_("Maksatushakemus, jonka perusteella maksetaan"), queryset=None, required=False
    )
    note = forms.CharField(label=_("Selite"), max_length=300, required=False)

    def __init__(self, *args, claims, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["claim"].queryset = claims


class YearPlanForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    year = forms.IntegerField(label=_("Vuosi"), min_value=2000, max_value=2100)
    amount = forms.DecimalField(
        label=_("Suunniteltu (€)"), min_value=0, max_digits=14, decimal_places=2
    )
