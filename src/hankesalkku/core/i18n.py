"""Official names in Finnish and Swedish (and English where one exists), read in the UI language.

A translated field is a plain `name`, `name_sv`, `name_en` triple: few enough that a dependency
would cost more than it saves, and the Finnish name is always the fallback.
"""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


def translated_name_fields(max_length: int = 300):
    return (
        models.CharField(_("nimi"), max_length=max_length),
        models.CharField(_("nimi ruotsiksi"), max_length=max_length, blank=True),
        models.CharField(_("nimi englanniksi"), max_length=max_length, blank=True),
    )


def localized(obj, field: str = "name", language: str | None = None) -> str:
    language = (language or get_language() or "fi")[:2]
    if language != "fi":
        value = getattr(obj, f"{field}_{language}", "")
        if value:
            return value
    return getattr(obj, field)


class TranslatedNameMixin:
    @property
    def display_name(self) -> str:
        return localized(self, "name")

    def __str__(self) -> str:
        return self.display_name
