"""Plain HTTP against the running cluster, as a browser sends it: a cookie jar, forms read from
the page (CSRF token included), redirects answered rather than followed, so every status counts.
"""

from __future__ import annotations

import http.cookiejar
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from types import SimpleNamespace

from tests.workflow.factories import form_data


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # a 3xx is the answer; the caller decides whether to follow it


@dataclass
class Answer:
    status: int
    headers: dict
    text: str

    def form(self, form_id: str) -> dict[str, list[str]]:
        """The fields a browser would submit from ``form_id`` on this page."""
        return form_data(SimpleNamespace(content=self.text.encode()), form_id)


@dataclass
class Browser:
    """One reader or editor: its own cookies, talking to one address (proxy or app server)."""

    base: str
    jar: http.cookiejar.CookieJar = field(default_factory=http.cookiejar.CookieJar)

    def __post_init__(self):
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), _NoRedirect)

    def get(self, path: str, *, timeout: float = 10) -> Answer:
        return self._send(urllib.request.Request(self.base + path), timeout)

    def post(self, path: str, data: dict, *, timeout: float = 10) -> Answer:
        """A form POST from this site's own page (Origin and Fetch Metadata as Chromium sends them)."""
        request = urllib.request.Request(
            self.base + path,
            data=urllib.parse.urlencode(data, doseq=True).encode(),
            headers={
                "Origin": self.base,
                "Referer": self.base + path,
                "Sec-Fetch-Site": "same-origin",
                "Content-Type": "application/x-www-form-urlencoded",
            },
            method="POST",
        )
        return self._send(request, timeout)

    def _send(self, request, timeout) -> Answer:
        try:
            with self.opener.open(request, timeout=timeout) as response:
                return Answer(response.status, dict(response.headers), response.read().decode())
        except urllib.error.HTTPError as error:
            with error:
                return Answer(error.code, dict(error.headers), error.read().decode(errors="replace"))

    def cookie(self, name: str) -> str | None:
        return next((c.value for c in self.jar if c.name == name), None)

    def log_in_to_the_admin(self, username: str, password: str) -> None:
        page = self.get("/en/admin/login/?next=/en/admin/")
        assert page.status == 200, page.status
        fields = page.form("login-form")
        fields.update(username=[username], password=[password])
        answer = self.post("/en/admin/login/?next=/en/admin/", fields)
        assert answer.status == 302 and self.cookie("sessionid"), (answer.status, answer.text[:500])
