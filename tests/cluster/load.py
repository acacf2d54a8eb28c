"""A short, bounded load through the proxy while something fails: readers past every cache,
commenters posting the article page's form, readers making their cookie choice. Every answer
is kept, so the test can check each write against what the primary stored.
"""

from __future__ import annotations

import http.client
import itertools
import random
import re
import threading
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field

from django.core import signing

from consent.cookies import SIGNING_SALT, cookie_name
from tests.cluster.web_client import Browser

COMMENT_FORM_ACTION = re.compile(r'<form id="comment-form"[^>]*\baction="([^"#]+)')


@dataclass
class Load:
    reads: Counter = field(default_factory=Counter)
    # e-mail, text, status, and whether the answer was "already posted" (see the VCL's retries)
    comments: list[tuple[str, str, int | str, bool]] = field(default_factory=list)
    consents: list[tuple[str | None, int | str]] = field(default_factory=list)  # consent id, status
    # The answers to comments sent once the outage had begun: proof the load met it.
    comments_after_outage: Counter = field(default_factory=Counter)
    outage_at: float = float("inf")

    def summary(self) -> str:
        return (
            f"reads {dict(self.reads)}; comments {dict(Counter(c[2] for c in self.comments))}; "
            f"cookie choices {dict(Counter(s for _, s in self.consents))}"
        )


def comment_forms(proxy: str, article_paths: list[str]) -> dict[str, tuple[str, dict]]:
    """Each article's comment form, read from its page: where it posts, and its fields."""
    forms = {}
    for path in article_paths:
        page = Browser(proxy).get(path)
        assert page.status == 200, (path, page.status)
        forms[path] = (COMMENT_FORM_ACTION.search(page.text)[1], page.form("comment-form"))
    return forms


def _answer(send) -> tuple[int | str, str]:
    try:
        answer = send()
    except (OSError, http.client.HTTPException):  # no answer at all: refused, reset, timed out
        return "no answer", ""
    return answer.status, answer.text


def run_load(
    proxy: str,
    article_paths: list[str],
    *,
    seconds: float,
    during,
    secret_key: str,
    at: float = 1.0,
    readers: int = 4,
    writers: int = 2,
) -> Load:
    """``readers`` threads GET uncached articles and ``writers`` threads post comments (and every
    third turn a cookie choice) for ``seconds``; ``during()`` runs ``at`` seconds in."""
    forms = comment_forms(proxy, article_paths)
    load = Load()
    lock = threading.Lock()
    numbers = itertools.count()
    run = uuid.uuid4().hex[:8]
    deadline = time.monotonic() + seconds

    def read():
        while time.monotonic() < deadline:
            # An unknown query parameter bypasses both caches: every request reaches an app server.
            path = f"{random.choice(article_paths)}?load={random.random()}"
            status, _ = _answer(lambda p=path: Browser(proxy).get(p))
            with lock:
                load.reads[status] += 1

    def write():
        while time.monotonic() < deadline:
            n = next(numbers)
            action, fields = forms[random.choice(article_paths)]
            # Distinct e-mail and text each time: neither the duplicate rule nor a returning
            # commenter's trust applies, every comment is held for moderation.
            email, body = f"reader-{run}-{n}@example.org", f"Comment {run}-{n} on the story."
            data = {**fields, "name": [f"Reader {n}"], "email": [email], "body": [body], "consent": ["on"]}
            after_outage = time.monotonic() >= load.outage_at
            status, text = _answer(lambda a=action, d=data: Browser(proxy).post(a, d))
            with lock:
                load.comments.append((email, body, status, "already posted this comment" in text))
                if after_outage:
                    load.comments_after_outage[status] += 1
            if n % 3 == 0:
                reader = Browser(proxy)
                choice = {"action": [random.choice(["accept", "reject"])], "next": ["/en/"]}
                status, _ = _answer(lambda r=reader, c=choice: r.post("/en/cookies/", c))
                with lock:
                    load.consents.append((_consent_id(reader, secret_key), status))

    threads = [threading.Thread(target=read) for _ in range(readers)]
    threads += [threading.Thread(target=write) for _ in range(writers)]
    for thread in threads:
        thread.start()
    time.sleep(at)
    load.outage_at = time.monotonic()
    during()
    for thread in threads:
        thread.join()
    return load


def _consent_id(reader: Browser, secret_key: str) -> str | None:
    """The id of the choice the app answered with (its signed consent cookie), if it answered."""
    value = reader.cookie(cookie_name())
    if value is None:
        return None
    return signing.loads(value.strip('"'), key=secret_key, salt=SIGNING_SALT)["id"]
