"""Calls and programmes are public: they are what applicants read before they apply."""


def can_view_call(user, call) -> tuple[bool, str]:
    return True, ""
