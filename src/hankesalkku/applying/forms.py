"""The budget form: the period, the typed lines (computed ones are shown, never typed), financing.

Plain Django forms so that every input has its label and every error names its field; the same
parse serves the save and the live check, which differ only in whether the service is called.
"""

from django import forms
from django.forms import formset_factory
from django.utils.translation import gettext_lazy as _

from hankesalkku.projects.models import CostCategory

TYPED_CATEGORIES = [(c.value, c.label) for c in CostCategory if c != CostCategory.FLAT_RATE]
LINE_ROWS = 6


class StartForm(forms.Form):
    organisation = forms.ModelChoiceField(queryset=None, label=_("Hakijaorganisaatio"))
    name = forms.CharField(label=_("Hankkeen nimi"), max_length=400)
    acronym = forms.CharField(label=_("Lyhenne"), max_length=40, required=False)

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations


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

    def clean(self):
        data = super().clean()
        if data.get("starts") and data.get("ends") and data["ends"] < data["starts"]:
            self.add_error("ends", _("Päättymispäivä on ennen alkamispäivää."))
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
    }
