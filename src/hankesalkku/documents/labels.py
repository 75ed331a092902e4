"""Finnish names for the reader's field names and roles, as the review page shows them."""

from django.utils.translation import gettext_lazy as _

FIELD_LABELS = {
    "diary_number": _("Diaarinumero"),
    "classification_code": _("Tehtäväluokka"),
    "project_code": _("Hankekoodi"),
    "section": _("Pykälä tai asiakohta"),
    "decision_date": _("Päätöspäivä"),
    "decision_maker": _("Päätöksentekijä"),
    "title": _("Otsikko"),
    "project_name": _("Hankkeen nimi"),
    "project_acronym": _("Hankkeen lyhenne"),
    "programme": _("Ohjelma"),
    "priority": _("Toimintalinja"),
    "specific_objective": _("Erityistavoite"),
    "funding_authority": _("Rahoittava viranomainen"),
    "cost_model": _("Kustannusmalli"),
    "period_start": _("Hanke alkaa"),
    "period_end": _("Hanke päättyy"),
    "appeal": _("Muutoksenhaku"),
}
AMOUNT_LABELS = {
    "project_total": _("Koko hankkeen kustannukset"),
    "project_support": _("Koko hankkeen tuki"),
    "part_total": _("Osahankkeen kustannukset"),
    "part_support": _("Osahankkeen tuki"),
    "own_financing": _("Omarahoitus"),
    "municipal_financing": _("Kuntarahoitus"),
    "call_budget": _("Haun määräraha"),
    "theme_budget": _("Teeman määräraha"),
    "granted": _("Myönnetty"),
    "other": _("Muu summa"),
}
ORGANISATION_LABELS = {
    "lead_coordinator": _("Pääkoordinaattori"),
    "main_implementer": _("Päätoteuttaja"),
    "co_implementer": _("Osatoteuttaja"),
    "implementer": _("Toteuttaja"),
    "partner": _("Partneri"),
    "authorised_unit": _("Valtuutettu yksikkö"),
    "funding_authority": _("Rahoittava viranomainen"),
    "ministry": _("Ministeriö"),
    "applicant": _("Hakija"),
}
GROUP_TITLES = {
    "field": _("Tiedot"),
    "organisation": _("Organisaatiot"),
    "amount": _("Summat"),
    "call": _("Haut"),
    "district": _("Kaupunginosat"),
}


def value_label(value) -> str:
    if value.group == "field":
        return str(FIELD_LABELS.get(value.name, value.name))
    if value.group == "amount":
        return str(AMOUNT_LABELS.get(value.name, value.name))
    if value.group == "organisation":
        return str(ORGANISATION_LABELS.get(value.name, value.name))
    if value.group == "call":
        return str(_("Haku"))
    return str(_("Kaupunginosa"))
