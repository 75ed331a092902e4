"""Factories for reporting's tests: a Helsingin malli-like call with its three-level framework."""

import datetime

import factory

from hankesalkku.organisations.models import District
from hankesalkku.programmes.models import ImpactFramework, ImpactLevel
from hankesalkku.reporting.models import Indicator, ReportPeriod
from tests.factories import CallFactory

LEVELS = ("Asukkaat", "Paikalliset toimijat", "Taidelaitokset")


class DistrictFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = District
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"alue-{n}")
    name = factory.Sequence(lambda n: f"Alue {n}")


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    name = factory.Sequence(lambda n: f"Indikaattori {n}")
    unit = "henkilöä"


class ReportPeriodFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReportPeriod

    call = factory.SubFactory(CallFactory)
    starts = datetime.date(2025, 1, 1)
    ends = datetime.date(2025, 12, 31)
    due = datetime.date(2026, 1, 31)


def framework_call(**kwargs):
    """A call with the three-level framework (residents, local actors, arts institutions)."""
    framework = ImpactFramework.objects.create(name="Kolmikantainen vaikuttavuus")
    for order, name in enumerate(LEVELS, start=1):
        ImpactLevel.objects.create(framework=framework, order=order, name=name)
    return CallFactory(impact_framework=framework, **kwargs)
