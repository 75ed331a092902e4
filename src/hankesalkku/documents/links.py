"""The page of a record written from a document, so the review can link to what it made."""

from django.urls import NoReverseMatch


def record_url(record) -> str | None:
    """Every record that has a page says where it is (`get_absolute_url`)."""
    url = getattr(record, "get_absolute_url", None)
    if url is None:
        return None
    try:
        return url()
    except NoReverseMatch:
        return None
