"""What changed between two submitted versions of a part: field by field and figure by figure.

Why from the frozen figures: a supplement is judged against what the authority read before, so
both sides come from `SubmittedVersion.figures`, never from the live record.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop as N_

from hankesalkku.core.money import format_eur

FIELD_LABELS = (
    ("entity", N_("Hankkeen nimi")),
    ("acronym", N_("Lyhenne")),
    ("organisation", N_("Toteuttaja")),
    ("role", N_("Rooli")),
    ("starts", N_("Alkaa")),
    ("ends", N_("Päättyy")),
    ("description", N_("Tavoite ja sisältö")),
    ("target_groups", N_("Kohderyhmät")),
    ("municipal_financing_payer", N_("Kuntarahoituksen maksaja")),
    ("municipal_financing_budget_item", N_("Kuntarahoituksen talousarviokohta")),
)
FINANCING_LABELS = (
    ("total_cost", N_("Kokonaiskustannukset")),
    ("support", N_("Tuki (EU ja valtio)")),
    ("own_financing", N_("Omarahoitus")),
    ("municipal_financing", N_("Kuntarahoitus")),
    ("other_public_financing", N_("Muu julkinen rahoitus")),
    ("private_financing", N_("Yksityinen rahoitus")),
)


@dataclass(frozen=True)
class Change:
    label: str
    before: str
    after: str

    @property
    def changed(self) -> bool:
        return self.before != self.after


def _money(figures: dict, name: str) -> str:
    value = (figures.get("financing") or {}).get(name) or None
    qualifier = (figures.get("qualifiers") or {}).get(name) or "exact"
    return format_eur(value, qualifier) if value else "–"


def _lines(figures: dict) -> dict[tuple, dict]:
    return {(line["year"], line["category"]): line for line in figures.get("lines", [])}


def version_changes(older, newer) -> dict[str, list[Change]]:
    """The two versions side by side in three groups; each row says whether it changed."""
    a, b = older.figures, newer.figures
    fields = [
        Change(_(label), str(a.get(name) or "–"), str(b.get(name) or "–"))
        for name, label in FIELD_LABELS
    ]
    money = [Change(_(label), _money(a, name), _money(b, name)) for name, label in FINANCING_LABELS]
    before, after = _lines(a), _lines(b)
    lines = []
    for key in sorted(set(before) | set(after)):
        old, new = before.get(key), after.get(key)
        label = f"{key[0]} {(new or old)['label']}"
        lines.append(
            Change(
                label,
                format_eur(old["amount"]) if old else "–",
                format_eur(new["amount"]) if new else "–",
            )
        )
    files_a = {x["purpose"]: x for x in a.get("attachments", [])}
    files_b = {x["purpose"]: x for x in b.get("attachments", [])}
    attachments = []
    for purpose in sorted(set(files_a) | set(files_b)):
        old, new = files_a.get(purpose), files_b.get(purpose)
        attachments.append(
            Change(
                purpose,
                f"{old['filename']} ({old['sha256'][:12]})" if old else "–",
                f"{new['filename']} ({new['sha256'][:12]})" if new else "–",
            )
        )
    return {"fields": fields, "financing": money, "lines": lines, "attachments": attachments}
