"""No lost updates: a save against a version older than the stored one is refused.

Two people read the same record and both save. The first save stands; the second is refused
with a message naming who changed which fields since, and the second person's input is still
on the form. The check runs on the row locked with `select_for_update()` in the service's
transaction, so it holds on PostgreSQL as on SQLite.
"""

import threading
import time
from decimal import Decimal

import pytest
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import connection, transaction
from django.urls import reverse

from hankesalkku.decisions.models import Commitment
from hankesalkku.decisions.services import commitment_update
from hankesalkku.projects.models import Application
from hankesalkku.projects.services import application_financing_set, application_update
from tests.factories import ApplicationFactory, CommitmentFactory, UserFactory

pytestmark = pytest.mark.django_db

STALE = "Tietuetta on muutettu sillä välin"


def _change_url(obj) -> str:
    meta = obj._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk])


def _form_data(page) -> dict:
    """What the browser posts when the page is saved as it was read."""
    data: dict = {}
    forms = [page.context["adminform"].form]
    for inline in page.context["inline_admin_formsets"]:
        forms.append(inline.formset.management_form)
        forms.extend(inline.formset.initial_forms)
    for form in forms:
        for name in form.fields:
            value = form[name].value()
            if value is not None:
                data[form.add_prefix(name)] = value
    return data


@pytest.fixture
def alice(client):
    return UserFactory.staff(username="alice")


@pytest.fixture
def bob():
    return UserFactory.staff(username="bob")


def _signed_in(client_class, user):
    client = client_class()
    client.force_login(user)
    return client


def test_the_second_admin_save_of_a_commitment_is_refused_and_nothing_is_lost(client, alice, bob):
    commitment = CommitmentFactory()
    first, second = _signed_in(type(client), alice), _signed_in(type(client), bob)
    url = _change_url(commitment)
    read_by_alice, read_by_bob = _form_data(first.get(url)), _form_data(second.get(url))
    assert read_by_alice["version"] == read_by_bob["version"] == 1

    saved = first.post(url, {**read_by_alice, "spent": "1000.00"})
    assert saved.status_code == 302

    refused = second.post(url, {**read_by_bob, "starts_year": "2025"})
    assert refused.status_code == 200
    form = refused.context["adminform"].form
    message = " ".join(form.non_field_errors())
    assert STALE in message and "alice" in message and "käytetty" in message
    assert message in refused.content.decode()
    assert form["starts_year"].value() == "2025"  # what bob typed is still there
    assert form["version"].value() == "2"  # saving again is a deliberate overwrite

    commitment.refresh_from_db()
    assert commitment.spent == Decimal("1000.00") and commitment.starts_year is None
    assert commitment.version == 2

    # Saving the page again applies bob's year and keeps alice's spent amount.
    assert form["spent"].value() in ("1000.00", Decimal("1000.00"))
    again = second.post(url, _form_data(refused))
    assert again.status_code == 302
    commitment.refresh_from_db()
    assert (commitment.spent, commitment.starts_year) == (Decimal("1000.00"), 2025)
    assert commitment.version == 3


def test_an_admin_save_of_a_fresh_version_goes_through(client, alice):
    commitment = CommitmentFactory()
    editor = _signed_in(type(client), alice)
    url = _change_url(commitment)
    for spent in ("10.00", "20.00"):
        data = _form_data(editor.get(url))
        assert editor.post(url, {**data, "spent": spent}).status_code == 302
    commitment.refresh_from_db()
    assert commitment.spent == Decimal("20.00") and commitment.version == 3


def test_a_stale_commitment_update_through_the_service_is_refused(alice, bob):
    commitment = CommitmentFactory()
    read = commitment.version
    commitment_update(
        actor=alice, commitment=Commitment.objects.get(pk=commitment.pk), spent=Decimal("5")
    )
    with pytest.raises(ValidationError) as refusal:
        commitment_update(
            actor=bob,
            commitment=Commitment.objects.get(pk=commitment.pk),
            expected_version=read,
            spent=Decimal("7"),
        )
    assert "alice" in " ".join(refusal.value.message_dict[NON_FIELD_ERRORS])
    assert Commitment.objects.get(pk=commitment.pk).spent == Decimal("5")


def test_a_stale_financing_row_is_refused(alice, bob):
    application = ApplicationFactory()
    read = Application.objects.get(pk=application.pk).version
    application_financing_set(
        actor=alice,
        application=Application.objects.get(pk=application.pk),
        expected_version=read,
        support=Decimal("70000.00"),
        own_financing=Decimal("30000.00"),
    )
    with pytest.raises(ValidationError) as refusal:
        application_financing_set(
            actor=bob,
            application=Application.objects.get(pk=application.pk),
            expected_version=read,
            support=Decimal("80000.00"),
            own_financing=Decimal("20000.00"),
        )
    message = " ".join(refusal.value.message_dict[NON_FIELD_ERRORS])
    assert STALE in message and "alice" in message
    stored = Application.objects.get(pk=application.pk)
    assert (stored.support, stored.own_financing) == (Decimal("70000.00"), Decimal("30000.00"))
    assert stored.version == read + 1


def test_a_stale_application_part_is_refused_and_a_fresh_one_saves(alice, bob):
    application = ApplicationFactory()
    read = application.version
    application_update(
        actor=alice,
        application=Application.objects.get(pk=application.pk),
        expected_version=read,
        code="A-1",
    )
    with pytest.raises(ValidationError) as refusal:
        application_update(
            actor=bob,
            application=Application.objects.get(pk=application.pk),
            expected_version=read,
            code="B-2",
        )
    assert "alice" in str(refusal.value)
    assert Application.objects.get(pk=application.pk).code == "A-1"
    application_update(
        actor=bob,
        application=Application.objects.get(pk=application.pk),
        expected_version=read + 1,
        code="B-2",
    )
    stored = Application.objects.get(pk=application.pk)
    assert (stored.code, stored.version) == ("B-2", read + 2)


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="row locks are PostgreSQL's; SQLite serialises every write",
)
# serialized_rollback: its flush must not recreate content types that a later serialized test
# (the backup test) loads again.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_saves_at_the_same_moment_wait_for_the_lock_and_the_second_is_refused(alice, bob):
    """On PostgreSQL the check reads the row locked (`select_for_update`): bob's save waits
    until alice's commits and then sees her version. SQLite writes one at a time anyway."""
    commitment = CommitmentFactory()
    locked, outcome = threading.Event(), {}

    def bob_saves():
        try:
            read = Commitment.objects.get(pk=commitment.pk)
            locked.wait(5)
            commitment_update(actor=bob, commitment=read, expected_version=1, starts_year=2025)
            outcome["bob"] = "saved"
        except ValidationError as refusal:
            outcome["bob"] = str(refusal)
        finally:
            connection.close()

    thread = threading.Thread(target=bob_saves)
    thread.start()
    with transaction.atomic():
        mine = Commitment.objects.select_for_update().get(pk=commitment.pk)
        locked.set()
        time.sleep(0.5)  # bob's save is now waiting for the row
        commitment_update(actor=alice, commitment=mine, expected_version=1, spent=Decimal("9"))
    thread.join(10)
    assert STALE in outcome["bob"] and "alice" in outcome["bob"]
    stored = Commitment.objects.get(pk=commitment.pk)
    assert (stored.spent, stored.starts_year, stored.version) == (Decimal("9.00"), None, 2)
