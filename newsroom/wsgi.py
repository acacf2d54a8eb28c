import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
application = get_wsgi_application()


def _load_urlconf():
    """Import the URLconf, and with it every view (boto3 and the template tags included), now.

    Django imports it on the first request. gunicorn imports this module once, before it forks
    its workers (``preload_app``): loaded here, the modules are shared by every worker instead of
    being imported by each on its first request (half a second of CPU each, then memory apart).
    """
    from django.db import connections
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018 - the import is the point
    connections.close_all()  # nothing opened before the fork may be shared by the workers


_load_urlconf()
