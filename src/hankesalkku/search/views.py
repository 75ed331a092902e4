"""The results page: hits across every kind, facets by kind and year, matches highlighted."""

from django.shortcuts import render

from .query import search


def results(request):
    found = search(
        request.user,
        request.GET.get("q", ""),
        kind=request.GET.get("laji", ""),
        year=request.GET.get("vuosi"),
        page=request.GET.get("sivu", 1),
    )
    return render(request, "search/results.html", {"results": found})
