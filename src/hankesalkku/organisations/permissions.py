"""Organisations are public; what they take part in is filtered by the projects' own rules."""


def can_view_organisation(user, organisation) -> tuple[bool, str]:
    return True, ""
