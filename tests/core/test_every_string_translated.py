"""A Swedish or English reader meets no Finnish label: every string the templates translate and
every model's and field's name has a Swedish and an English translation in the catalogues."""

import re
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.contenttypes.fields import GenericForeignKey
from django.utils.translation import trans_real

import hankesalkku

PACKAGE = Path(hankesalkku.__file__).resolve().parent
# {% translate "…" %} and {% trans '…' %}, with or without context or "as"; blocktranslate
# bodies are checked through the catalogue's own entries (makemessages writes them).
TRANSLATE_TAG = re.compile(r"{%\s*(?:translate|trans)\s+(\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*')")


def template_strings() -> set[str]:
    found = set()
    for path in PACKAGE.glob("*/templates/**/*.html"):
        for literal in TRANSLATE_TAG.findall(path.read_text(encoding="utf-8")):
            found.add(literal[1:-1])
    return found


def model_labels() -> set[str]:
    labels = set()
    for model in apps.get_app_config("core").apps.get_models():
        if not model.__module__.startswith("hankesalkku."):
            continue
        labels.add(str(model._meta.verbose_name))
        labels.add(str(model._meta.verbose_name_plural))
        for field in model._meta.get_fields(include_hidden=False):
            # A GenericForeignKey is no form field: its two columns carry the labels.
            if field.auto_created or isinstance(field, GenericForeignKey):
                continue
            labels.add(str(field.verbose_name))
    return labels


@pytest.mark.parametrize("language", ["sv", "en"])
def test_every_template_string_and_model_label_has_a_translation(language):
    catalog = trans_real.translation(language)._catalog
    missing = sorted(
        text
        for text in template_strings() | model_labels()
        if not catalog.get(text) and text.lower() == text.lower().strip() and _finnish(text)
    )
    assert not missing, f"{len(missing)} strings without {language}: " + "; ".join(missing[:30])


def _finnish(text: str) -> bool:
    """Strings that are names in every language ("Hankesalkku", "SHA-256", "Y-tunnus" has one)
    need no entry; anything with a lowercase letter is taken as words to translate."""
    return bool(re.search(r"[a-zäö]{3}", text)) and text not in {"Hankesalkku"}
