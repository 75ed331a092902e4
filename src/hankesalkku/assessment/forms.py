"""The assessment forms: plain Django forms so every input has a label and every error its field.

Built per record (the call's checklist, its criteria) because each call words its own; the
services do the checking that matters, the forms only parse what was typed.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from hankesalkku.projects.models import CostCategory

from .models import AmendmentKind, FundingOutcome, ScreeningOutcome

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
BUDGET_CATEGORIES = [("", "–"), *CostCategory.choices]
BUDGET_ROWS = 5


class ScreeningForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    outcome = forms.ChoiceField(
        label=_("Tulos"), choices=ScreeningOutcome.choices, widget=forms.RadioSelect
    )
    reason = forms.CharField(
        label=_("Perustelu"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    supplement_deadline = forms.DateField(
        label=_("Täydennyksen määräpäivä"), required=False, widget=DATE
    )

    def __init__(self, *args, items, **kwargs):
        super().__init__(*args, **kwargs)
        self.items = list(items)
        for item in self.items:
            self.fields[f"item_{item.pk}"] = forms.ChoiceField(
                label=item.text,
                choices=[("yes", _("kyllä")), ("no", _("ei"))],
                widget=forms.RadioSelect,
            )
            self.fields[f"note_{item.pk}"] = forms.CharField(
                label=_("Huomio: %s") % item.text, required=False, max_length=500
            )

    def item_rows(self):
        return [(self[f"item_{i.pk}"], self[f"note_{i.pk}"]) for i in self.items]

    def answers(self) -> dict[int, tuple[bool, str]]:
        data = self.cleaned_data
        return {i.pk: (data[f"item_{i.pk}"] == "yes", data[f"note_{i.pk}"]) for i in self.items}


class ConflictForm(forms.Form):
    has_conflict = forms.TypedChoiceField(
        label=_("Esteellisyys"),
        choices=[
            ("0", _("En ole esteellinen arvioimaan haun hakemuksia")),
            ("1", _("Olen esteellinen")),
        ],
        coerce=lambda v: v == "1",
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Selvitys (esteellisyyden syy)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ScoreForm(forms.Form):
    """One criterion per pair of fields; the scale is the criterion's own and typed as such."""

    def __init__(self, *args, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        for c in self.criteria:
            self.fields[f"value_{c.pk}"] = forms.IntegerField(
                label=_("Pisteet (%(min)s–%(max)s)") % {"min": c.scale_min, "max": c.scale_max},
                required=False,
            )
            self.fields[f"justification_{c.pk}"] = forms.CharField(
                label=_("Perustelu"), required=False, widget=forms.Textarea(attrs={"rows": 2})
            )
            self.fields[f"version_{c.pk}"] = forms.IntegerField(
                required=False, widget=forms.HiddenInput
            )

    def rows(self):
        return [
            (c, self[f"value_{c.pk}"], self[f"justification_{c.pk}"], self[f"version_{c.pk}"])
            for c in self.criteria
        ]


class SelectionForm(forms.Form):
    selected = forms.TypedChoiceField(
        label=_("Valinta"),
        choices=[("1", _("rahoitetaan")), ("0", _("ei rahoiteta"))],
        coerce=lambda v: v == "1",
        widget=forms.RadioSelect,
    )
    reasoning = forms.CharField(label=_("Perustelu"), widget=forms.Textarea(attrs={"rows": 2}))


class AssessorForm(forms.Form):
    user = forms.ModelChoiceField(queryset=None, label=_("Arvioija"))

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = candidates


class BudgetLineForm(forms.Form):
    category = forms.ChoiceField(
        label=_("Kustannuslaji"), choices=BUDGET_CATEGORIES, required=False
    )
    year = forms.IntegerField(label=_("Vuosi"), min_value=2000, max_value=2100, required=False)
    amount = forms.DecimalField(label=_("Summa (€)"), min_value=0, decimal_places=2, required=False)


BudgetLineFormSet = forms.formset_factory(BudgetLineForm, extra=0, max_num=20)


def budget_lines(formset) -> list[tuple[str, int | None, object]]:
    return [
        (f.cleaned_data["category"], f.cleaned_data.get("year"), f.cleaned_data["amount"])
        for f in formset
        if f.cleaned_data.get("category") and f.cleaned_data.get("amount") is not None
    ]


class DecisionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    outcome = forms.ChoiceField(
        label=_("Päätös"), choices=FundingOutcome.choices, widget=forms.RadioSelect
    )
    reasoning = forms.CharField(label=_("Perustelut"), widget=forms.Textarea(attrs={"rows": 3}))
    support = forms.DecimalField(
        label=_("Myönnetty tuki (€)"), min_value=0, decimal_places=2, required=False
    )
    support_rate = forms.DecimalField(
        label=_("Tukiprosentti (%)"), min_value=0, max_value=100, decimal_places=2, required=False
    )
    starts = forms.DateField(label=_("Toteutus alkaa"), required=False, widget=DATE)
    ends = forms.DateField(label=_("Toteutus päättyy"), required=False, widget=DATE)
    cost_model = forms.ModelChoiceField(queryset=None, label=_("Kustannusmalli"), required=False)
    conditions = forms.CharField(
        label=_("Ehdot"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    decision_maker = forms.CharField(label=_("Päätöksentekijä"), max_length=200)
    date = forms.DateField(label=_("Päätöspäivä"), widget=DATE)
    diary_number = forms.CharField(label=_("Diaarinumero"), max_length=60, required=False)
    language = forms.ChoiceField(
        label=_("Päätöksen kieli"), choices=[("fi", "suomi"), ("sv", "svenska")]
    )

    def __init__(self, *args, cost_models, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cost_model"].queryset = cost_models


class AmendmentRequestForm(forms.Form):
    kind = forms.ChoiceField(label=_("Muutoksen laji"), choices=AmendmentKind.choices)
    description = forms.CharField(
        label=_("Muutoksen kuvaus ja perustelu"), widget=forms.Textarea(attrs={"rows": 3})
    )
    new_ends = forms.DateField(label=_("Uusi päättymispäivä"), required=False, widget=DATE)
    partner = forms.ModelChoiceField(
        queryset=None, label=_("Uusi yhteistyökumppani"), required=False
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = organisations


class AmendmentDecisionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    approve = forms.TypedChoiceField(
        label=_("Päätös"),
        choices=[("1", _("hyväksytään")), ("0", _("hylätään"))],
        coerce=lambda v: v == "1",
        widget=forms.RadioSelect,
    )
    answer = forms.CharField(label=_("Perustelu"), widget=forms.Textarea(attrs={"rows": 2}))
    decision_maker = forms.CharField(label=_("Päätöksentekijä"), max_length=200, required=False)
    date = forms.DateField(label=_("Päätöspäivä"), required=False, widget=DATE)
