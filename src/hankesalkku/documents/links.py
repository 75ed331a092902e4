"""The page of a record written from a document, so the review can link to what it made."""


def record_url(record) -> str | None:
    """Every record that has a page says where it is (`get_absolute_url`); others have none."""
    url = getattr(record, "get_absolute_url", None)
    return url() if url is not None else None
