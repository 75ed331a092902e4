"""Readable, unique URL slugs for any model, so every app names its pages the same way."""

from django.utils.text import slugify


def unique_slug(model, text: str, max_length: int = 100) -> str:
    base = slugify(text)[:max_length].strip("-") or "kohde"
    slug, counter = base, 2
    while model.objects.filter(slug=slug).exists():
        slug = f"{base[: max_length - 4]}-{counter}"
        counter += 1
    return slug
