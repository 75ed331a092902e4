import os

from django.core.wsgi import get_wsgi_application

from hankesalkku.operations.heap import settle_heap

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hankesalkku.settings")
application = get_wsgi_application()
settle_heap()  # after Django has loaded everything it keeps
