from functools import wraps

from django.urls import URLPattern, URLResolver, path, re_path
from django.utils.translation import gettext_lazy as _

from api.cors import add_cors_headers, preflight_response
from api.problems import PROBLEM_TYPE, ApiProblem, problem_response
from api.views import api


def _problem_answers(view):
    """HEAD answered as GET (servers send no body), OPTIONS as a CORS preflight, ninja's bare
    405 as a problem document; cross-origin headers on every answer (``api.cors``)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method == "OPTIONS":
            return preflight_response()
        return add_cors_headers(request, _answer(view, request, *args, **kwargs))

    return wrapped


def _answer(view, request, *args, **kwargs):
    head = request.method == "HEAD"
    if head:
        request.method = "GET"
    try:
        response = view(request, *args, **kwargs)
    finally:
        if head:
            request.method = "HEAD"
    if response.status_code == 405 and response.get("Content-Type") != PROBLEM_TYPE:
        problem = ApiProblem(
            405,
            "method_not_allowed",
            _("This address only answers GET: the API is read-only."),
            headers={"Allow": response["Allow"]},
        )
        return problem_response(request, problem)
    return response


def _wrap(patterns):
    for pattern in patterns:
        if isinstance(pattern, URLPattern):
            pattern.callback = _problem_answers(pattern.callback)
        elif isinstance(pattern, URLResolver):
            _wrap(pattern.url_patterns)
    return patterns


@_problem_answers
def not_found(request, rest=""):
    return problem_response(request, ApiProblem(404, "no_such_endpoint", _("There is no such API address.")))


ninja_patterns, ninja_app, ninja_namespace = api.urls
urlpatterns = [
    path("v1/", (_wrap(ninja_patterns), ninja_app, ninja_namespace)),
    re_path(r"^(?P<rest>.*)$", not_found),
]
