"""Every URL pattern, asked by every role with GET and POST, answers as the table says.

The patterns come from Django's resolver, through every include, so a new URL cannot slip
past: `test_every_url_pattern_has_an_expectation` names any pattern the table
(`tests/matrix_expectations.py`) does not know. Path arguments are real demo records. Added to
the demo: a draft project of Helsingin kaupunki (with a decision, a commitment and a source
reference), and a spent amount on one of Helsinki's public commitments. A leak is caught by
status (the draft's pages must be 404 outside its organisation) and by content: no response a
role gets may name the draft, or show the spent amount, unless the role may see it.

Each role signs in once as a person does (password, then the TOTP code where the role needs a
second factor, then confirming the password as allauth asks before a sensitive change) and
every request reuses that session. Each request runs in a transaction that is rolled back, so
an empty POST that deletes or accepts something changes nothing for the next. All mismatches
are collected and reported together, one line per URL and answer; no response may be a 5xx.

On SQLite's in-memory test database (the default) half of the roles run in a forked copy of
the process, so the matrix takes about half the time on two cores. Run with `-s` to see the
count, the time and the slowest URLs.
"""

from __future__ import annotations

import itertools
import logging
import os
import pickle
import re
import sys
import time
import traceback
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urlsplit

import pytest
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.conf import settings
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.signals import got_request_exception
from django.db import connection, transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests import matrix_expectations as table
from tests.documents.conftest import DECISION
from tests.matrix_expectations import (
    ANONYMOUS,
    EVERYONE,
    LOGIN,
    METHODS,
    REDIRECT,
    ROLES,
    SIGNED_IN,
    STAFF,
    Redirect,
)

# The size of the matrix, as the README states it. A new URL, role or variant changes these:
# update them and the README together.
URL_PATTERN_COUNT = 430
ROLE_COUNT = 11
CASE_COUNT = 446  # URL patterns with their variants (a public and a draft project, ...)
REQUEST_COUNT = CASE_COUNT * ROLE_COUNT * len(METHODS)

PASSWORD = "matriisi-salasana-123"
DRAFT_NAME = "Matriisin luonnoshanke"
DRAFT_SLUG = "matriisin-luonnoshanke"
# What Helsingin kaupunki has spent of one public commitment: an amount no other figure has.
SPENT = Decimal("4321.09")
SPENT_ON_A_PAGE = ("4321.09", "4321,09", "4\xa0321,09", "4 321,09", "4&nbsp;321,09")
FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

DECISION_TEXT = DECISION  # the document tests' own small decision (bytes)


# --- The patterns ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Pattern:
    key: str  # the URL name, or route:<route> for a pattern without one
    route: str
    name: str | None

    @property
    def is_admin(self) -> bool:
        return self.route.startswith("admin/")


def _walk(patterns, prefix: str = "", namespace: str | None = None):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = namespace
            if entry.namespace:
                inner = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern), inner)
        elif isinstance(entry, URLPattern):
            route = prefix + str(entry.pattern)
            name = None
            if entry.name:
                name = f"{namespace}:{entry.name}" if namespace else entry.name
            yield Pattern(key=name or f"route:{route}", route=route, name=name)


def url_patterns() -> list[Pattern]:
    return list(_walk(get_resolver().url_patterns))


# The admin: its site-wide views by name, and each registered model's views.
ADMIN_SITE_VIEWS = {
    "admin:index",
    "admin:login",
    "admin:logout",
    "admin:password_change",
    "admin:password_change_done",
    "admin:autocomplete",
    "admin:jsi18n",
    "admin:view_on_site",
    "admin:app_list",
}
ADMIN_MODEL_VIEWS = ("changelist", "add", "change", "delete", "history", "password_change")
ADMIN_CATCH_ALL = "admin/(?P<url>.*)$"
ADMIN_OBJECT_REDIRECT = re.compile(r"^admin/(\w+)/(\w+)/<path:object_id>/$")


def _registered_models() -> dict[str, type]:
    return {f"{m._meta.app_label}_{m._meta.model_name}": m for m in admin.site._registry}


def admin_view_of(pattern: Pattern) -> tuple[str, type | None] | None:
    """(view, model) for an admin pattern, or None when it cannot be told."""
    if pattern.name in ADMIN_SITE_VIEWS:
        return pattern.name.removeprefix("admin:"), None
    if pattern.route == ADMIN_CATCH_ALL:
        return "catch_all", None
    models = _registered_models()
    if pattern.name is None:
        match = ADMIN_OBJECT_REDIRECT.match(pattern.route)
        model = models.get(f"{match[1]}_{match[2]}") if match else None
        return ("object", model) if model else None
    short = pattern.name.removeprefix("admin:")
    for prefix, model in models.items():
        view = short.removeprefix(f"{prefix}_")
        if view != short and view in ADMIN_MODEL_VIEWS:
            return view, model
    return None


# Third-party admins that only show their records (the task queue's results): they refuse a
# change or delete before looking for the object.
READ_ONLY_ADMIN_APPS = frozenset({"django_tasks_database"})


def admin_rows(view: str, has_object: bool, read_only: bool = False) -> list:
    """Staff rows for an admin view; everyone else is sent to the admin's sign-in."""
    signed_in_others = SIGNED_IN - STAFF
    anonymous = frozenset({ANONYMOUS})
    if view == "login":
        # allauth's secure_admin_login: one sign-in page for everyone, staff only past it.
        return [
            (anonymous, LOGIN, LOGIN),
            (signed_in_others, 403, 403),
            (STAFF, REDIRECT, 200),  # signed in already: on to the index; a post, the form
        ]
    if view == "logout":
        # Not staff: the admin sends them to its index, which sends them to sign in.
        return [(EVERYONE - STAFF, REDIRECT, REDIRECT), (STAFF, 405, 200)]
    staff = {
        "index": (200, (200, 405)),
        "app_list": (200, (200, 405)),
        "password_change": (200, 200),  # the admin's own, and a user's (auth_user_password_change)
        "password_change_done": (200, (200, 405)),
        "autocomplete": (403, (403, 405)),  # without its parameters
        "jsi18n": (200, (200, 405)),
        "view_on_site": (REDIRECT, REDIRECT),
        "catch_all": (404, 404),
        "changelist": (200, 200),
        # Without a create (delete) service the admin offers no add (delete): 403.
        "add": ((200, 403), (200, 403)),
        # Without an update service the form is read-only and a post is refused.
        "change": (200, (200, REDIRECT, 403)),
        # An empty post is no confirmation (`if request.POST`): the question again.
        "delete": ((200, 403), (200, 403)),
        "history": (200, (200, 405)),
        "object": (REDIRECT, REDIRECT),
    }[view]
    if not has_object and view in ("change", "delete", "history", "object", "password_change"):
        staff = (REDIRECT, REDIRECT)  # the admin says the object does not exist, on its index
        if read_only and view in ("change", "delete"):
            staff = ((REDIRECT, 403), 403)
    return [*table.STAFF_ADMIN_OTHERS, (STAFF, *staff)]


def missing_expectations(patterns: list[Pattern]) -> list[str]:
    problems = []
    for pattern in patterns:
        if pattern.is_admin:
            if admin_view_of(pattern) is None:
                problems.append(
                    f"{pattern.key} ({pattern.route}): an admin view the test does not know"
                )
            continue
        for variant in table.VARIANTS.get(pattern.key, ("",)):
            key = table.expectation_key(pattern.key, variant)
            if key not in table.EXPECTED:
                problems.append(f"{key} ({pattern.route}): no expectation entry")
            elif any(
                table.expected(table.EXPECTED[key], r, m) is None for r in ROLES for m in METHODS
            ):
                problems.append(f"{key}: some role or method has no expected status")
    return problems


def test_every_url_pattern_has_an_expectation():
    patterns = url_patterns()
    keys = [p.key for p in patterns]
    duplicates = sorted({k for k in keys if keys.count(k) > 1})
    assert not duplicates, f"patterns sharing a key: {duplicates}"
    problems = missing_expectations(patterns)
    known = {p.key for p in patterns if not p.is_admin}
    stale = [key for key in table.EXPECTED if key.split("[")[0] not in known]
    assert not problems, "URL patterns without an expectation:\n  " + "\n  ".join(problems)
    assert not stale, f"expectations for URLs that no longer exist: {stale}"
    cases = sum(1 if p.is_admin else len(table.VARIANTS.get(p.key, ("",))) for p in patterns)
    counts = (len(patterns), len(ROLES), cases)
    assert counts == (URL_PATTERN_COUNT, ROLE_COUNT, CASE_COUNT), (
        f"the matrix is now {counts[0]} URL patterns ({counts[2]} with variants) × {counts[1]} "
        f"roles: update the counts here and in the README"
    )


# --- The world the requests are made in -----------------------------------------------------


@dataclass
class World:
    objects: dict = field(default_factory=dict)
    users: dict = field(default_factory=dict)

    def __getattr__(self, name):
        try:
            return self.__dict__["objects"][name]
        except KeyError as missing:
            raise AttributeError(name) from missing


def _draft_project(world: World, actor) -> None:
    from hankesalkku.applying.services import attachment_record
    from hankesalkku.decisions.services import commitment_create, decision_create
    from hankesalkku.organisations.models import BudgetItem
    from hankesalkku.projects.services import application_create, project_entity_create
    from hankesalkku.sources.models import SourceDocument
    from hankesalkku.sources.services import source_document_create, source_reference_create

    helsinki, call = world.helsinki, world.call
    draft = project_entity_create(
        actor=actor,
        name=DRAFT_NAME,
        slug=DRAFT_SLUG,
        kind="single",
        call=call,
        theme=call.theme,
    )
    part = application_create(
        actor=actor, entity=draft, organisation=helsinki, role="main_implementer"
    )
    attachment_record(
        actor=actor,
        application=part,
        purpose="Hankesuunnitelma",
        filename="suunnitelma.txt",
        content=b"Luonnoksen hankesuunnitelma.",
    )
    decision = decision_create(
        actor=actor,
        organisation=helsinki,
        title="Osallistuminen hankehakuun (matriisin testipäätös)",
        date=date(2024, 5, 6),
        decision_maker="Strategiajohtaja",
        decision_maker_kind="office_holder",
        section="99",
        diary_number="HEL 2024-009999",
        project_entities=[draft],
    )
    commitment_create(
        actor=actor,
        decision=decision,
        payer=helsinki,
        entity=draft,
        amount=Decimal("12345.00"),
        purpose="own_financing",
        qualifier="at_most",
        budget_item=BudgetItem.objects.filter(organisation=helsinki).first(),
    )
    document = SourceDocument.objects.exclude(text="").order_by("pk").first()
    if document is None:  # the seeds are not beside this checkout: cite a document of our own
        document = source_document_create(
            actor=actor,
            title="Luonnoksen muistio",
            kind="project_description",
            text="Luonnoksen muistio: Helsingin kaupungin hanke valmistelussa.",
        )
    reference = source_reference_create(
        actor=actor, document=document, target=draft, quote=document.text[:40]
    )
    world.objects.update(draft=draft, draft_decision=decision, draft_reference=reference)


def _spending(world: World, actor) -> None:
    from hankesalkku.decisions.models import Commitment
    from hankesalkku.decisions.services import commitment_update

    commitment = (
        Commitment.objects.filter(payer=world.helsinki, amount__gte=SPENT)
        .exclude(entity=world.draft)
        .order_by("pk")
        .first()
    )
    assert commitment is not None, "the demo should have a commitment paid by Helsinki"
    commitment_update(actor=actor, commitment=commitment, spent=SPENT)


def _users(world: World, actor) -> None:
    from hankesalkku.accounts.models import Role
    from hankesalkku.accounts.services import role_assignment_grant, totp_enrol
    from tests.factories import TEST_TOTP_SECRET, UserFactory

    scopes = {
        "preparer": {"organisation": world.helsinki},
        "signatory": {"organisation": world.helsinki},
        "finance_officer": {"organisation": world.helsinki},
        "viewer": {"organisation": world.oulu},
        "authority_officer": {"organisation": world.ely},
        "assessor": {"call": world.call},
        "ministry_viewer": {"organisation": world.okm},
        "coordinator": {"theme": world.theme},
        "grant_officer": {"organisation": world.helsinki},
        "administrator": {},
    }
    for role, scope in scopes.items():
        staff = role == "administrator"
        user = UserFactory(
            username=f"matriisi-{role}",
            email=f"{role}@matriisi.example.fi",
            password=PASSWORD,
            is_staff=staff,
            is_superuser=staff,
        )
        role_assignment_grant(actor=actor, user=user, role=Role(role), **scope)
        if role in table.WITH_TOTP:
            totp_enrol(actor=actor, user=user, secret=TEST_TOTP_SECRET)
        world.users[role] = user


def _passkey(world: World) -> None:
    from allauth.mfa.webauthn.internal.auth import WebAuthn

    from tests.accounts.softauthn import SoftPasskey

    options = {"publicKey": {"rp": {"id": "testserver"}, "challenge": "bWF0cmlpc2k"}}
    credential = SoftPasskey().create(options)
    key = WebAuthn.add(world.users["finance_officer"], "Matriisin avain", credential)
    world.objects["passkey"] = key.instance


def build_world() -> World:
    from hankesalkku.accounts.models import Role, RoleAssignment
    from hankesalkku.accounts.services import invitation_create
    from hankesalkku.decisions.models import Decision
    from hankesalkku.documents.services import document_ingest, reading_batch_create
    from hankesalkku.organisations.models import Organisation
    from hankesalkku.programmes.models import Call, Theme
    from hankesalkku.projects.models import ProjectEntity
    from hankesalkku.sources.models import SourceReference
    from tests.factories import service_actor

    actor = service_actor()
    world = World()
    world.objects.update(
        helsinki=Organisation.objects.get(slug="helsingin-kaupunki"),
        oulu=Organisation.objects.get(slug="oulun-kaupunki"),
        ely=Organisation.objects.get(slug="hameen-ely-keskus"),
        okm=Organisation.objects.get(abbreviation="OKM"),
        call=Call.objects.get(slug="haku-2023-okm-stm"),
        theme=Theme.objects.get(slug="lasten-nuorten-ja-perheiden-palvelut"),
        # Submitted, by Helsingin kaupunki (Annantalo) and Oulun kaupunki, in an ELY call.
        public_project=ProjectEntity.objects.get(
            slug="lasten-nuorten-ja-perheiden-palveluiden-kehittaminen"
        ),
        public_decision=Decision.objects.filter(organisation__slug="helsingin-kaupunki")
        .order_by("pk")
        .first(),
        public_reference=SourceReference.objects.filter(
            content_type=ContentType.objects.get_for_model(ProjectEntity),
            object_id=ProjectEntity.objects.get(
                slug="lasten-nuorten-ja-perheiden-palveluiden-kehittaminen"
            ).pk,
        )
        .order_by("pk")
        .first(),
    )
    _draft_project(world, actor)
    _spending(world, actor)
    _users(world, actor)
    _passkey(world)
    _document, extraction = document_ingest(actor=actor, data=DECISION_TEXT, filename="x.txt")
    assert extraction.values.exists(), "the decision text should give values to review"
    _invitation, token = invitation_create(
        actor=actor,
        email="kutsuttu@matriisi.example.fi",
        organisation=world.helsinki,
        role=Role.VIEWER,
    )
    from hankesalkku.accounts.services import api_token_create

    api_token, _raw = api_token_create(actor=world.users["preparer"], name="matriisi")
    from hankesalkku.insights.services import export_job_create

    world.objects.update(
        api_token=api_token,
        extraction=extraction,
        extracted_value=extraction.values.order_by("pk").first(),
        invitation_token=token,
        # a batch its sender (the funding authority's officer) and administrators may see
        reading_batch=reading_batch_create(
            actor=world.users["authority_officer"], files=[("x.txt", DECISION_TEXT)]
        ),
        # a background export the preparer asked for, still in the queue (no file yet)
        export_job=export_job_create(
            actor=world.users["preparer"],
            requested_by=world.users["preparer"],
            session_key="",
            kind="projects",
            fmt="xlsx",
            params={},
            language="fi",
            total=20000,
            filename="hankkeet.xlsx",
        ),
        member_assignment=RoleAssignment.objects.get(
            user=world.users["preparer"], role=Role.PREPARER
        ),
    )
    return world


def _any_figure_pk() -> int:
    """A reported figure when the demo has one (with the seeds), else an id that finds none."""
    from hankesalkku.programmes.models import ReportedFigure

    return ReportedFigure.objects.values_list("pk", flat=True).first() or 999999


def _helsinki_claim() -> int:
    """The demo's first payment claim of Helsinki's part in the public project."""
    from hankesalkku.payments.models import PaymentClaim

    claims = PaymentClaim.objects.filter(application__organisation__slug="helsingin-kaupunki")
    return claims.order_by("pk").values_list("pk", flat=True).first()


def _helsinki_part(world) -> int:
    """Helsinki's part of the public project (the Oulu-led one), funded in the demo."""
    return world.public_project.applications.get(organisation=world.helsinki).pk


def _helsinki_attachment() -> int:
    from hankesalkku.payments.models import ClaimAttachment

    return ClaimAttachment.objects.get(claim_id=_helsinki_claim()).pk


def _helsinki_commitment(world) -> int:
    """The public commitment Helsinki's spending was added to (the 1 50 04 one)."""
    from hankesalkku.decisions.models import Commitment

    commitments = Commitment.objects.filter(payer=world.helsinki, spent__gt=0)
    return commitments.exclude(entity=world.draft).order_by("pk").values_list("pk", flat=True)[0]


def _malli_report():
    """The first accepted Helsingin malli report: the one with the demo's attachment."""
    from hankesalkku.reporting.models import Report

    return (
        Report.objects.filter(
            application__entity__call__slug="helsingin-malli-2025-2027", attachments__isnull=False
        )
        .order_by("pk")
        .first()
    )


def _reference_indicator_pk():
    from hankesalkku.reporting.models import Indicator

    return Indicator.objects.get(code="EECO01", call__isnull=True).pk


def _malli_framework_item() -> dict:
    """The Helsingin malli call's first own indicator, as the framework page edits it."""
    from hankesalkku.reporting.models import Indicator

    call = "helsingin-malli-2025-2027"
    indicator = Indicator.objects.filter(call__slug=call).order_by("pk").first()
    return {"slug": call, "kind": "indikaattori", "pk": indicator.pk}


ESR_PLUS = "uudistuva-ja-osaava-suomi-2021-2027"


def _programme_indicator() -> dict:
    """The ESR+ programme's first own (illustrative) indicator, reported on in the demo."""
    from hankesalkku.reporting.models import Indicator

    indicator = Indicator.objects.filter(programme__slug=ESR_PLUS).order_by("pk").first()
    return {"slug": ESR_PLUS, "pk": indicator.pk}


def _draft_attachment(world) -> dict:
    part = world.draft.applications.get()
    return {"pk": part.pk, "attachment_pk": part.attachments.get().pk}


# --- Arguments per URL ----------------------------------------------------------------------

# name -> {variant: world -> (kwargs, query)}; a pattern with converters needs an entry.
ARGUMENTS = {
    "payments:ledger": {"": lambda w: ({"slug": w.helsinki.slug}, {})},
    "payments:ledger_xlsx": {"": lambda w: ({"slug": w.helsinki.slug}, {})},
    "payments:claim": {"": lambda w: ({"pk": _helsinki_claim()}, {})},
    **{
        name: {"": lambda w: ({"pk": _helsinki_claim()}, {})}
        for name in (
            "payments:claim_edit",
            "payments:claim_submit",
            "payments:claim_check",
            "payments:claim_reject",
            "payments:claim_pay",
            "payments:attachment_add",
            "api:payment-claim-update-draft",
            "api:payment-claim-attachments",
        )
    },
    **{
        name: {"": lambda w: ({"pk": _helsinki_claim(), "attachment": _helsinki_attachment()}, {})}
        for name in ("payments:attachment", "payments:attachment_remove")
    },
    **{
        name: {"": lambda w: ({"pk": _helsinki_part(w)}, {})}
        for name in ("payments:claim_new", "payments:claim_preview", "payments:advance")
    },
    **{
        name: {"": lambda w: ({"pk": _helsinki_commitment(w)}, {})}
        for name in (
            "payments:commitment",
            "payments:commitment_payment",
            "payments:commitment_plan",
        )
    },
    "payments:project_money": {
        "public": lambda w: ({"slug": w.public_project.slug}, {}),
        "draft": lambda w: ({"slug": w.draft.slug}, {}),
    },
    "api:payment-claim-detail": {"": lambda w: ({"pk": _helsinki_claim()}, {})},
    "api:payment-claim-submit": {"": lambda w: ({"pk": _helsinki_claim()}, {})},
    "api:payment-claim-check": {"": lambda w: ({"pk": _helsinki_claim()}, {})},
    "api:payment-claim-pay": {"": lambda w: ({"pk": _helsinki_claim()}, {})},
    "projects:list": {
        "": lambda w: ({}, {}),
        "drafts asked for": lambda w: ({}, {"status": "planned"}),
    },
    "projects:download": {
        "csv": lambda w: ({"fmt": "csv"}, {}),
        "xlsx": lambda w: ({"fmt": "xlsx"}, {}),
        "csv, drafts asked for": lambda w: ({"fmt": "csv"}, {"status": "planned"}),
    },
    "projects:detail": {
        "public": lambda w: ({"slug": w.public_project.slug}, {}),
        "draft": lambda w: ({"slug": w.draft.slug}, {}),
    },
    "programmes:call_detail": {"": lambda w: ({"slug": w.call.slug}, {})},
    "search:results": {
        "": lambda w: ({}, {}),
        # inflected, so that only a hit (not the query echoed in the box) names the draft
        "draft's name": lambda w: ({}, {"q": "matriisin luonnoshankkeita"}),
    },
    "opendata:download": {"": lambda w: ({"fmt": "360giving"}, {})},
    "api:programme-detail": {"": lambda w: ({"slug": w.call.programme.slug}, {})},
    "api:theme-detail": {"": lambda w: ({"slug": w.call.theme.slug}, {})},
    "api:call-detail": {"": lambda w: ({"slug": w.call.slug}, {})},
    "api:organisation-detail": {"": lambda w: ({"slug": w.helsinki.slug}, {})},
    "api:project-entity-detail": {
        "public": lambda w: ({"slug": w.public_project.slug}, {}),
        "draft": lambda w: ({"slug": w.draft.slug}, {}),
    },
    "api:decision-detail": {"": lambda w: ({"pk": w.public_decision.pk}, {})},
    "api:reported-figure-detail": {"": lambda w: ({"pk": _any_figure_pk()}, {})},
    "networking:similar": {
        "public": lambda w: ({"slug": w.public_project.slug}, {}),
        "draft": lambda w: ({"slug": w.draft.slug}, {}),
    },
    "applying:start": {"": lambda w: ({"slug": w.call.slug}, {})},
    **{
        name: {"": lambda w: ({"pk": w.draft.applications.get().pk}, {})}
        for name in (
            "applying:detail",
            "applying:budget",
            "applying:check",
            "applying:part_add",
            "applying:mark_ready",
            "applying:submit",
            "api:application-detail",
            "api:application-submit",
            "applying:versions",
            "applying:attachment_add",
            "api:application-parts",
            "api:application-budget",
            "api:application-attachments",
            "api:application-mark-ready",
            "api:application-versions",
        )
    },
    **{
        name: {"": lambda w: (_draft_attachment(w), {})}
        for name in (
            "applying:attachment_download",
            "applying:attachment_remove",
            "api:application-attachment-download",
        )
    },
    "applying:receipt": {"": lambda w: ({"pk": w.draft.applications.get().pk, "number": 1}, {})},
    "reporting:call_impact": {"": lambda w: ({"slug": w.call.slug}, {})},
    **{
        name: {"": lambda w: ({"slug": "helsingin-malli-2025-2027"}, {})}
        for name in (
            "reporting:impact_xlsx",
            "reporting:districts",
            "reporting:target_districts",
            "reporting:schedule",
            "reporting:framework",
            "api:impact-aggregate-detail",
        )
    },
    **{
        name: {"": lambda w: ({"pk": _malli_report().application_id}, {})}
        for name in ("reporting:part_reports", "reporting:part_targets")
    },
    **{
        name: {"": lambda w: ({"pk": _malli_report().pk}, {})}
        for name in (
            "reporting:report",
            "reporting:report_form",
            "reporting:report_attachments",
            "reporting:report_send",
            "reporting:report_review",
            "api:report-detail",
            "api:report-values",
            "api:report-submit",
            "api:report-accept",
            "api:report-return",
        )
    },
    "reporting:attachment": {"": lambda w: ({"pk": _malli_report().attachments.get().pk}, {})},
    "reporting:framework_new": {
        "": lambda w: ({"slug": "helsingin-malli-2025-2027", "kind": "indikaattori"}, {})
    },
    "reporting:framework_edit": {"": lambda w: (_malli_framework_item(), {})},
    "reporting:framework_delete": {"": lambda w: (_malli_framework_item(), {})},
    "reporting:programme_indicators": {"": lambda w: ({"slug": ESR_PLUS}, {})},
    "reporting:programme_indicator_new": {"": lambda w: ({"slug": ESR_PLUS}, {})},
    "reporting:programme_indicator_edit": {"": lambda w: (_programme_indicator(), {})},
    "reporting:programme_indicator_delete": {"": lambda w: (_programme_indicator(), {})},
    "api:indicator-detail": {"": lambda w: ({"pk": _reference_indicator_pk()}, {})},
    "api:impact-framework-detail": {
        "": lambda w: ({"pk": _malli_report().period.call.impact_framework_id}, {})
    },
    "reporting:impact_pdf": {"": lambda w: ({"slug": w.call.slug}, {})},
    "assessment:ranking": {"": lambda w: ({"slug": w.call.slug}, {})},
    "assessment:funnel": {"": lambda w: ({"slug": w.call.slug}, {})},
    **{
        f"assessment:{name}": {
            "": lambda w: ({"pk": w.public_project.applications.order_by("pk").first().pk}, {})
        }
        for name in ("application", "screening", "conflict", "scoring", "decision", "amendments")
    },
    "assessment:summary": {"": lambda w: ({"pk": w.public_project.pk}, {})},
    "assessment:selection": {"": lambda w: ({"pk": w.public_project.pk}, {})},
    "assessment:assessors": {"": lambda w: ({"slug": w.call.slug}, {})},
    "assessment:amendment_decide": {"": lambda w: ({"pk": 999999}, {})},
    "api:assessment-amendment-request-decide": {"": lambda w: ({"pk": 999999}, {})},
    "assessment:decision_pdf": {
        "": lambda w: ({"pk": w.public_project.applications.order_by("pk").first().pk}, {})
    },
    "organisations:detail": {"": lambda w: ({"slug": w.helsinki.slug}, {})},
    "projects:history": {
        "public": lambda w: ({"slug": w.public_project.slug}, {}),
        "draft": lambda w: ({"slug": w.draft.slug}, {}),
    },
    "decisions:detail": {
        "public": lambda w: ({"pk": w.public_decision.pk}, {}),
        "about the draft": lambda w: ({"pk": w.draft_decision.pk}, {}),
    },
    "decisions:history": {
        "public": lambda w: ({"pk": w.public_decision.pk}, {}),
        "about the draft": lambda w: ({"pk": w.draft_decision.pk}, {}),
    },
    "sources:source": {
        "public": lambda w: ({"pk": w.public_reference.pk}, {}),
        "cites the draft": lambda w: ({"pk": w.draft_reference.pk}, {}),
    },
    "documents:review": {"": lambda w: ({"pk": w.extraction.document_id}, {})},
    "documents:targets": {"": lambda w: ({"pk": w.extraction.document_id}, {})},
    "documents:apply": {"": lambda w: ({"pk": w.extraction.document_id}, {})},
    "documents:confirm_unconflicted": {"": lambda w: ({"pk": w.extraction.document_id}, {})},
    "documents:batch": {"": lambda w: ({"pk": w.reading_batch.pk}, {})},
    "documents:value_action": {
        "": lambda w: ({"pk": w.extracted_value.pk, "action": "confirm"}, {})
    },
    "insights:overview": {
        "": lambda w: ({}, {}),
        "all statuses": lambda w: ({}, {"status": "kaikki"}),
    },
    "insights:chart": {"": lambda w: ({"key": "ministries"}, {})},
    "insights:export": {
        "json": lambda w: ({"fmt": "json"}, {}),
        "json, all statuses": lambda w: ({"fmt": "json"}, {"status": "kaikki"}),
    },
    "insights:organisation_pick": {"": lambda w: ({}, {"organisation": w.helsinki.slug})},
    "insights:export_job": {"": lambda w: ({"pk": w.export_job.pk}, {})},
    "insights:export_job_download": {"": lambda w: ({"pk": w.export_job.pk}, {})},
    "insights:organisation": {"": lambda w: ({"slug": w.helsinki.slug}, {})},
    "accounts:members": {
        "own organisation": lambda w: ({"slug": w.helsinki.slug}, {}),
        "other organisation": lambda w: ({"slug": w.oulu.slug}, {}),
    },
    "accounts:member_grant": {"": lambda w: ({"slug": w.helsinki.slug}, {})},
    "accounts:api_token_revoke": {"": lambda w: ({"pk": w.api_token.pk}, {})},
    "accounts:member_invite": {"": lambda w: ({"slug": w.helsinki.slug}, {})},
    "accounts:member_revoke": {
        "": lambda w: ({"slug": w.helsinki.slug, "pk": w.member_assignment.pk}, {})
    },
    "accounts:invitation": {
        "valid": lambda w: ({"token": w.invitation_token}, {}),
        "unknown token": lambda w: ({"token": "ei-voimassa-oleva-kutsu"}, {}),
    },
    "account_confirm_email": {"": lambda w: ({"key": "ei-voimassa"}, {})},
    "account_reset_password_from_key": {"": lambda w: ({"uidb36": "1", "key": "ei-voimassa"}, {})},
    "mfa_remove_webauthn": {"": lambda w: ({"pk": w.passkey.pk}, {})},
    "mfa_edit_webauthn": {"": lambda w: ({"pk": w.passkey.pk}, {})},
    "openid_connect_login": {"": lambda w: ({"provider_id": "ei-maaritetty"}, {})},
    "openid_connect_callback": {"": lambda w: ({"provider_id": "ei-maaritetty"}, {})},
}


@dataclass(frozen=True)
class Case:
    key: str  # with the variant, as the table names it
    url: str
    rows: tuple


def _admin_case(pattern: Pattern, world: World) -> Case:
    view, model = admin_view_of(pattern)
    first = model._default_manager.order_by("pk").first() if model else None
    object_id = str(first.pk) if first else "0"
    if view == "catch_all":
        url = "/admin/ei-ole-olemassa/"
    elif view == "object":
        url = f"/{pattern.route.replace('<path:object_id>', object_id)}"
    elif view == "app_list":
        url = reverse(pattern.name, kwargs={"app_label": "projects"})
    elif view == "view_on_site":
        content_type = ContentType.objects.get_for_model(world.draft)
        url = reverse(pattern.name, args=[content_type.pk, world.draft.pk])
    elif model is not None and view != "changelist" and view != "add":
        url = reverse(pattern.name, args=[object_id])
    else:
        url = reverse(pattern.name)
    read_only = model is not None and model._meta.app_label in READ_ONLY_ADMIN_APPS
    rows = admin_rows(view, first is not None or model is None, read_only)
    return Case(pattern.key, url, tuple(rows))


def _plain_url(pattern: Pattern) -> str:
    if "<" in pattern.route or "(?P" in pattern.route:
        raise AssertionError(f"{pattern.key}: a pattern with arguments needs ARGUMENTS")
    return "/" + pattern.route


def cases(world: World, patterns: list[Pattern]) -> list[Case]:
    """The requests to make; patterns the table does not know are left out here (the test
    names them) so that a new URL does not hide what the rest of the matrix finds."""
    unknown = {problem.split(" ")[0] for problem in missing_expectations(patterns)}
    found = []
    for pattern in patterns:
        if pattern.is_admin:
            if pattern.key not in unknown:
                found.append(_admin_case(pattern, world))
            continue
        arguments = ARGUMENTS.get(pattern.key, {"": lambda w: ({}, {})})
        for variant in table.VARIANTS.get(pattern.key, ("",)):
            key = table.expectation_key(pattern.key, variant)
            if key in unknown or variant not in arguments:
                continue
            kwargs, query = arguments[variant](world)
            url = reverse(pattern.name, kwargs=kwargs) if pattern.name else _plain_url(pattern)
            if query:
                url += "?" + urlencode(query)
            found.append(Case(key, url, tuple(table.EXPECTED[key])))
    return found


# --- Signing in and asking ------------------------------------------------------------------


def current_code() -> str:
    from tests.factories import TEST_TOTP_SECRET

    return format_hotp_value(hotp_value(TEST_TOTP_SECRET, int(time.time()) // 30))


def sign_in(role: str, user) -> str | None:
    """The session id of `user` signed in as a person signs in; None for the anonymous."""
    if role == ANONYMOUS:
        return None
    client = Client()
    response = client.post(reverse("account_login"), {"login": user.username, "password": PASSWORD})
    assert response.status_code == 302, f"{role} could not sign in"
    if role in table.WITH_TOTP:
        assert response["Location"] == reverse("mfa_authenticate"), f"{role}: no TOTP step"
        response = client.post(reverse("mfa_authenticate"), {"code": current_code()})
        if response.status_code != 302:  # the 30 seconds turned between reading and sending
            response = client.post(reverse("mfa_authenticate"), {"code": current_code()})
        assert response.status_code == 302, f"{role}: the TOTP code was refused"
    assert client.get(reverse("accounts:profile")).status_code == 200, f"{role}: not signed in"
    # Confirmed the password again just now, as allauth asks before a sensitive change: the
    # matrix is about who may, so it looks past the confirmation to the view itself.
    response = client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    assert response.status_code == 302, f"{role}: the password was not confirmed"
    return client.cookies[settings.SESSION_COOKIE_NAME].value


class BareClient(Client):
    """The test client without what a matrix does not read: the rendered templates and their
    contexts (copied for every template of every page) and the re-raised exception."""

    def request(self, **request):
        return self.handler(self._base_environ(**request))


def _location_path(response) -> str:
    return urlsplit(response.get("Location", "")).path


def matches(cell, response) -> bool:
    options = cell if isinstance(cell, tuple) else (cell,)
    for option in options:
        if isinstance(option, int) and response.status_code == option:
            return True
        if isinstance(option, Redirect) and response.status_code in (301, 302):
            path = _location_path(response)
            if option.to is not None and path == reverse(option.to):
                return True
            if option.to is None and path not in {reverse(n) for n in table.SIGN_IN_PAGES}:
                return True
    return False


def describe(response) -> str:
    if response.status_code in (301, 302):
        path = _location_path(response)
        if path == reverse("account_login"):
            return f"{response.status_code}→login"
        if path == reverse("admin:login"):
            return f"{response.status_code}→admin login"
        return f"{response.status_code}→{path}"
    return str(response.status_code)


def body_of(response) -> str:
    if response.streaming:
        return ""
    kind = response.get("Content-Type", "")
    if not any(t in kind for t in ("text/", "json", "javascript", "svg", "csv")):
        return ""
    return response.content.decode("utf-8", "replace")


@dataclass(frozen=True)
class Mismatch:
    method: str
    url: str
    role: str
    expected: str
    got: str
    key: str


def report(mismatches: list[Mismatch]) -> str:
    """One line per URL, method and answer, with the roles that got it."""
    grouped: dict[tuple, list[str]] = {}
    for m in mismatches:
        grouped.setdefault((m.url, m.method, m.expected, m.got, m.key), []).append(m.role)
    lines = [
        f"{method:4} {url}  [{key}]\n       expected {expected}, got {got}:  {', '.join(roles)}"
        for (url, method, expected, got, key), roles in grouped.items()
    ]
    return f"{len(mismatches)} answers differ from the matrix:\n" + "\n".join(lines)


@dataclass
class Result:
    mismatches: list[Mismatch] = field(default_factory=list)
    requests: int = 0
    seconds_by_role: dict[str, float] = field(default_factory=dict)
    seconds_by_case: dict[str, float] = field(default_factory=dict)

    def add(self, other: Result) -> Result:
        self.mismatches += other.mismatches
        self.requests += other.requests
        self.seconds_by_role.update(other.seconds_by_role)
        for key, seconds in other.seconds_by_case.items():
            self.seconds_by_case[key] = self.seconds_by_case.get(key, 0) + seconds
        return self


def run_matrix(world: World, all_cases: list[Case], roles: tuple[str, ...]) -> Result:
    errors: list[str] = []

    def remember(sender, request=None, **kwargs):
        errors.append(repr(sys.exc_info()[1]))

    got_request_exception.connect(remember, dispatch_uid="permission-matrix")
    client = BareClient()
    result = Result()
    try:
        for role in roles:
            began = time.process_time()
            session = sign_in(role, world.users.get(role))
            for case, method in itertools.product(all_cases, METHODS):
                client.cookies = SimpleCookie()
                if session:
                    client.cookies[settings.SESSION_COOKIE_NAME] = session
                errors.clear()
                asked = time.process_time()
                with transaction.atomic():
                    if method == "GET":
                        response = client.get(case.url)
                    else:
                        response = client.post(case.url, {})
                    transaction.set_rollback(True)
                cache.clear()
                spent = time.process_time() - asked
                result.seconds_by_case[case.key] = result.seconds_by_case.get(case.key, 0) + spent
                result.requests += 1
                mismatch = check(case, role, method, response, errors)
                if mismatch:
                    result.mismatches.append(mismatch)
            result.seconds_by_role[role] = time.process_time() - began
    finally:
        got_request_exception.disconnect(dispatch_uid="permission-matrix")
    return result


def check(case: Case, role: str, method: str, response, errors: list[str]) -> Mismatch | None:
    cell = table.expected(case.rows, role, method)
    if response.status_code >= 500 or not matches(cell, response):
        got = describe(response) + (f" ({errors[0]})" if errors else "")
        return Mismatch(method, case.url, role, _cell_text(cell), got, case.key)
    if response.status_code in (301, 302):
        return None
    page = body_of(response)
    for readers, markers, what in SECRETS:
        if role not in readers and any(marker in page for marker in markers):
            got = f"{response.status_code}, and the page shows {what}"
            return Mismatch(method, case.url, role, f"a page without {what}", got, case.key)
    return None


# What must not be on any page a role gets unless the role may see it: who may, how the page
# would show it, and what it is.
SECRETS = (
    (table.DRAFT_READERS, (DRAFT_NAME, DRAFT_SLUG), "the draft project"),
    (table.COMMITMENT_SPENDING_READERS, SPENT_ON_A_PAGE, "the spent amount"),
)


def _forkable() -> bool:
    """SQLite's in-memory test database is copied whole by fork(); a server's connection
    (PostgreSQL) must not be shared by two processes, so there the matrix runs in one."""
    return (
        hasattr(os, "fork")
        and (os.cpu_count() or 1) > 1
        and connection.vendor == "sqlite"
        and connection.is_in_memory_db()
    )


# Two halves of about the same work: the administrator, who gets every admin page, costs
# about as much as four other roles.
HALVES = (
    ("administrator", "anonymous", "preparer", "assessor", "coordinator"),
    (
        "signatory",
        "finance_officer",
        "viewer",
        "authority_officer",
        "ministry_viewer",
        "grant_officer",
    ),
)


def run_in_two(world: World, all_cases: list[Case]) -> Result:
    """Half of the roles in a forked copy of this process (and of its database), half here."""
    if not _forkable():
        return run_matrix(world, all_cases, ROLES)
    assert sorted(HALVES[0] + HALVES[1]) == sorted(ROLES), "every role in one half"
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the copy: answer through the pipe, and leave without pytest's teardown
        os.close(read_end)
        try:
            payload = pickle.dumps(run_matrix(world, all_cases, HALVES[1]))
        except BaseException:
            payload = pickle.dumps(traceback.format_exc())
        with os.fdopen(write_end, "wb") as pipe:
            pipe.write(payload)
        os._exit(0)
    os.close(write_end)
    mine = run_matrix(world, all_cases, HALVES[0])
    with os.fdopen(read_end, "rb") as pipe:
        payload = pipe.read()
    _pid, status = os.waitpid(pid, 0)
    assert payload, f"the second process ended without an answer (status {status})"
    theirs = pickle.loads(payload)
    assert isinstance(theirs, Result), f"the second process failed:\n{theirs}"
    return mine.add(theirs)


def _cell_text(cell) -> str:
    if isinstance(cell, tuple):
        return " or ".join(_cell_text(c) for c in cell)
    return repr(cell) if isinstance(cell, Redirect) else str(cell)


@pytest.fixture
def quiet_request_log():
    """4xx warnings from django.request for six thousand requests help nobody; 5xx are
    collected by the test itself."""
    loggers = [logging.getLogger(n) for n in ("django.request", "django.security")]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.CRITICAL)
    yield
    for logger, level in zip(loggers, levels, strict=True):
        logger.setLevel(level)


def test_every_role_gets_what_the_matrix_says_from_every_url(demo, settings, quiet_request_log):
    started = time.perf_counter()  # after the demo is loaded (the fixture): users and requests
    settings.PASSWORD_HASHERS = FAST_HASHERS  # signing in eleven times need not take seconds
    cache.clear()
    world = build_world()
    patterns = url_patterns()
    unknown = missing_expectations(patterns)
    all_cases = cases(world, patterns)
    result = run_in_two(world, all_cases)
    finished = time.perf_counter()

    by_role = ", ".join(f"{r} {s:.1f}" for r, s in result.seconds_by_role.items())
    slowest = sorted(result.seconds_by_case.items(), key=lambda item: -item[1])[:5]
    print(
        f"\npermission matrix: {len(patterns)} URL patterns ({len(all_cases)} with variants) × "
        f"{len(ROLES)} roles × {len(METHODS)} methods = {result.requests} requests in "
        f"{finished - started:.1f} s\n  CPU time by role: {by_role} s\n  slowest URLs (CPU, all "
        "roles): " + ", ".join(f"{key} {seconds:.1f} s" for key, seconds in slowest)
    )
    failures = []
    if result.mismatches:
        failures.append(report(result.mismatches))
    if unknown:
        failures.append(
            "URL patterns without an expectation (not asked):\n  " + "\n  ".join(unknown)
        )
    if result.requests != REQUEST_COUNT:
        failures.append(f"{result.requests} requests, the README says {REQUEST_COUNT}")
    if failures:
        pytest.fail("\n\n".join(failures), pytrace=False)
