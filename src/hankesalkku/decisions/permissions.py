"""Decisions are public documents; only the draft projects linked to them are filtered out."""


def can_view_decision(user, decision) -> tuple[bool, str]:
    return True, ""
