"""A preparer attaches the call's required files; each is judged by its content and size, the
part cannot be submitted without them, and a submitted version keeps the files it was
submitted with even when a supplement replaces one."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from hankesalkku.accounts.models import Role
from hankesalkku.applying.models import Attachment
from hankesalkku.applying.services import (
    application_budget_set,
    application_mark_ready,
    application_start,
    application_submit,
    attachment_add,
)
from hankesalkku.assessment.services import screening_record
from tests.factories import OrganisationFactory

from .factories import FORUM_VIRIUM, HELSINKI, PDF_BYTES, PROGRAM_BYTES, open_call, person
from .test_group_application import STAFF, _period

pytestmark = pytest.mark.django_db

PLAN = "Hankesuunnitelma"


@pytest.fixture
def part():
    call = open_call(required_attachments=f"{PLAN}\n\nKumppanien sitoumukset\n")
    helsinki = OrganisationFactory(**HELSINKI)
    people = {
        "preparer": person(helsinki, Role.PREPARER),
        "signatory": person(helsinki, Role.SIGNATORY),
        "officer": person(call.funding_authority, Role.AUTHORITY_OFFICER),
        "stranger": person(OrganisationFactory(**FORUM_VIRIUM), Role.SIGNATORY),
    }
    application = application_start(
        actor=people["preparer"], call=call, organisation=helsinki, name="HOT"
    )
    application = application_budget_set(
        actor=people["preparer"],
        application=application,
        lines=STAFF,
        support=Decimal("90000.00"),
        **_period(),
    )
    return application, people


def test_the_calls_required_attachments_are_asked_for_before_the_part_is_ready(part):
    application, people = part
    with pytest.raises(ValidationError) as refused:
        application_mark_ready(actor=people["preparer"], application=application)
    missing = refused.value.message_dict["attachments"]
    assert missing == ["Liite puuttuu: Hankesuunnitelma.", "Liite puuttuu: Kumppanien sitoumukset."]


def test_a_program_named_like_a_pdf_is_refused_naming_the_file_and_nothing_is_kept(part):
    application, people = part
    with pytest.raises(ValidationError) as refused:
        attachment_add(
            actor=people["preparer"],
            application=application,
            purpose=PLAN,
            filename="suunnitelma.pdf",
            content=PROGRAM_BYTES,
        )
    assert "suunnitelma.pdf" in refused.value.message_dict["file"][0]
    assert "ei voi ottaa vastaan" in refused.value.message_dict["file"][0]
    assert not Attachment.objects.exists()


def test_a_file_over_the_size_limit_is_refused_with_its_size(part):
    application, people = part
    with pytest.raises(ValidationError) as refused:
        attachment_add(
            actor=people["preparer"],
            application=application,
            purpose=PLAN,
            filename="iso.pdf",
            content=PDF_BYTES + b"0" * 2000,
            max_bytes=1000,
        )
    assert "iso.pdf on liian suuri" in refused.value.message_dict["file"][0]


def test_someone_outside_the_implementer_cannot_attach(part):
    application, people = part
    with pytest.raises(PermissionDenied):
        attachment_add(
            actor=people["stranger"],
            application=application,
            purpose=PLAN,
            filename="x.pdf",
            content=PDF_BYTES,
        )


def _attach_both(application, actor, plan=PDF_BYTES):
    attachment_add(
        actor=actor, application=application, purpose=PLAN, filename="plan.pdf", content=plan
    )
    attachment_add(
        actor=actor,
        application=application,
        purpose="Kumppanien sitoumukset",
        filename="sitoumukset.txt",
        content=b"Kumppanit sitoutuvat hankkeeseen.",
    )


def test_a_submitted_version_keeps_its_files_when_a_supplement_replaces_one(part):
    application, people = part
    _attach_both(application, people["preparer"])
    application = application_submit(actor=people["signatory"], application=application)
    first = application.submitted_versions.get(number=1)
    assert sorted(a.filename for a in first.attachments.all()) == ["plan.pdf", "sitoumukset.txt"]
    assert [a["purpose"] for a in first.figures["attachments"]] == [
        "Hankesuunnitelma",
        "Kumppanien sitoumukset",
    ]

    screening_record(
        actor=people["officer"],
        application=application,
        outcome="supplement",
        reason="Hankesuunnitelmasta puuttuu aikataulu.",
        supplement_deadline=_period()["ends"],
    )
    application.refresh_from_db()
    new_plan = PDF_BYTES + b"% aikataulu lisatty\n"
    attachment_add(
        actor=people["preparer"],
        application=application,
        purpose=PLAN,
        filename="plan-v2.pdf",
        content=new_plan,
    )
    application = application_submit(actor=people["signatory"], application=application)
    second = application.submitted_versions.get(number=2)
    assert sorted(a.filename for a in second.attachments.all()) == [
        "plan-v2.pdf",
        "sitoumukset.txt",
    ]
    first.refresh_from_db()
    kept = first.attachments.get(purpose=PLAN)
    assert kept.filename == "plan.pdf" and bytes(kept.content) == PDF_BYTES  # as read then
    assert not kept.is_current


def test_in_the_pages_an_upload_is_checked_and_the_file_downloaded_only_by_those_allowed(part):
    application, people = part
    browser = Client()
    browser.force_login(people["preparer"])
    url = reverse("applying:attachment_add", args=[application.pk])
    refused = browser.post(
        url, {"purpose": PLAN, "file": SimpleUploadedFile("ohjelma.pdf", PROGRAM_BYTES)}
    )
    assert refused.status_code == 400
    assert "Liitettä ohjelma.pdf ei voi ottaa vastaan" in refused.content.decode()
    saved = browser.post(url, {"purpose": PLAN, "file": SimpleUploadedFile("plan.pdf", PDF_BYTES)})
    assert saved.status_code == 302
    attachment = application.attachments.get()
    download = reverse("applying:attachment_download", args=[application.pk, attachment.pk])
    answer = browser.get(download)
    assert answer.status_code == 200 and answer.content == PDF_BYTES
    assert answer["Content-Type"] == "application/pdf"
    _attach_both(application, people["preparer"])
    application_submit(actor=people["signatory"], application=application)
    officer, stranger = Client(), Client()
    officer.force_login(people["officer"])
    stranger.force_login(people["stranger"])
    attachment = application.attachments.current().get(purpose=PLAN)
    download = reverse("applying:attachment_download", args=[application.pk, attachment.pk])
    assert officer.get(download).status_code == 200
    assert stranger.get(download).status_code == 403  # the project is public, its files are not
