"""A reader follows a "lähde" link and sees the quoted sentence highlighted in its document."""

import pytest
from django.urls import reverse

from hankesalkku.projects.models import ProjectEntity, ProjectStatus
from hankesalkku.sources.services import source_document_create, source_reference_create
from tests.factories import ApplicationFactory, ProjectEntityFactory, service_actor

pytestmark = pytest.mark.django_db

TEXT = "Alku.\nHelsingin osuus on\n250 000 euroa. Loppu."


def test_the_quote_is_highlighted_in_the_stored_text(db, client):
    application = ApplicationFactory(entity=ProjectEntityFactory.in_status_funded(name="Hanke Z"))
    document = source_document_create(
        actor=service_actor(), title="Päätös 63 §", kind="decision", text=TEXT
    )
    reference = source_reference_create(
        actor=service_actor(),
        document=document,
        target=application,
        field="total_cost",
        quote="Helsingin osuus on 250 000 euroa.",
        section="Perustelut",
    )
    page = client.get(reverse("sources:source", args=[reference.pk])).content.decode()
    assert '<mark id="lainaus" class="active">Helsingin osuus on\n250 000 euroa.</mark>' in page
    assert "Päätös 63 §" in page and "Perustelut" in page
    assert "kokonaiskustannukset" in page  # which figure the quote is for
    assert reverse("projects:detail", args=[application.entity.slug]) in page


def test_a_quote_without_stored_text_is_still_shown(db, client):
    entity = ProjectEntityFactory.in_status_funded()
    document = source_document_create(actor=service_actor(), title="Esitys", kind="presentation")
    reference = source_reference_create(
        actor=service_actor(), document=document, target=entity, quote="12 hankekokonaisuutta"
    )
    page = client.get(reverse("sources:source", args=[reference.pk])).content.decode()
    assert "12 hankekokonaisuutta" in page and "<mark" not in page
    assert "koko tekstiä ei ole tallennettu" in page


def test_the_source_of_a_draft_is_hidden_from_visitors(db, client):
    entity = ProjectEntityFactory(status=ProjectStatus.PLANNED)
    document = source_document_create(
        actor=service_actor(), title="Luonnos", kind="application", text=TEXT
    )
    reference = source_reference_create(
        actor=service_actor(), document=document, target=entity, quote="Alku."
    )
    assert client.get(reverse("sources:source", args=[reference.pk])).status_code == 404


def test_every_demo_source_link_on_hot_opens_with_its_quote_marked(seeds_dir, demo, client):
    hot = ProjectEntity.objects.get(acronym="HOT")
    page = client.get(reverse("projects:detail", args=[hot.slug])).content.decode()
    links = sorted(set(part.split('"')[0] for part in page.split('href="/asiakirjat/lahde/')[1:]))
    assert len(links) >= 8
    for pk in links:
        source = client.get(f"/asiakirjat/lahde/{pk}").content.decode()
        assert '<mark id="lainaus"' in source, pk


def test_an_unknown_source_is_404(db, client):
    assert client.get("/asiakirjat/lahde/987654/").status_code == 404
