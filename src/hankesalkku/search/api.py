"""`GET /api/v1/search/?q=…`: the results page as JSON, for the same viewer (token, session or
the public), with the same facets. Any input is a query: no words is an empty result with the
reason, never an error; an unknown kind or year is ignored, as on the page."""

from django.urls import path
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.authentication import SessionAuthentication
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from hankesalkku.accounts.authentication import ApiTokenAuthentication

from .models import EntryKind
from .query import MAX_PAGE, search

HIT_FIELDS = {
    "kind": serializers.ChoiceField(choices=EntryKind.choices),
    "id": serializers.IntegerField(),
    "title": serializers.CharField(),
    "url": serializers.CharField(),
    "year": serializers.IntegerField(allow_null=True),
}
RESULTS = inline_serializer(
    "SearchResults",
    {
        "query": serializers.CharField(),
        "total": serializers.IntegerField(),
        "estimated": serializers.BooleanField(),
        "page": serializers.IntegerField(),
        "empty_reason": serializers.CharField(),
        "kinds": serializers.DictField(child=serializers.IntegerField()),
        "years": serializers.DictField(child=serializers.IntegerField()),
        "hits": inline_serializer("SearchHit", HIT_FIELDS, many=True),
    },
)


class SearchView(APIView):
    """Projects, organisations, decisions, calls and documents matching the words in any
    inflected form, best first; drafts only for those who may see them."""

    authentication_classes = [ApiTokenAuthentication, SessionAuthentication]
    permission_classes = [AllowAny]

    @extend_schema(
        operation_id="search",
        parameters=[
            OpenApiParameter("q", OpenApiTypes.STR, description="words in any inflected form"),
            OpenApiParameter("kind", OpenApiTypes.STR, enum=EntryKind.values),
            OpenApiParameter("year", OpenApiTypes.INT),
            OpenApiParameter("page", OpenApiTypes.INT, description=f"1–{MAX_PAGE}"),
        ],
        responses=RESULTS,
    )
    def get(self, request):
        params = request.query_params
        found = search(
            request.user,
            params.get("q", ""),
            kind=params.get("kind", ""),
            year=params.get("year"),
            page=params.get("page", 1),
        )
        body = found.as_json()
        body.update(page=found.page, empty_reason=found.empty_reason)
        return Response(body)


URLS = [path("search/", SearchView.as_view(), name="search")]
