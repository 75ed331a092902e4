"""The start page's panels: what waits for this person, gathered from every lifecycle app.

Why a contract and not a page per app: an officer who screens applications may also check
claims and accept reports, and should see all of it in one place after signing in. Each
lifecycle app (applying, assessment, payments, reporting) has a module `start.py` with
`panels(user) -> list[StartPanel]`: the panels that concern this user, decided by the app's own
permission functions. The start page (site) lists them and htmx loads each panel's partial, so
one slow panel does not hold up the others.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class StartPanel:
    """One panel: its heading (already translated), the URL of its partial, and its order."""

    title: str
    url: str
    order: int = 100
