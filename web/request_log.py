"""Request logging and the response headers Django has no setting for.

* ``RequestLogMiddleware`` writes one line per request: method, path, status, duration, and
  whether the page came from the cache. No addresses, query strings, user names or e-mails:
  query strings may carry search terms, and logs outlive the comment-IP retention period.
* ``RedactPersonalData`` masks e-mail and IP addresses in every log record, whoever logs it.
* ``SecurityHeadersMiddleware`` adds Permissions-Policy and gives admin pages the relaxed CSP
  that CKEditor needs (``ADMIN_CSP``), leaving public pages on the strict ``SECURE_CSP``.
"""

import logging
import re
import time

from django.conf import settings

# The logger keeps its historical name: log filters and alerts in deployments select on it.
logger = logging.getLogger("newsroom.request")

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_IPV4 = re.compile(r"\b(?:\d{1,3}\.){3}\d{1,3}\b")
_IPV6 = re.compile(r"\b(?:[0-9a-fA-F]{1,4}:){2,7}[0-9a-fA-F]{1,4}\b")


def redact(text: str) -> str:
    return _IPV6.sub("[ip]", _IPV4.sub("[ip]", _EMAIL.sub("[email]", text)))


class RedactPersonalData(logging.Filter):
    def filter(self, record):
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        return True


class RequestLogMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        duration_ms = (time.perf_counter() - started) * 1000
        cache = response.headers.get("X-Cache", "-")
        logger.info(
            "%s %s %s %.1fms cache=%s", request.method, request.path, response.status_code, duration_ms, cache
        )
        return response


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefixes = tuple(getattr(settings, "ADMIN_PATH_PREFIXES", ()))

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        if self.admin_prefixes and request.path.startswith(self.admin_prefixes):
            # Read by django.middleware.csp, which runs after us on the way out.
            response._csp_config = settings.ADMIN_CSP
        return response
