"""The site's signed-in pages: the start page (työpöytä), whose panels htmx loads after the page
itself; the walk waits for them, so axe sees each panel's content inside the start page."""

from django.urls import reverse


def pages() -> dict[str, str]:
    return {"start page": reverse("site:start")}
