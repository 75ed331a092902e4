"""Formatting every page shares: money with its qualifier, rates, periods and "lähde" links.

A figure and its source link are rendered by the same tag so that no page can show a number
from a document without the way back to the sentence it came from.
"""

from django import template
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

from hankesalkku.core.dates import format_date
from hankesalkku.core.money import Qualifier, format_eur, format_rate

register = template.Library()


@register.filter
def eur(amount, qualifier=Qualifier.EXACT):
    return format_eur(amount, qualifier or Qualifier.EXACT)


@register.filter
def rate(value):
    return format_rate(value)


@register.filter
def local_date(value):
    """The shared date filter: '1.9.2024' (fi, sv), '1 Sep 2024' (en); ISO strings too."""
    return format_date(value)


def _refs_for(refs, obj, field: str) -> list:
    if not refs or obj is None:
        return []
    return refs.get((type(obj), obj.pk, field), [])


@register.simple_tag
def source_link(refs, obj, *fields):
    """Small "lähde" links for the references of the given fields ("" = the whole record).

    Several fields often rest on one sentence (a call's opening and closing dates); that
    sentence gets one link, not one per field.
    """
    found, seen = [], set()
    for field in fields or ("",):
        for ref in _refs_for(refs, obj, field):
            key = (ref.document_id, ref.quote)
            if key not in seen:
                seen.add(key)
                found.append(ref)
    if not found:
        return ""
    return format_html_join(
        " ",
        # The document's name is part of the link's text, hidden from sight, not an
        # aria-label: a spoken name must contain the visible word (WCAG 2.5.3).
        '<a class="source-link" href="{}" title="{}">{}<span class="visually-hidden">: {}</span></a>',
        (
            (
                reverse("sources:source", args=[ref.pk]),
                ref.quote,
                _("lähde") if len(found) == 1 else _("lähde %(n)s") % {"n": index},
                ref.document.title,
            )
            for index, ref in enumerate(found, start=1)
        ),
    )


@register.simple_tag
def amount(refs, obj, field, qualifier_field=None):
    """The figure `obj.<field>` with its qualifier and source link: 'enintään 123 750 € lähde'."""
    value = getattr(obj, field, None)
    qualifier = getattr(obj, qualifier_field or f"{field}_qualifier", Qualifier.EXACT)
    text = format_eur(value, qualifier or Qualifier.EXACT)
    if value is None:
        return format_html('<span class="muted" title="{}">{}</span>', _("ei tiedossa"), text)
    return format_html("{}{}", text, source_link(refs, obj, field))


@register.filter
def period(obj):
    """'1.9.2024–31.8.2027', or '2025–2027' when the document only gives the years."""
    starts, ends = getattr(obj, "starts", None), getattr(obj, "ends", None)
    if not starts and not ends:
        return "–"
    if getattr(obj, "period_years_only", False):
        return f"{starts.year if starts else ''}–{ends.year if ends else ''}"
    return f"{local_date(starts) if starts else ''}–{local_date(ends) if ends else ''}"


@register.filter
def years(obj):
    starts, ends = getattr(obj, "starts_year", None), getattr(obj, "ends_year", None)
    if not starts and not ends:
        return ""
    if starts == ends:
        return str(starts)
    return f"{starts or ''}–{ends or ''}"


@register.filter
def rate_of(part, whole):
    from hankesalkku.core.money import support_rate

    return format_rate(support_rate(part, whole))


class CaptureNode(template.Node):
    def __init__(self, nodelist, name):
        self.nodelist, self.name = nodelist, name

    def render(self, context):
        context[self.name] = self.nodelist.render(context).strip()
        return ""


@register.tag
def capture(parser, token):
    """`{% capture as name %}…{% endcapture %}`: a block's output as a variable, so the base
    template can tell whether a page gave a title (`{% if self.title %}` is not Django)."""
    bits = token.split_contents()
    if len(bits) != 3 or bits[1] != "as":
        raise template.TemplateSyntaxError("usage: {% capture as name %}…{% endcapture %}")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[2])
