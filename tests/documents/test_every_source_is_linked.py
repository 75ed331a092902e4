"""Every sentence the demo cites is reachable: some page shows a "lähde" link to it."""

import re

import pytest
from django.urls import reverse

from hankesalkku.decisions.models import Decision
from hankesalkku.organisations.models import Organisation
from hankesalkku.programmes.models import Call
from hankesalkku.projects.models import ProjectEntity
from hankesalkku.sources.models import SourceReference

pytestmark = pytest.mark.django_db


def test_every_demo_reference_has_a_source_link_on_some_page(demo, client):
    urls = [reverse("site:home"), reverse("decisions:list")]
    urls += [reverse("programmes:call_detail", args=[c.slug]) for c in Call.objects.all()]
    urls += [reverse("projects:detail", args=[e.slug]) for e in ProjectEntity.objects.all()]
    urls += [reverse("decisions:detail", args=[d.pk]) for d in Decision.objects.all()]
    urls += [reverse("organisations:detail", args=[o.slug]) for o in Organisation.objects.all()]
    linked: set[int] = set()
    for url in urls:
        page = client.get(url).content.decode()
        linked |= {int(pk) for pk in re.findall(r'href="/asiakirjat/lahde/(\d+)/"', page)}
    # Two fields resting on one sentence (start and end dates) share one link.
    shown = {(r.document_id, r.quote) for r in SourceReference.objects.filter(pk__in=linked)}
    unlinked = [
        (r.content_type.model, r.field, r.quote[:40])
        for r in SourceReference.objects.select_related("content_type")
        if (r.document_id, r.quote) not in shown
    ]
    assert not unlinked
