"""What waits for a person in assessment, counted with a fixed number of queries.

Why not `summarise` per application: the start page is opened after every sign-in, so the
lists come from a few grouped queries however many applications the calls have.
"""

from django.db.models import Q

from hankesalkku.accounts import roles
from hankesalkku.projects.models import Application, ApplicationStatus

from .models import FundingDecision, Score
from .summary import fully_scored_ids


def waiting_for(user) -> dict[str, list]:
    run = roles.call_ids_run_by(user)
    assessed = roles.call_ids_assessed_by(user)
    base = Application.objects.select_related("entity", "entity__call", "organisation")
    to_screen = list(base.filter(entity__call_id__in=run, status=ApplicationStatus.SUBMITTED))
    eligible = list(
        base.filter(
            Q(entity__call_id__in=run) | Q(entity__call_id__in=assessed),
            status=ApplicationStatus.ELIGIBLE,
        )
    )
    submitted_by_me = set(
        Score.objects.filter(
            assessor=user, submitted_at__isnull=False, application__in=[a.pk for a in eligible]
        ).values_list("application_id", flat=True)
    )
    to_score = [a for a in eligible if a.entity.call_id in assessed and a.pk not in submitted_by_me]
    ready = fully_scored_ids([a.pk for a in eligible], run)
    to_decide = [a for a in eligible if a.entity.call_id in run and a.pk in ready]
    decisions = list(
        FundingDecision.objects.filter(
            application__organisation_id__in=roles.organisation_ids_for(user)
        ).select_related("application", "application__entity", "application__organisation")
    )
    return {
        "to_screen": to_screen,
        "to_score": to_score,
        "to_decide": to_decide,
        "decisions": decisions,
    }
