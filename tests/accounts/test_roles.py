"""Roles in the domain's words, each with exactly the scope it needs, read once per request."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from hankesalkku.accounts import roles
from hankesalkku.accounts.models import Role, RoleAssignment
from hankesalkku.accounts.services import role_assignment_grant, role_assignment_revoke
from hankesalkku.programmes.models import ProgrammeKind
from tests.factories import (
    CallFactory,
    OrganisationFactory,
    ProgrammeFactory,
    ThemeFactory,
    UserFactory,
)

from .conftest import grant

pytestmark = pytest.mark.django_db


def test_a_role_without_its_scope_is_refused_by_validation_and_by_the_database(city):
    person = UserFactory()
    with pytest.raises(ValidationError, match="valitse haku"):
        grant(person, Role.ASSESSOR, organisation=city)
    with pytest.raises(ValidationError, match="valitse teema"):
        grant(person, Role.COORDINATOR)
    with pytest.raises(ValidationError, match="valitse organisaatio"):
        grant(person, Role.PREPARER)
    with pytest.raises(ValidationError, match="ei rajaudu"):
        grant(person, Role.ADMINISTRATOR, organisation=city)
    with transaction.atomic(), pytest.raises(IntegrityError):
        RoleAssignment.objects.create(user=person, role=Role.ASSESSOR, organisation=city)


def test_the_same_role_twice_in_the_same_scope_is_refused_but_several_roles_are_fine(city):
    person = UserFactory()
    grant(person, Role.PREPARER, organisation=city)
    grant(person, Role.SIGNATORY, organisation=city)
    grant(person, Role.ADMINISTRATOR)
    with pytest.raises(ValidationError, match="on jo tämä rooli"):
        grant(person, Role.PREPARER, organisation=city)
    with pytest.raises(ValidationError, match="on jo tämä rooli"):
        grant(person, Role.ADMINISTRATOR)
    assert roles.roles_of(person) == {Role.PREPARER, Role.SIGNATORY, Role.ADMINISTRATOR}


def test_a_city_role_covers_its_units_as_the_projects_rule_needs(city):
    division = OrganisationFactory(name="Kulttuurin ja vapaa-ajan toimiala", parent=city)
    annantalo = OrganisationFactory(name="Annantalo", parent=division)
    elsewhere = OrganisationFactory(name="Oulun kaupunki")
    person = UserFactory()
    grant(person, Role.PREPARER, organisation=city)
    grant(person, Role.AUTHORITY_OFFICER, organisation=elsewhere)
    assert roles.organisation_ids_for(person) == {city.pk, division.pk, annantalo.pk}
    assert roles.organisation_ids_for(person, [Role.AUTHORITY_OFFICER]) == {elsewhere.pk}
    assert roles.has_role(person, Role.PREPARER, organisation=annantalo)
    assert not roles.has_role(person, Role.PREPARER, organisation=elsewhere)


def test_authorities_assessors_coordinators_and_grant_officers_see_their_own_scope(city):
    ely = OrganisationFactory(name="Hämeen ELY-keskus")
    okm = OrganisationFactory.ministry("OKM")
    run_by_ely = CallFactory(funding_authority=ely)
    CallFactory()  # another authority's call
    theme = ThemeFactory()
    malli = ProgrammeFactory(kind=ProgrammeKind.MUNICIPAL_GRANTS, owner=city)
    officer, assessor, coordinator, viewer, grants = (UserFactory() for _ in range(5))
    grant(officer, Role.AUTHORITY_OFFICER, organisation=ely)
    grant(assessor, Role.ASSESSOR, call=run_by_ely)
    grant(coordinator, Role.COORDINATOR, theme=theme)
    grant(viewer, Role.MINISTRY_VIEWER, organisation=okm)
    grant(grants, Role.GRANT_OFFICER, organisation=city)
    assert roles.call_ids_run_by(officer) == {run_by_ely.pk}
    assert roles.call_ids_assessed_by(assessor) == {run_by_ely.pk}
    assert roles.theme_ids_coordinated_by(coordinator) == {theme.pk}
    assert roles.ministry_ids_for(viewer) == {okm.pk}
    assert roles.grant_programme_ids_for(grants) == {malli.pk}
    assert all(roles.requires_mfa(u) for u in (officer, assessor, coordinator, viewer, grants))


def test_roles_are_read_with_one_query_per_request(city, django_assert_num_queries):
    person = UserFactory()
    grant(person, Role.VIEWER, organisation=city)
    fresh = type(person).objects.get(pk=person.pk)  # as request.user is, on each request
    with django_assert_num_queries(1):
        roles.roles_of(fresh)
        roles.is_administrator(fresh)
        roles.call_ids_assessed_by(fresh)
        roles.theme_ids_coordinated_by(fresh)


def test_only_an_administrator_grants_roles_beyond_an_organisations_members(signatory, city):
    person = UserFactory()
    with pytest.raises(PermissionDenied, match="Vain ylläpitäjä"):
        role_assignment_grant(actor=signatory, user=person, role=Role.ASSESSOR, call=CallFactory())
    admin = UserFactory()
    grant(admin, Role.ADMINISTRATOR)
    assignment = role_assignment_grant(
        actor=admin, user=person, role=Role.ASSESSOR, call=CallFactory()
    )
    assert assignment.granted_by == admin
    assert roles.is_administrator(admin) and not roles.is_administrator(signatory)


def test_a_revoked_role_keeps_its_history_and_gives_no_rights(signatory, city):
    person = UserFactory()
    assignment = role_assignment_grant(
        actor=signatory, user=person, role=Role.PREPARER, organisation=city
    )
    with pytest.raises(ValidationError):
        role_assignment_revoke(actor=signatory, assignment=assignment, reason="  ")
    role_assignment_revoke(actor=signatory, assignment=assignment, reason="Siirtyi muualle")
    assignment.refresh_from_db()
    assert assignment.revoked_by == signatory and assignment.revoke_reason == "Siirtyi muualle"
    fresh = type(person).objects.get(pk=person.pk)
    assert roles.roles_of(fresh) == frozenset()
    # and the role can be granted again later
    role_assignment_grant(actor=signatory, user=person, role=Role.PREPARER, organisation=city)


def test_each_role_starts_from_what_it_can_do_next(db, client):
    """A Helsinki finance officer signs in and is shown the city's co-financing ledger first."""
    from django.urls import reverse

    from hankesalkku.accounts.models import Role
    from hankesalkku.accounts.services import role_assignment_grant, totp_enrol
    from tests.factories import TEST_TOTP_SECRET, OrganisationFactory, UserFactory, service_actor

    city = OrganisationFactory(name="Esimerkkikaupunki", slug="esimerkkikaupunki")
    officer = UserFactory()
    role_assignment_grant(
        actor=service_actor(), user=officer, role=Role.FINANCE_OFFICER, organisation=city
    )
    totp_enrol(actor=service_actor(), user=officer, secret=TEST_TOTP_SECRET)
    client.force_login(officer)
    page = client.get(reverse("accounts:profile")).content.decode()
    assert reverse("insights:organisation", args=["esimerkkikaupunki"]) in page
    assert "Mitä voit tehdä seuraavaksi" in page
