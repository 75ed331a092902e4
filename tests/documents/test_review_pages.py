"""The upload and review pages: who may use them, and an officer's way through a document."""

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from hankesalkku.decisions.models import Decision
from hankesalkku.documents.models import ExtractedValue
from hankesalkku.documents.services import document_ingest
from hankesalkku.sources.models import SourceDocument, SourceReference
from tests.factories import UserFactory
from tests.pages import confirm_password

from .conftest import (
    CORRUPT_PDF,
    DECISION,
    JUNK,
    MIXED_ENCODING,
    NOTHING,
    PDF_WITHOUT_TEXT,
    encrypted_pdf,
    value_named,
)

pytestmark = pytest.mark.django_db
UPLOAD = reverse("documents:upload")


def upload(client, *files, follow=False):
    return client.post(
        UPLOAD, {"files": [SimpleUploadedFile(name, data) for name, data in files]}, follow=follow
    )


def test_anonymous_users_are_sent_to_log_in(client):
    response = client.get(UPLOAD)
    assert response.status_code == 302 and "login" in response["Location"]


def test_users_without_the_right_are_told_why(client):
    client.force_login(UserFactory())
    response = client.get(UPLOAD)
    assert response.status_code == 403
    assert "lähdeasiakirjojen lisäämiseen" in response.content.decode()


def test_users_granted_the_right_may_upload_without_being_staff(client):
    user = UserFactory()
    user.user_permissions.add(Permission.objects.get(codename="add_sourcedocument"))
    client.force_login(user)
    assert client.get(UPLOAD).status_code == 200


def test_several_files_at_once_each_get_their_own_result(client, officer, helsinki):
    client.force_login(officer)
    response = upload(
        client,
        ("12.txt", DECISION),
        ("tyhja.txt", b""),
        ("roska.bin", JUNK),
        ("skannattu.pdf", PDF_WITHOUT_TEXT),
        ("muistio.txt", NOTHING),
        follow=True,  # five files: read in the background, results on the batch's page
    )
    page = response.content.decode()

    assert response.status_code == 200
    assert "Luettu:" in page and "tarkistettavana" in page
    assert "tyhjä" in page and "binääridataa" in page and "OCR" in page
    assert "ei tunnistettu rahoitustietoja" in page
    document = SourceDocument.objects.get()
    assert reverse("documents:review", args=[document.pk]) in page


def test_broken_pdfs_are_refused_and_mixed_encodings_read_with_a_warning(client, officer):
    client.force_login(officer)
    page = upload(
        client,
        ("salattu.pdf", encrypted_pdf()),
        ("rikki.pdf", CORRUPT_PDF),
        ("sekava.txt", MIXED_ENCODING),
    ).content.decode()

    assert page.count('<li class="error">') == 2
    assert "salat" in page and "vioittunut" in page
    assert "merkistö" in page
    assert SourceDocument.objects.get().filename == "sekava.txt"


def test_an_upload_seen_before_points_to_its_existing_review(client, officer):
    client.force_login(officer)
    upload(client, ("12.txt", DECISION))
    page = upload(client, ("sama.txt", DECISION)).content.decode()
    assert "jo tallennettu" in page
    assert SourceDocument.objects.count() == 1


def test_a_50_mb_file_is_refused_with_a_message_and_the_rest_is_read(client, officer):
    client.force_login(officer)
    page = upload(
        client, ("valtava.txt", b"a" * (50 * 1024 * 1024)), ("12.txt", DECISION)
    ).content.decode()
    assert "valtava.txt on liian suuri (50,0 Mt)" in page
    assert SourceDocument.objects.get().filename == "12.txt"


def test_the_recent_list_shows_each_documents_review_status(
    client, officer, django_assert_max_num_queries
):
    for index in range(3):
        document_ingest(actor=officer, data=DECISION + str(index).encode(), filename=f"{index}.txt")
    client.force_login(officer)
    with django_assert_max_num_queries(8):
        page = client.get(UPLOAD).content.decode()
    assert page.count("badge review-read") == 3


@pytest.fixture
def reviewed(officer, helsinki):
    return document_ingest(actor=officer, data=DECISION, filename="12.txt")


def test_the_review_page_marks_every_value_in_the_text(
    client, officer, reviewed, django_assert_max_num_queries
):
    document, extraction = reviewed
    client.force_login(officer)
    with django_assert_max_num_queries(14):
        page = client.get(reverse("documents:review", args=[document.pk])).content.decode()
    for value in extraction.values.all():
        assert f'id="mark-{value.pk}"' in page
        assert f'id="value-{value.pk}"' in page
    assert "<mark" in page and "HEL 2024-000777</mark>" in page


def test_a_value_row_is_swapped_alone_with_htmx(client, officer, reviewed):
    _document, extraction = reviewed
    value = value_named(extraction, "diary_number")
    client.force_login(officer)
    url = reverse("documents:value_action", args=[value.pk, "confirm"])

    response = client.post(url, HTTP_HX_REQUEST="true")

    page = response.content.decode()
    assert page.strip().startswith(f'<div class="value-row st-confirmed" id="value-{value.pk}"')
    assert "<html" not in page


def test_without_javascript_an_action_returns_to_the_row(client, officer, reviewed):
    document, extraction = reviewed
    value = value_named(extraction, "decision_date")
    client.force_login(officer)
    url = reverse("documents:value_action", args=[value.pk, "correct"])

    response = client.post(url, {"corrected_value": "ei päivä"})

    assert response["Location"].endswith(f"/asiakirjat/{document.pk}/tarkista/#value-{value.pk}")
    value.refresh_from_db()
    assert value.status == "pending"
    page = client.get(response["Location"]).content.decode()
    assert "ei kelpaa" in page


def officer_confirms_and_applies(client, document, extraction, names):
    for name in names:
        value = value_named(extraction, name)
        url = reverse("documents:value_action", args=[value.pk, "confirm"])
        client.post(url, HTTP_HX_REQUEST="true")
    confirm_password(client)
    return client.post(reverse("documents:apply", args=[document.pk]), follow=True)


def test_an_officer_applies_a_decision_and_follows_its_source(client, officer, reviewed):
    document, extraction = reviewed
    client.force_login(officer)
    fields = ["diary_number", "section", "decision_date", "decision_maker", "title"]

    page = officer_confirms_and_applies(client, document, extraction, fields).content.decode()

    decision = Decision.objects.get()
    assert "Tallennetut tietueet" in page
    assert reverse("decisions:detail", args=[decision.pk]) in page
    ref = SourceReference.objects.get(object_id=decision.pk, field="diary_number")
    assert reverse("sources:source", args=[ref.pk]) in page
    assert "tallennettu" in page


def test_an_officer_reads_the_54_decision_among_junk_and_applies_it(client, officer, seeds_dir):
    """The story of issue 3 with the real decision: read, refuse junk, confirm, apply."""
    from tests.factories import OrganisationFactory

    OrganisationFactory(name="Helsinki", slug="hki", organisation_type="municipality")
    seed = (seeds_dir / "000_a6bd82147b81048b.txt").read_bytes()
    client.force_login(officer)

    page = upload(
        client, ("54.txt", seed), ("roska.bin", JUNK), ("tyhja.txt", b"")
    ).content.decode()

    assert page.count('<li class="error">') == 2
    document = SourceDocument.objects.get()
    extraction = document.extraction
    amounts = {v.name: v for v in extraction.values.filter(group="amount")}
    assert amounts["own_financing"].value == "123750.00"
    officer_confirms_and_applies(
        client,
        document,
        extraction,
        [
            "diary_number",
            "section",
            "decision_date",
            "decision_maker",
            "title",
            "project_name",
            "own_financing",
        ],
    )

    decision = Decision.objects.get(diary_number="HEL 2023-014238")
    assert (decision.section, str(decision.date)) == ("54", "2023-12-14")
    ref = SourceReference.objects.get(object_id=decision.pk, field="diary_number")
    assert document.text[ref.start : ref.end] == "HEL 2023-014238"
    commitment = decision.commitments.get()
    assert (str(commitment.amount), commitment.qualifier) == ("123750.00", "at_most")
    own = ExtractedValue.objects.get(pk=amounts["own_financing"].pk)
    assert own.record == commitment
    assert document.text[own.reference.start : own.reference.end] == "123 750 euroa"


def test_after_applying_the_review_page_still_costs_a_bounded_number_of_queries(
    client, officer, reviewed, django_assert_max_num_queries
):
    from hankesalkku.documents.services import extraction_targets_set
    from tests.factories import ApplicationFactory

    document, extraction = reviewed
    application = ApplicationFactory(
        organisation=extraction.organisation, total_cost=None, support=None, own_financing=None
    )
    extraction_targets_set(
        actor=officer,
        extraction=extraction,
        organisation=extraction.organisation,
        entity=application.entity,
        application=application,
    )
    client.force_login(officer)
    officer_confirms_and_applies(
        client,
        document,
        extraction,
        [
            "diary_number",
            "section",
            "decision_date",
            "decision_maker",
            "title",
            "part_total",
            "part_support",
            "own_financing",
            "lead_coordinator",
        ],
    )
    assert value_named(extraction, "own_financing").record_id

    with django_assert_max_num_queries(18):
        page = client.get(reverse("documents:review", args=[document.pk])).content.decode()
    assert "Sitoumus" in page and "Hakemus (osahanke)" in page


def test_a_user_without_the_right_cannot_confirm_or_apply(client, reviewed):
    document, extraction = reviewed
    value = value_named(extraction, "diary_number")
    client.force_login(UserFactory())

    confirm = client.post(reverse("documents:value_action", args=[value.pk, "confirm"]))
    confirm_password(client)
    apply = client.post(reverse("documents:apply", args=[document.pk]))

    assert (confirm.status_code, apply.status_code) == (403, 403)
    value.refresh_from_db()
    assert value.status == "pending"


def test_applying_asks_for_the_password_again(client, officer, reviewed):
    """Writing decisions into the records is a sensitive action: a fresh confirmation first."""
    document, _extraction = reviewed
    client.force_login(officer)
    response = client.post(reverse("documents:apply", args=[document.pk]))
    assert response.status_code == 302 and "reauthenticate" in response["Location"]
    assert not Decision.objects.exists()


def test_the_navigation_offers_reading_only_to_those_who_may(client, officer):
    upload = reverse("documents:upload")
    assert upload not in client.get("/").content.decode()
    client.force_login(UserFactory())
    assert upload not in client.get("/").content.decode()
    client.force_login(officer)
    assert upload in client.get("/").content.decode()


def test_the_review_of_a_scan_says_its_evidence_comes_from_ocr(client, officer, helsinki):
    from hankesalkku.reader.extract import ocr
    from tests.reader.scans import scanned_pdf

    if not ocr.available():
        pytest.skip("tesseract or pdftoppm not installed")
    scan = scanned_pdf(DECISION.decode("utf-8"))
    document, extraction = document_ingest(actor=officer, data=scan, filename="12_skannattu.pdf")
    assert extraction.ocr_confidence and extraction.ocr_confidence > 80
    assert value_named(extraction, "diary_number").value == "HEL 2024-000777"

    client.force_login(officer)
    page = client.get(reverse("documents:review", args=[document.pk])).content.decode()
    assert "tunnistettu skannatusta kuvasta (OCR)" in page
    assert page.count('class="evidence from-ocr"') == extraction.values.exclude(quote="").count()


def test_a_file_just_over_the_limit_reads_as_larger_than_the_limit(client, officer):
    client.force_login(officer)
    page = upload(client, ("iso.txt", b"a" * 21_000_000)).content.decode()
    assert "iso.txt on liian suuri (20,1 Mt); suurin luettava koko on 20 Mt" in page


def test_an_officer_confirms_at_once_every_value_without_a_conflict(client, officer, reviewed):
    document, extraction = reviewed
    client.force_login(officer)
    rejected = extraction.values.first()
    client.post(reverse("documents:value_action", args=[rejected.pk, "reject"]))
    response = client.post(reverse("documents:confirm_unconflicted", args=[document.pk]))
    assert response.status_code == 302
    statuses = dict(extraction.values.values_list("pk", "status"))
    assert statuses.pop(rejected.pk) == ExtractedValue.Status.REJECTED
    assert statuses and set(statuses.values()) == {ExtractedValue.Status.CONFIRMED}
    page = client.get(reverse("documents:review", args=[document.pk])).content.decode()
    assert "Vahvista kaikki, joilla ei ole ristiriitaa" in page


def test_values_that_contradict_a_stored_record_wait_for_a_person(client, officer, reviewed):
    from hankesalkku.documents.matching import conflict

    document, extraction = reviewed
    client.force_login(officer)
    client.post(reverse("documents:confirm_unconflicted", args=[document.pk]))
    for value in extraction.values.all():
        if conflict(value, extraction):
            assert value.status == ExtractedValue.Status.PENDING
