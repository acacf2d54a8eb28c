"""Errors as RFC 9457 problem details (``application/problem+json``), in the reader's language.

Every error the API answers has ``type`` (``about:blank``: the status says it all), ``title``
(the status in words), ``status``, ``detail`` (what went wrong this time) and ``code``, an
extension member that programs can branch on without parsing text. Titles and details are
translated: into ``?lang=`` when it names a site language, else the ``Accept-Language`` choice.
"""

import json

from django.conf import settings
from django.http import HttpResponse
from django.utils import translation
from django.utils.translation import gettext as _, gettext_lazy

from web.outage import DATABASE_UNAVAILABLE, retry_after

PROBLEM_TYPE = "application/problem+json"

TITLES = {
    400: gettext_lazy("Bad request"),
    401: gettext_lazy("Unauthorized"),
    404: gettext_lazy("Not found"),
    405: gettext_lazy("Method not allowed"),
    422: gettext_lazy("Invalid parameters"),
    429: gettext_lazy("Too many requests"),
    500: gettext_lazy("Server error"),
    503: gettext_lazy("Service unavailable"),
}


class ApiProblem(Exception):
    """An error answer. ``detail`` is a lazy translation (with ``params`` for its placeholders),
    translated when the answer is written, in the reader's language."""

    def __init__(self, status: int, code: str, detail, *, params=None, headers=None, **extra):
        super().__init__(code)
        self.status, self.code, self.detail, self.params = status, code, detail, params
        self.headers = headers or {}
        self.extra = extra


def problem_language(request) -> str:
    codes = [code for code, _name in settings.LANGUAGES]
    asked = request.GET.get("lang", "")
    if asked in codes:
        return asked
    return (translation.get_language_from_request(request) or settings.LANGUAGE_CODE).split("-")[0]


def problem_response(request, problem: ApiProblem) -> HttpResponse:
    language = problem_language(request)
    with translation.override(language):
        body = {
            "type": "about:blank",
            "title": str(TITLES.get(problem.status, _("Error"))),
            "status": problem.status,
            "detail": str(problem.detail) % problem.params if problem.params else str(problem.detail),
            "instance": request.get_full_path(),
            "code": problem.code,
            **problem.extra,
        }
    response = HttpResponse(
        json.dumps(body, ensure_ascii=False), status=problem.status, content_type=PROBLEM_TYPE
    )
    response["Content-Language"] = language
    response["Cache-Control"] = "no-store"
    for name, value in problem.headers.items():
        response[name] = value
    return response


def install_handlers(api) -> None:
    """Every error ninja or our code raises becomes a problem document."""
    from django.http import Http404
    from ninja.errors import AuthenticationError, HttpError, ValidationError

    @api.exception_handler(ApiProblem)
    def on_problem(request, exc):
        return problem_response(request, exc)

    @api.exception_handler(Http404)
    def on_not_found(request, exc):
        return problem_response(
            request, ApiProblem(404, "not_found", gettext_lazy("Nothing is published here."))
        )

    @api.exception_handler(ValidationError)
    def on_invalid(request, exc):
        errors = [
            {"name": ".".join(str(part) for part in error.get("loc", ())[1:]), "reason": error.get("msg", "")}
            for error in exc.errors
        ]
        return problem_response(
            request,
            ApiProblem(
                422, "invalid_parameters", gettext_lazy("Some parameters are not valid."), errors=errors
            ),
        )

    @api.exception_handler(AuthenticationError)
    def on_unauthenticated(request, exc):
        return problem_response(
            request, ApiProblem(401, "invalid_key", gettext_lazy("This API key is not valid."))
        )

    @api.exception_handler(HttpError)
    def on_http_error(request, exc):
        return problem_response(request, ApiProblem(exc.status_code, "error", str(exc)))

    def on_database_outage(request, exc):
        # Temporary (see web/outage.py): the client should come back, not report a bug.
        return problem_response(
            request,
            ApiProblem(
                503,
                "unavailable",
                gettext_lazy("The service is briefly unavailable. Try again in a few seconds."),
                headers={"Retry-After": retry_after()},
            ),
        )

    for error_class in DATABASE_UNAVAILABLE:
        api.add_exception_handler(error_class, on_database_outage)
