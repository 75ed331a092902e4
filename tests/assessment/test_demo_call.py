"""The demo's STM call of 2024–2025 under joint assessment: the funnel is counted from the
illustrative records and shown beside the figures seed 003 reports, which stay as reported."""

import pytest
from django.urls import reverse

from hankesalkku.assessment.summary import funnel, ranking
from hankesalkku.programmes.models import Call

pytestmark = pytest.mark.django_db


def test_the_stm_call_is_screened_and_assessed_jointly(demo, client):
    call = Call.objects.get(slug="haku-2024-stm")
    steps = {s["step"]: s for s in funnel(call)}
    counted = {step: s["counted"] for step, s in steps.items()}
    assert counted == {"received": 8, "eligible": 6, "assessed": 5, "selected": 0, "funded": 0}
    reported = steps["received"]["reported"]
    if reported is not None:  # the seeds are beside the checkout: the reported 66 stays
        assert reported.value == 66 and steps["received"]["differs"]
    rows = ranking(call)
    assert all(r.entity.is_illustrative for r in rows)
    assert [r.within_budget for r in rows[:3]] == [True, True, True]
    assert not rows[-1].within_budget  # the budget line falls inside the ranking
    page = client.get(reverse("assessment:funnel", args=[call.slug])).content.decode()
    assert "saapuneet hakemukset" in page
    if reported is not None:
        assert "eroaa tietueista: raportoitu 66, tietueissa 8" in page
