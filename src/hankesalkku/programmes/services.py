from hankesalkku.core.services import save_validated, service
from hankesalkku.core.slugs import unique_slug

from .models import Call, CallStrand, ReportedFigure


@service
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


@service
def call_strand_create(*, actor, call: Call, number: int, name: str) -> CallStrand:
    return save_validated(CallStrand(call=call, number=number, name=name))


@service
def reported_figure_create(*, actor, metric: str, value: int, **fields) -> ReportedFigure:
    return save_validated(ReportedFigure(metric=metric, value=value, **fields))
