"""Many files sent from the browser are read in the background, with progress on a page of
their own (tests run tasks at once, as the immediate backend does)."""

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from hankesalkku.documents.models import ReadingBatch
from hankesalkku.documents.services import (
    BACKGROUND_FROM_FILES,
    reading_batch_create,
    reading_batch_read_next,
)
from hankesalkku.sources.models import SourceDocument
from tests.factories import UserFactory

from .conftest import DECISION, JUNK

pytestmark = pytest.mark.django_db
UPLOAD = reverse("documents:upload")


def decisions(count: int) -> list[tuple[str, bytes]]:
    """Different decisions (a number of its own in each), so none is a copy of another."""
    return [
        (f"{n}.txt", DECISION.replace(b"HEL 2024-000777", f"HEL 2024-00{n:04d}".encode()))
        for n in range(count)
    ]


def test_many_files_are_read_in_the_background_and_their_page_shows_every_result(
    client, officer, helsinki
):
    files = [*decisions(BACKGROUND_FROM_FILES), ("roska.bin", JUNK)]
    client.force_login(officer)

    response = client.post(UPLOAD, {"files": [SimpleUploadedFile(n, d) for n, d in files]})

    batch = ReadingBatch.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("documents:batch", args=[batch.pk])
    assert (batch.status, batch.done, batch.total) == ("finished", len(files), len(files))
    assert SourceDocument.objects.count() == BACKGROUND_FROM_FILES
    assert [r["ok"] for r in batch.results] == [True] * BACKGROUND_FROM_FILES + [False]
    assert not any(bytes(f.data) for f in batch.files.all())  # read, then emptied

    page = client.get(response["Location"]).content.decode()
    assert f"{len(files)} / {len(files)} tiedostoa luettu" in page
    assert "roska.bin" in page and "hx-trigger" not in page  # finished: no more polling


def test_a_batch_still_being_read_polls_for_its_progress(client, officer, helsinki):
    batch = reading_batch_create(actor=officer, files=decisions(3))
    reading_batch_read_next(actor=officer, batch=batch)
    client.force_login(officer)

    fragment = client.get(reverse("documents:batch", args=[batch.pk]), HTTP_HX_REQUEST="true")

    html = fragment.content.decode()
    assert "<html" not in html and 'hx-trigger="every 2s"' in html
    assert "1 / 3 tiedostoa luettu" in html


def test_a_batch_goes_on_where_it_stopped(officer, helsinki):
    batch = reading_batch_create(actor=officer, files=decisions(3))
    reading_batch_read_next(actor=officer, batch=batch)  # then the worker died
    from hankesalkku.documents.tasks import reading_batch_run

    reading_batch_run.call(batch.pk)
    batch.refresh_from_db()
    assert (batch.done, batch.status) == (3, "finished")
    assert SourceDocument.objects.count() == 3


def test_few_files_are_still_read_at_once(client, officer, helsinki):
    client.force_login(officer)
    response = client.post(UPLOAD, {"files": [SimpleUploadedFile("12.txt", DECISION)]})
    assert response.status_code == 200 and not ReadingBatch.objects.exists()
    assert "Luettu:" in response.content.decode()


def test_another_users_batch_is_not_shown(client, officer, helsinki):
    batch = reading_batch_create(actor=officer, files=decisions(1))
    other = UserFactory(username="toinen")
    other.user_permissions.add(Permission.objects.get(codename="add_sourcedocument"))
    client.force_login(other)
    assert client.get(reverse("documents:batch", args=[batch.pk])).status_code == 403
