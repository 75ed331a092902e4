from django.http import HttpResponse


def placeholder(request, *args, **kwargs):  # replaced as each page is built
    return HttpResponse("…")
