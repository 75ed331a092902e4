"""Reporting's signed-in pages (and its public ones), one of each kind, in the loaded demo.

The htmx partials (the report form, the start-page panels) are fragments, not pages: they are
checked inside the page that loads them ("report being filled")."""

from django.urls import reverse

ESR_PLUS = "uudistuva-ja-osaava-suomi-2021-2027"


def pages() -> dict[str, str]:
    from hankesalkku.reporting.models import Indicator, Report

    call = "helsingin-malli-2025-2027"
    report = Report.objects.filter(application__entity__call__slug=call).order_by("pk").first()
    draft = Report.objects.filter(application__entity__call__slug=call, status="draft").first()
    indicator = Indicator.objects.filter(call__slug=call).order_by("pk").first()
    own = Indicator.objects.filter(programme__slug=ESR_PLUS).order_by("pk").first()
    esf = Report.objects.filter(values__breakdown_values__isnull=False).order_by("pk").first()
    return {
        "impact": reverse("reporting:call_impact", args=[call]),
        "impact aggregated by district": reverse("reporting:aggregate")
        + f"?haku={call}&kaupunginosa=malmi",
        "impact of a theme": reverse("reporting:aggregate")
        + "?teema=lasten-nuorten-ja-perheiden-palvelut",
        "target districts": reverse("reporting:districts", args=[call]),
        "target districts form": reverse("reporting:target_districts", args=[call]),
        "reporting schedule": reverse("reporting:schedule", args=[call]),
        "impact framework": reverse("reporting:framework", args=[call]),
        "framework indicator form": reverse(
            "reporting:framework_edit", args=[call, "indikaattori", indicator.pk]
        ),
        "framework deletion asked": reverse(
            "reporting:framework_delete", args=[call, "indikaattori", indicator.pk]
        ),
        "programme indicators": reverse("reporting:programme_indicators", args=[ESR_PLUS]),
        "programme indicator form": reverse(
            "reporting:programme_indicator_edit", args=[ESR_PLUS, own.pk]
        ),
        "report with breakdowns": reverse("reporting:report", args=[esf.pk]),
        "part's reports": reverse("reporting:part_reports", args=[report.application_id]),
        "part's targets": reverse("reporting:part_targets", args=[report.application_id]),
        "report": reverse("reporting:report", args=[report.pk]),
        "report being filled": reverse("reporting:report", args=[draft.pk]),
        "district import": reverse("reporting:district_import"),
    }
