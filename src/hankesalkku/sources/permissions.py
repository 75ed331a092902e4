"""Who may open a source reference: whoever may see the record it cites."""

from django.utils.translation import gettext as _


def cited_record_visible(user, target) -> tuple[bool, str]:
    """A cited record is shown only to those its own read rule allows.

    Models with restricted reads give their queryset a `visible_to(user)`; this app knows none
    of them by name, so a new layer's records are covered as soon as they define one.
    """
    if target is None:
        return True, ""
    queryset = type(target)._default_manager.all()
    if hasattr(queryset, "visible_to") and not (
        queryset.visible_to(user).filter(pk=target.pk).exists()
    ):
        return False, _("Lähteen kohde ei ole julkinen.")
    return True, ""
