"""Finnish first: the language is Finnish until the person picks another one.

Django's LocaleMiddleware would follow the browser's Accept-Language; our users share
Finnish-language links and expect Finnish pages whatever their browser says.
"""


class IgnoreBrowserLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)
