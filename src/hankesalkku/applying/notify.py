"""The funding authority hears of every submitted part: a mail to each of its officers.

Why after the commit: a submit that fails and rolls back must not have told anyone. Each
officer reads the mail in their own language (`NoticeLanguage`, Finnish where none is set), so
the subject and text are rendered once per language, not once per reader.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from hankesalkku.accounts.models import Role, RoleAssignment

from .models import NoticeLanguage


def officers_of(authority) -> list:
    """The people holding the authority officer's role in the funding authority, with a mail."""
    if authority is None:
        return []
    assignments = (
        RoleAssignment.objects.active()
        .filter(role=Role.AUTHORITY_OFFICER, organisation=authority, user__is_active=True)
        .exclude(user__email="")
        .select_related("user")
    )
    return sorted({a.user for a in assignments}, key=lambda user: user.pk)


def language_of(user) -> str:
    known = {code for code, _name in settings.LANGUAGES}
    chosen = NoticeLanguage.objects.filter(user=user).values_list("language", flat=True).first()
    return chosen if chosen in known else "fi"


def submitted_notice(version) -> list[tuple[str, list[str]]]:
    """Send the notice of `version` to the officers; returns (language, recipients) sent."""
    application = version.application
    entity = application.entity
    by_language: dict[str, list[str]] = {}
    for officer in officers_of(entity.funding_authority):
        by_language.setdefault(language_of(officer), []).append(officer.email)
    sent = []
    for language, recipients in sorted(by_language.items()):
        with translation.override(language):
            context = {
                "version": version,
                "application": application,
                "entity": entity,
                "organisation": application.organisation.display_name,
                "url": reverse("applying:detail", args=[application.pk]),
                "site": getattr(settings, "HANKESALKKU_PUBLIC_URL", ""),
            }
            subject = render_to_string("applying/email/submitted_subject.txt", context)
            body = render_to_string("applying/email/submitted_message.txt", context)
        send_mail(
            subject=" ".join(subject.split()),
            message=body,
            from_email=None,
            recipient_list=recipients,
        )
        sent.append((language, recipients))
    return sent


def notify_after_commit(version) -> None:
    transaction.on_commit(lambda: submitted_notice(version))
