from django.db import transaction

from hankesalkku.core.services import save_validated
from hankesalkku.projects.services import unique_slug

from .models import Call, CallStrand, ReportedFigure


@transaction.atomic
def call_create(*, actor, programme, name: str, **fields) -> Call:
    ministries = fields.pop("ministries", ())
    districts = fields.pop("target_districts", ())
    cost_models = fields.pop("allowed_cost_models", ())
    fields.setdefault("slug", unique_slug(Call, name))
    call = save_validated(Call(programme=programme, name=name, **fields))
    call.ministries.set(ministries)
    call.target_districts.set(districts)
    call.allowed_cost_models.set(cost_models)
    return call


@transaction.atomic
def call_strand_create(*, actor, call: Call, number: int, name: str) -> CallStrand:
    return save_validated(CallStrand(call=call, number=number, name=name))


@transaction.atomic
def reported_figure_create(*, actor, metric: str, value: int, **fields) -> ReportedFigure:
    return save_validated(ReportedFigure(metric=metric, value=value, **fields))
