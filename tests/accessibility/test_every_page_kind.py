"""A new user's first hour, checked by a machine: every kind of page, signed out and signed in,
on a desktop (1366 px) and a phone (390 px), has no WCAG 2.1 AA violation that axe-core finds
and does not scroll sideways on the phone.

One browser and one live server for the whole walk, and one test, so the demo is loaded once;
a failure lists every page that failed, not just the first.
"""

from importlib import import_module
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from tests.accessibility.browser import (
    horizontal_overflow,
    save_full_page,
    set_width,
    start_browser,
    violations,
    wait_for_htmx,
)

WIDTHS = (1366, 390)
SCREENSHOTS = Path(__file__).resolve().parents[2] / "data" / "screenshots"


@pytest.fixture
def browser():
    driver = start_browser()
    yield driver
    driver.quit()


def public_pages() -> dict[str, str]:
    """One page of each public kind, named as a person would name it."""
    from hankesalkku.decisions.models import Decision
    from hankesalkku.organisations.models import Organisation
    from hankesalkku.programmes.models import Call
    from hankesalkku.projects.models import ProjectEntity
    from hankesalkku.sources.models import SourceReference

    project = ProjectEntity.objects.filter(slug__isnull=False).order_by("pk").first()
    organisation = Organisation.objects.filter(slug="helsingin-kaupunki").first()
    organisation = organisation or Organisation.objects.order_by("pk").first()
    reference = SourceReference.objects.exclude(document__text="").order_by("pk").first()
    reference = reference or SourceReference.objects.order_by("pk").first()
    return {
        "home": reverse("site:home"),
        "call": reverse("programmes:call_detail", args=[Call.objects.order_by("pk")[0].slug]),
        "projects": reverse("projects:list"),
        "project": reverse("projects:detail", args=[project.slug]),
        "decisions": reverse("decisions:list"),
        "decision": reverse("decisions:detail", args=[Decision.objects.order_by("pk")[0].pk]),
        "organisations": reverse("insights:organisation_pick"),
        "organisation": reverse("organisations:detail", args=[organisation.slug]),
        "organisation overview": reverse("insights:organisation", args=[organisation.slug]),
        "overview": reverse("insights:overview"),
        "source": reverse("sources:source", args=[reference.pk]),
        "sign-in": reverse("account_login"),
        "not found": "/ei-tallaista-sivua/",
    }


def signed_in_pages(document_pk: int) -> dict[str, str]:
    return {
        "profile": reverse("accounts:profile"),
        "reading": reverse("documents:upload"),
        "review": reverse("documents:review", args=[document_pk]),
        "admin": reverse("admin:index"),
        "admin project form": reverse("admin:projects_projectentity_add"),
    }


def area_pages() -> dict[str, str]:
    """The signed-in pages each lifecycle area adds: `pages_<area>.py` beside this file, each with
    a `pages()` that names one page of each kind the area has, looked up in the loaded demo."""
    found: dict[str, str] = {}
    for path in sorted(Path(__file__).parent.glob("pages_*.py")):
        found.update(import_module(f"tests.accessibility.{path.stem}").pages())
    return found


def sign_in_browser(browser, base_url: str, user) -> None:
    """Hand the browser the session of `user` signed in with password and TOTP, as a person."""
    from tests.test_permission_matrix import sign_in

    session = sign_in("administrator", user)
    browser.get(base_url + reverse("health"))
    browser.add_cookie({"name": settings.SESSION_COOKIE_NAME, "value": session, "path": "/"})


def check_page(browser, url: str, name: str, width: int, problems: list[str]) -> None:
    browser.get(url)
    if not wait_for_htmx(browser):
        problems.append(f"{name} @ {width}px: a part loaded with htmx did not arrive")
    for violation in violations(browser):
        problems.append(
            f"{name} @ {width}px: {violation['id']} ({violation['impact']}) {violation['help']}\n"
            + "".join(f"      {node}\n" for node in violation["nodes"])
        )
    if width < 600:
        overflow = horizontal_overflow(browser)
        if overflow:
            problems.append(f"{name} @ {width}px scrolls sideways: {', '.join(overflow)}")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_every_page_kind_is_accessible_and_fits_a_phone(live_server, browser, settings):
    from hankesalkku.accounts.services import totp_enrol
    from hankesalkku.core.services import system_actor
    from hankesalkku.demo.loading import load_demo
    from hankesalkku.documents.services import document_ingest
    from tests.documents.conftest import DECISION
    from tests.factories import TEST_TOTP_SECRET, UserFactory
    from tests.test_permission_matrix import FAST_HASHERS, PASSWORD

    settings.PASSWORD_HASHERS = FAST_HASHERS
    settings.SEEDS_DIR = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"
    actor = system_actor("hankesalkku-demo")
    load_demo(actor=actor)
    admin = UserFactory(username="saavutettava", password=PASSWORD, is_staff=True)
    admin.is_superuser = True
    admin.save()
    totp_enrol(actor=actor, user=admin, secret=TEST_TOTP_SECRET)
    document, _extraction = document_ingest(actor=admin, data=DECISION, filename="12.txt")

    problems: list[str] = []
    walks = [
        ("signed out", public_pages()),
        ("signed in", {**public_pages(), **signed_in_pages(document.pk), **area_pages()}),
    ]
    for state, pages in walks:
        if state == "signed in":
            sign_in_browser(browser, live_server.url, admin)
        for width in WIDTHS:
            set_width(browser, width)
            for name, path in pages.items():
                check_page(browser, live_server.url + path, f"{name} ({state})", width, problems)
                if width < 600 and state == "signed out":
                    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
                    save_full_page(
                        browser, SCREENSHOTS / f"{name.replace(' ', '-')}-390.png", width
                    )
    assert not problems, f"{len(problems)} accessibility problems:\n" + "\n".join(problems)
