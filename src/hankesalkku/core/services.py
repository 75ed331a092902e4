"""Shared plumbing for write services: validate fully, save in one transaction, or refuse.

Every service is `<entity>_<verb>(*, actor, ...)`. `save_validated` is the one place where a
model is cleaned and saved, so a database constraint and a form give the same Finnish message.
"""

from django.db import models


def save_validated(instance: models.Model, **save_kwargs) -> models.Model:
    instance.full_clean()
    instance.save(**save_kwargs)
    return instance


def set_fields(instance: models.Model, values: dict) -> models.Model:
    for name, value in values.items():
        setattr(instance, name, value)
    return instance
