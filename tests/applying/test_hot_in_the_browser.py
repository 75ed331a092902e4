"""HOT in a real browser: Helsinki's preparer starts the project from the open call and invites
Forum Virium Helsinki; each preparer types its own budget, watches the live check answer, saves
and marks the part ready; each organisation's signatory submits its own part; the funding
authority's officer then opens the project and sees both parts submitted."""

import pytest
from django.urls import reverse
from selenium.common.exceptions import StaleElementReferenceException, TimeoutException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as seen
from selenium.webdriver.support.ui import Select, WebDriverWait

from hankesalkku.accounts.models import Role
from hankesalkku.projects.models import Application, ApplicationStatus, ProjectStatus
from tests.accessibility.browser import start_browser
from tests.accessibility.test_every_page_kind import sign_in_browser
from tests.factories import OrganisationFactory
from tests.test_permission_matrix import FAST_HASHERS, PASSWORD

from .factories import FORUM_VIRIUM, HELSINKI, open_call, person


@pytest.fixture
def browser():
    driver = start_browser()
    yield driver
    driver.quit()


def _person(organisation, role):
    user = person(organisation, role)
    user.set_password(PASSWORD)
    user.save()
    return user


class Story:
    """One browser, handed from person to person as each signs in."""

    def __init__(self, browser, base_url):
        self.browser, self.base_url = browser, base_url

    def as_(self, user):
        self.browser.delete_all_cookies()
        sign_in_browser(self.browser, self.base_url, user)

    def open(self, path):
        self.browser.get(self.base_url + path)

    def wait_for_text(self, text, where=(By.TAG_NAME, "main")):
        try:
            WebDriverWait(self.browser, 20).until(seen.text_to_be_present_in_element(where, text))
        except TimeoutException:
            shown = self.browser.find_element(By.TAG_NAME, "body").text
            raise AssertionError(f"not shown: {text!r}\n--- the page says:\n{shown}") from None

    def press(self, label):
        button = self.browser.find_element(By.XPATH, f"//button[normalize-space()='{label}']")
        button.click()

    def type(self, field_id, value):
        field = self.browser.find_element(By.ID, field_id)
        field.clear()
        field.send_keys(value)

    def set_date(self, field_id, iso):
        """A date input's value as a person's date picker would leave it, then its events."""
        self.browser.execute_script(
            "const f = document.getElementById(arguments[0]); f.value = arguments[1];"
            "f.dispatchEvent(new Event('input', {bubbles: true}));"
            "f.dispatchEvent(new Event('change', {bubbles: true}));",
            field_id,
            iso,
        )

    def live_check(self, text):
        self.wait_for_text(text, (By.ID, "budget-check"))
        # htmx may swap the check once more while it is read (a later keystroke's answer): read
        # it again until it holds still, as a person would look again
        return WebDriverWait(
            self.browser, 20, ignored_exceptions=(StaleElementReferenceException,)
        ).until(lambda browser: browser.find_element(By.ID, "budget-check").text)

    def budget(self, category, amount, support):
        self.set_date("id_starts", "2025-01-01")
        self.set_date("id_ends", "2025-12-31")
        Select(self.browser.find_element(By.ID, "id_line-0-category")).select_by_visible_text(
            category
        )
        self.type("id_line-0-year", "2025")
        self.type("id_line-0-amount", amount)
        self.type("id_support", support)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_preparers_fill_hot_their_signatories_submit_and_the_authority_sees_it(
    live_server, browser, settings
):
    settings.PASSWORD_HASHERS = FAST_HASHERS
    call = open_call()
    helsinki, forum = OrganisationFactory(**HELSINKI), OrganisationFactory(**FORUM_VIRIUM)
    hel_preparer, hel_signatory = (
        _person(helsinki, Role.PREPARER),
        _person(helsinki, Role.SIGNATORY),
    )
    fvh_preparer, fvh_signatory = _person(forum, Role.PREPARER), _person(forum, Role.SIGNATORY)
    officer = _person(call.funding_authority, Role.AUTHORITY_OFFICER)
    story = Story(browser, live_server.url)

    # Helsinki's preparer starts HOT from the open call and invites Forum Virium Helsinki.
    story.as_(hel_preparer)
    story.open(call.get_absolute_url())
    browser.find_element(By.LINK_TEXT, "Aloita hakemus").click()
    story.wait_for_text("Hankkeen nimi")
    story.type("id_name", "Sosiaalisen kuntoutuksen ryhmämalli")
    story.type("id_acronym", "HOT")
    story.press("Aloita hakemus")
    story.wait_for_text("Osat ja niiden tila")
    lead = Application.objects.get(organisation=helsinki)
    offered = Select(browser.find_element(By.ID, "id_part_organisation")).options
    assert call.funding_authority.name not in [o.text for o in offered]  # not a type it takes
    Select(browser.find_element(By.ID, "id_part_organisation")).select_by_visible_text(forum.name)
    story.press("Lisää osatoteuttaja")
    story.wait_for_text("Osatoteuttaja lisätty.")
    story.wait_for_text(f"{forum.name} – osatoteuttaja: luonnos")

    # Its budget: 200 000 € staff costs, 150 000 € support; the live check says 75 %.
    story.budget("henkilöstökustannukset", "200000", "150000")
    check = story.live_check("75 % (enintään 75 %)")
    assert "200 000 €" in check and "50 000 €" in check  # own financing
    story.type("id_support", "160000")  # 80 %: the check says so before anything is saved
    assert "ylittää haun enimmäistukiprosentin" in story.live_check("80 % (enintään 75 %)")
    story.type("id_support", "150000")
    story.live_check("Ei huomautettavaa.")
    story.press("Tallenna talousarvio")
    story.wait_for_text("Talousarvio tallennettu.")
    story.press("Merkitse valmiiksi lähetettäväksi")
    story.wait_for_text("Osa on merkitty valmiiksi lähetettäväksi.")
    assert Application.objects.get(pk=lead.pk).status == ApplicationStatus.READY

    # Forum Virium Helsinki's preparer fills its own part; Helsinki pays its municipal share.
    part = Application.objects.get(organisation=forum)
    story.as_(fvh_preparer)
    story.open(reverse("applying:detail", args=[part.pk]))
    story.budget("ostopalvelut", "100000", "75000")
    story.type("id_municipal_financing", "25000")
    assert "Kuntarahoituksen maksaja: kerro" in story.live_check("Kuntarahoituksen maksaja")
    Select(browser.find_element(By.ID, "id_municipal_financing_payer")).select_by_visible_text(
        helsinki.name
    )
    check = story.live_check("Ei huomautettavaa.")
    assert "0 €" in check  # no own financing left: support and Helsinki's share cover it
    story.press("Tallenna talousarvio")
    story.wait_for_text("Talousarvio tallennettu.")
    story.press("Merkitse valmiiksi lähetettäväksi")
    story.wait_for_text("Osa on merkitty valmiiksi lähetettäväksi.")

    # Each organisation's signatory submits its own part.
    for signatory, application in ((hel_signatory, lead), (fvh_signatory, part)):
        story.as_(signatory)
        story.open(reverse("applying:detail", args=[application.pk]))
        story.press("Lähetä hakemus")
        story.wait_for_text("Hakemus lähetetty rahoittavalle viranomaiselle.")
    assert lead.entity.__class__.objects.get(pk=lead.entity_id).status == ProjectStatus.SUBMITTED

    # The funding authority's officer opens the project and sees both parts submitted.
    story.as_(officer)
    story.open(reverse("applying:detail", args=[lead.pk]))
    story.wait_for_text(f"{helsinki.name} – päätoteuttaja: lähetetty")
    story.wait_for_text(f"{forum.name} – osatoteuttaja: lähetetty")
    assert (
        "Koko hanke osien mukaan: 300 000 €" in browser.find_element(By.TAG_NAME, "main").text
    )  # the whole
