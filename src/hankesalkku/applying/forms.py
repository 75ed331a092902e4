"""The budget form: the period, the typed lines (computed ones are shown, never typed), financing.

Plain Django forms so that every input has its label and every error names its field; the same
parse serves the save and the live check, which differ only in whether the service is called.
"""

from django import forms
from django.forms import formset_factory
from django.utils.translation import gettext_lazy as _

from hankesalkku.core.money import Qualifier
from hankesalkku.organisations.models import BudgetItem, Organisation, OrganisationType
from hankesalkku.projects.models import CostCategory

TYPED_CATEGORIES = [(c.value, c.label) for c in CostCategory if c != CostCategory.FLAT_RATE]
LINE_ROWS = 6
QUALIFIERS = [
    (Qualifier.EXACT.value, _("tarkka")),
    (Qualifier.AT_MOST.value, _("enintään")),
    (Qualifier.ABOUT.value, _("noin")),
]
"""What a financing plan states of an amount: as such, "at most" (a ceiling) or "about"."""
QUALIFIED = ("total_cost", "support", "own_financing", "municipal_financing")


class StartForm(forms.Form):
    organisation = forms.ModelChoiceField(queryset=None, label=_("Hakijaorganisaatio"))
    name = forms.CharField(label=_("Hankkeen nimi"), max_length=400)
    acronym = forms.CharField(label=_("Lyhenne"), max_length=40, required=False)

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        if len(organisations) == 1:  # a preparer of one organisation need not choose it
            self.fields["organisation"].initial = organisations[0].pk


class LineForm(forms.Form):
    category = forms.ChoiceField(label=_("Kustannuslaji"), choices=TYPED_CATEGORIES)
    year = forms.IntegerField(label=_("Vuosi"), min_value=2000, max_value=2100, required=False)
    amount = forms.DecimalField(label=_("Summa (€)"), min_value=0, decimal_places=2, required=False)
    annual_pay = forms.DecimalField(
        label=_("Vuosipalkka (€, yksikkökustannus)"), min_value=0, decimal_places=2, required=False
    )
    hours = forms.DecimalField(label=_("Tunnit"), min_value=0, decimal_places=2, required=False)


LineFormSet = formset_factory(LineForm, extra=LINE_ROWS, max_num=LINE_ROWS * 2)


class BudgetForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    starts = forms.DateField(label=_("Alkaa"), widget=forms.DateInput(attrs={"type": "date"}))
    ends = forms.DateField(label=_("Päättyy"), widget=forms.DateInput(attrs={"type": "date"}))
    use_flat_rate = forms.BooleanField(
        label=_("Muut kuin henkilöstökustannukset 40 %:n flat ratena"), required=False
    )
    support = forms.DecimalField(
        label=_("Haettu tuki (EU ja valtio) (€)"), min_value=0, decimal_places=2, required=False
    )
    municipal_financing = forms.DecimalField(
        label=_("Kuntarahoitus (€)"), min_value=0, decimal_places=2, required=False
    )
    other_public_financing = forms.DecimalField(
        label=_("Muu julkinen rahoitus (€)"), min_value=0, decimal_places=2, required=False
    )
    private_financing = forms.DecimalField(
        label=_("Yksityinen rahoitus (€)"), min_value=0, decimal_places=2, required=False
    )
    municipal_financing_payer = forms.ModelChoiceField(
        queryset=Organisation.objects.filter(
            organisation_type=OrganisationType.MUNICIPALITY, parent__isnull=True
        ).order_by("name"),
        label=_("Kuntarahoituksen maksaja"),
        required=False,
    )
    municipal_financing_budget_item = forms.ModelChoiceField(
        queryset=BudgetItem.objects.filter(
            organisation__organisation_type=OrganisationType.MUNICIPALITY
        )
        .exclude(code="")
        .select_related("organisation")
        .order_by("code"),
        label=_("Kuntarahoituksen talousarviokohta"),
        required=False,
    )
    total_cost_qualifier = forms.ChoiceField(
        label=_("Kokonaiskustannusten tarkkuus"), choices=QUALIFIERS, required=False
    )
    support_qualifier = forms.ChoiceField(
        label=_("Tuen tarkkuus"), choices=QUALIFIERS, required=False
    )
    own_financing_qualifier = forms.ChoiceField(
        label=_("Omarahoituksen tarkkuus"), choices=QUALIFIERS, required=False
    )
    municipal_financing_qualifier = forms.ChoiceField(
        label=_("Kuntarahoituksen tarkkuus"), choices=QUALIFIERS, required=False
    )

    def clean(self):
        data = super().clean()
        if data.get("starts") and data.get("ends") and data["ends"] < data["starts"]:
            self.add_error("ends", _("Päättymispäivä on ennen alkamispäivää."))
        for name in QUALIFIED:  # not sent (an older form, the API): stated as such
            data[f"{name}_qualifier"] = data.get(f"{name}_qualifier") or Qualifier.EXACT
        return data


def line_dicts(formset) -> list[dict]:
    """The rows the user filled in, as the budget service takes them."""
    lines = []
    for form in formset.forms:
        data = getattr(form, "cleaned_data", None)
        if data and data.get("year"):
            lines.append(
                {
                    key: data.get(key)
                    for key in ("category", "year", "amount", "annual_pay", "hours")
                    if data.get(key) is not None
                }
            )
    return lines


def initial_lines(application) -> list[dict]:
    return [
        {
            "category": line.category,
            "year": line.year,
            "amount": line.amount,
            "annual_pay": line.annual_pay,
            "hours": line.hours,
        }
        for line in application.budget_lines.all()
        if line.category != CostCategory.FLAT_RATE
    ]


def initial_budget(application) -> dict:
    return {
        "version": application.version,
        "starts": application.starts,
        "ends": application.ends,
        "use_flat_rate": application.budget_lines.filter(category=CostCategory.FLAT_RATE).exists(),
        "support": application.support,
        "municipal_financing": application.municipal_financing,
        "other_public_financing": application.other_public_financing,
        "private_financing": application.private_financing,
        "municipal_financing_payer": application.municipal_financing_payer_id,
        "municipal_financing_budget_item": application.municipal_financing_budget_item_id,
        **{f"{name}_qualifier": getattr(application, f"{name}_qualifier") for name in QUALIFIED},
    }


class AttachmentForm(forms.Form):
    """One file for one of the call's required attachments, or another one named by its purpose."""

    purpose = forms.CharField(label=_("Liitteen aihe"), max_length=200)
    file = forms.FileField(label=_("Tiedosto"))
