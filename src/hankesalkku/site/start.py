"""The start page (työpöytä): after signing in, everything that waits for this person.

Each lifecycle app says which of its panels concern the user (`<app>/start.py`, the contract in
core/start.py); this page only orders them and lets htmx load each one, so a preparer sees
drafts and due reports, an officer sees applications to screen and claims to check, and a
person with several roles sees all of it in one place. An app without a `start.py` simply
offers no panel.
"""

from importlib import import_module

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_GET

from hankesalkku.core.start import StartPanel

# The apps whose work waits for people, in the order of the lifecycle.
LIFECYCLE_APPS = ("applying", "assessment", "payments", "reporting")


def panels_for(user) -> list[StartPanel]:
    """Every panel that concerns `user`, in the apps' own order."""
    panels: list[StartPanel] = []
    for app in LIFECYCLE_APPS:
        try:
            module = import_module(f"hankesalkku.{app}.start")
        except ModuleNotFoundError as error:
            if error.name != f"hankesalkku.{app}.start":
                raise  # a start.py that fails to import is a fault, not "no panels"
            continue
        panels.extend(module.panels(user))
    return sorted(panels, key=lambda panel: panel.order)


@require_GET
@login_required
def start(request):
    return render(request, "site/start.html", {"panels": panels_for(request.user)})
