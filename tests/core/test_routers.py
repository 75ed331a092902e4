"""With a replica configured, the read-only pages read from it and every write stays on the
primary. The tests' `replica` alias mirrors the test database, so both aliases see one data set
and the test can tell which alias each query went to."""

import pytest
from django.db import connections
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from hankesalkku.core.routers import ReplicaRouter
from hankesalkku.projects.models import ProjectEntity
from tests.factories import ProjectEntityFactory
from tests.pages import html


@pytest.mark.django_db(transaction=True, serialized_rollback=True, databases=["default", "replica"])
def test_the_project_list_and_the_overview_read_from_the_replica(settings, client):
    settings.HANKESALKKU_READ_REPLICA = True
    ProjectEntityFactory.in_status_funded(name="Replikalta luettu hanke")
    for url in (reverse("projects:list"), reverse("insights:overview")):
        with (
            CaptureQueriesContext(connections["replica"]) as replica,
            CaptureQueriesContext(connections["default"]) as primary,
        ):
            response = client.get(url, {"status": "kaikki"} if "yleiskuva" in url else {})
        assert response.status_code == 200
        assert any("projects_projectentity" in q["sql"] for q in replica.captured_queries)
        assert not any("projects_projectentity" in q["sql"] for q in primary.captured_queries)
    assert "Replikalta luettu hanke" in html(client.get(reverse("projects:list")))


@pytest.mark.django_db(transaction=True, serialized_rollback=True, databases=["default", "replica"])
def test_without_the_setting_everything_stays_on_the_primary(settings, client):
    settings.HANKESALKKU_READ_REPLICA = False
    with CaptureQueriesContext(connections["replica"]) as replica:
        client.get(reverse("projects:list"))
    assert not replica.captured_queries


def test_writes_and_migrations_go_to_the_primary_only():
    router = ReplicaRouter()
    assert router.db_for_write(ProjectEntity) == "default"
    assert router.allow_migrate("default", "projects") and not router.allow_migrate(
        "replica", "projects"
    )
    assert router.db_for_read(ProjectEntity) is None  # outside a read-only page: the default
