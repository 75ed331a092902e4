"""What the navigation offers a person: only the pages their role lets them use.

The base template lives in core, which knows no app; the site layer, above every app, asks
each app's permission function once per page.
"""

from hankesalkku.documents.permissions import can_review_documents


def navigation(request) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_review_documents": False}
    return {"nav_review_documents": can_review_documents(user)[0]}
