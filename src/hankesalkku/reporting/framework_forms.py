"""The forms of the framework page: a level, an outcome, an indicator and a final report's
question. Plain Django forms, so that every input has its label and every error names its
field; the views hand the cleaned fields to reporting's services, which check the rest."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Breakdown, Direction, IndicatorKind, Outcome

WIDE = {"class": "wide"}
NUMBER = {"localize": True, "required": False, "max_digits": 14, "decimal_places": 2}


class VersionedForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class LevelForm(VersionedForm):
    name = forms.CharField(label=_("Tason nimi"), max_length=200)
    order = forms.IntegerField(label=_("Järjestys"), min_value=1, max_value=99)


class OutcomeForm(VersionedForm):
    level = forms.ModelChoiceField(queryset=None, label=_("Taso"))
    name = forms.CharField(
        label=_("Tavoiteltu muutos"), max_length=200, widget=forms.TextInput(attrs=WIDE)
    )
    description = forms.CharField(
        label=_("Kuvaus"), required=False, widget=forms.Textarea(attrs={"rows": 3, **WIDE})
    )

    def __init__(self, *args, call, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["level"].queryset = call.impact_framework.levels.all()


class IndicatorFieldsForm(VersionedForm):
    """An indicator's own fields, for a programme's indicator (which sits on no level) and,
    with its outcome, for a call's."""

    name = forms.CharField(
        label=_("Indikaattorin nimi"), max_length=300, widget=forms.TextInput(attrs=WIDE)
    )
    code = forms.CharField(label=_("Tunnus"), max_length=20, required=False)
    definition = forms.CharField(
        label=_("Määritelmä"), required=False, widget=forms.Textarea(attrs={"rows": 2, **WIDE})
    )
    kind = forms.ChoiceField(label=_("Laji"), choices=IndicatorKind.choices)
    unit = forms.CharField(label=_("Yksikkö"), max_length=40, required=False)
    scale_min = forms.DecimalField(label=_("Asteikon alin"), **NUMBER)
    scale_max = forms.DecimalField(label=_("Asteikon ylin"), **NUMBER)
    baseline = forms.DecimalField(label=_("Lähtötaso"), **NUMBER)
    target = forms.DecimalField(label=_("Haun tavoite"), **NUMBER)
    direction = forms.ChoiceField(label=_("Suunta"), choices=Direction.choices)
    breakdowns = forms.ModelMultipleChoiceField(
        queryset=Breakdown.objects.all(),
        label=_("Jaottelut (osallistujaindikaattori)"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, locked=False, **kwargs):
        super().__init__(*args, **kwargs)
        if locked:  # reported on: the page says why these cannot change
            self.fields["kind"].disabled = True
            self.fields["unit"].disabled = True

    def clean(self):
        data = super().clean()
        if data.get("kind") == IndicatorKind.SCALE:
            for name in ("scale_min", "scale_max"):
                if data.get(name) is None:
                    self.add_error(name, _("Asteikolle tarvitaan alin ja ylin arvo."))
        return data

    def service_fields(self) -> dict:
        """The cleaned fields as the indicator services take them."""
        data = dict(self.cleaned_data)
        data.pop("version", None)
        if data["kind"] != IndicatorKind.SCALE:
            data["scale_min"] = data["scale_max"] = None
        return data


class IndicatorForm(IndicatorFieldsForm):
    """A call's own indicator, on an outcome of the call's framework."""

    outcome = forms.ModelChoiceField(queryset=None, label=_("Tavoiteltu muutos"))
    field_order = ["version", "name", "code", "outcome"]

    def __init__(self, *args, call, locked=False, **kwargs):
        super().__init__(*args, locked=locked, **kwargs)
        self.fields["outcome"].queryset = Outcome.objects.filter(
            level__framework_id=call.impact_framework_id
        ).select_related("level")
        self.fields["outcome"].label_from_instance = lambda o: f"{o.level.name}: {o.name}"

    def service_fields(self) -> dict:
        """The level is the outcome's."""
        data = super().service_fields()
        data["level"] = data["outcome"].level
        return data


class ProgrammeIndicatorForm(IndicatorFieldsForm):
    """A programme's own indicator: its target is the programme's."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].label = _("Ohjelman tavoite")


class QuestionForm(VersionedForm):
    text = forms.CharField(label=_("Kysymys"), max_length=300, widget=forms.TextInput(attrs=WIDE))
    order = forms.IntegerField(label=_("Järjestys"), min_value=1, max_value=99, initial=1)


def error_list(form) -> list[str]:
    """Every error with its field's label, for the alert above the form."""
    found = []
    for name, errors in form.errors.items():
        label = form.fields[name].label if name in form.fields else ""
        found.extend(f"{label}: {e}" if label else e for e in errors)
    return found
