"""One headless Chromium for the accessibility test: Debian's `chromium` and `chromium-driver`.

The system browser, not a downloaded one: CI installs both packages with apt-get, and the test
skips with the reason where they are missing. axe-core is vendored beside this file, so nothing
is fetched while the test runs.
"""

import shutil
from pathlib import Path

import pytest

AXE = Path(__file__).with_name("axe.min.js")
CHROMIUM_PATHS = ("/usr/bin/chromium", "/usr/lib/chromium/chromium")
DRIVER_PATHS = ("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver")
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

RUN_AXE = """
const done = arguments[arguments.length - 1];
axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
  .then(r => done(r.violations.map(v => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' :: ' + n.failureSummary)}))))
  .catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]));
"""

# What sticks out past the viewport, so a failure names the element rather than just "wider".
WIDEST = """
const out = [];
for (const el of document.querySelectorAll('body *')) {
  const r = el.getBoundingClientRect();
  if (r.right > window.innerWidth + 1 && getComputedStyle(el).position !== 'fixed') {
    out.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
             (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ').join('.') : '') +
             ' ' + Math.round(r.right) + 'px');
  }
}
return out.slice(-5);
"""


def _first(paths) -> str | None:
    return next((p for p in paths if Path(p).exists()), None) or shutil.which(Path(paths[0]).name)


def start_browser():
    """A headless Chromium with a window of 1366 px; the test resizes it per width."""
    webdriver = pytest.importorskip("selenium.webdriver")
    binary, driver = _first(CHROMIUM_PATHS), _first(DRIVER_PATHS)
    if not binary or not driver:
        pytest.skip("Debian's chromium and chromium-driver are not installed")
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-extensions",
        "--window-size=1366,900",
        "--lang=fi",
    ):
        options.add_argument(argument)
    service = webdriver.ChromeService(executable_path=driver)
    browser = webdriver.Chrome(options=options, service=service)
    browser.set_script_timeout(60)
    return browser


def set_width(browser, width: int, height: int = 900) -> None:
    """The viewport, not the window, is `width` wide (desktop emulation: a phone's would zoom
    out to fit a wide page and so hide the very overflow the test looks for)."""
    browser.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
    )


def save_full_page(browser, path, width: int) -> None:
    """A screenshot of the whole page (at most 4000 px tall), for a person to look at."""
    height = min(browser.execute_script("return document.documentElement.scrollHeight"), 4000)
    set_width(browser, width, height)
    browser.save_screenshot(str(path))
    set_width(browser, width)


# A part htmx loads with the page still shows its placeholder, or a request is under way.
LOADING = """
return document.querySelector('.htmx-request') !== null ||
  Array.from(document.querySelectorAll('[hx-trigger~="load"]'))
    .some(el => el.textContent.includes('Ladataan'));
"""


def wait_for_htmx(browser, timeout: float = 20) -> bool:
    """Wait until every part htmx loads with the page has arrived, so axe checks what a person
    sees and not the placeholders; False when some part did not arrive in time."""
    from selenium.common.exceptions import TimeoutException
    from selenium.webdriver.support.ui import WebDriverWait

    try:
        WebDriverWait(browser, timeout).until(lambda b: not b.execute_script(LOADING))
    except TimeoutException:
        return False
    return True


def violations(browser) -> list[dict]:
    if not browser.execute_script("return typeof axe !== 'undefined'"):
        browser.execute_script(AXE.read_text(encoding="utf-8"))
    return browser.execute_async_script(RUN_AXE, WCAG_21_AA)


def horizontal_overflow(browser) -> list[str]:
    """[] when the page does not scroll sideways, else the elements that stick out."""
    wide = browser.execute_script("return document.documentElement.scrollWidth > window.innerWidth")
    return browser.execute_script(WIDEST) or ["(document wider)"] if wide else []
