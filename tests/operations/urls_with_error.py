"""The site's URLs and one view that fails, for test_request_ids.py."""

from django.urls import path

from hankesalkku.urls import urlpatterns as site_urlpatterns


def failing_view(request):
    raise RuntimeError("kokeellinen virhe")


urlpatterns = [*site_urlpatterns, path("kaatuu/", failing_view)]
