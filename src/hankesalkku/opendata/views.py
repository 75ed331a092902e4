"""The open-data page and its files: the same output as `hankesalkku opendata`."""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from . import common
from .formats import FORMATS, open_file


@require_safe
def index(request):
    return render(
        request,
        "opendata/index.html",
        {
            "formats": sorted(FORMATS),
            "updated": common.last_update(),
            "licence_name": common.LICENCE_NAME,
            "licence_url": common.LICENCE_URL,
        },
    )


@require_safe
def download(request, fmt):
    if fmt not in FORMATS:
        raise Http404(fmt)
    produced = open_file(fmt, base_url=request.build_absolute_uri("/").rstrip("/"))
    response = HttpResponse(produced.content, content_type=produced.content_type)
    response["Content-Disposition"] = f'attachment; filename="{produced.filename}"'
    response["Last-Modified"] = common.last_update().strftime("%a, %d %b %Y %H:%M:%S %z")
    response["Link"] = f'<{common.LICENCE_URL}>; rel="license"'
    return response
