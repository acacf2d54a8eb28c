"""In a real browser, no stored or reflected payload runs: no dialog, no injected element."""

from urllib.parse import quote

import pytest

from comments.models import Comment, Status as CommentStatus
from tests.factories import make_article, make_author, make_image

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MARK = "window.__pwned=1"
PAYLOADS = [
    f"<script>{MARK};alert(1)</script>",
    f'"><img src=x id=injected onerror="{MARK};alert(2)">',
    f'<svg id=injected onload="{MARK}">',
    f'<a id=injected href="javascript:{MARK}">x</a>',
    f'<iframe id=injected src="javascript:{MARK}"></iframe>',
]


def test_no_payload_executes_on_any_page(page, live_server):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    joined = " ".join(PAYLOADS)
    image = make_image(caption_en=joined[:300], credit_en=PAYLOADS[1][:150])
    author = make_author(display_name_en=PAYLOADS[1][:120], bio_en=joined)
    article = make_article(
        authors=[author],
        lead_image=image,
        headline_en=PAYLOADS[0][:250],
        summary_en=joined,
        source_en=PAYLOADS[2][:150],
        body_en=f"<p>Body</p>{joined}",
    )
    for payload in PAYLOADS:
        Comment.objects.create(
            article=article,
            name=payload[:80],
            email="x@example.org",
            body=payload,
            language="en",
            status=CommentStatus.APPROVED,
            consent_at=article.publish_at,
        )
    urls = [
        article.get_absolute_url("en"),
        "/en/",
        author.get_absolute_url(),
        "/en/search/?q=" + quote(PAYLOADS[1]),
        "/en/news/" + quote(PAYLOADS[0]) + "/",
    ]
    for url in urls:
        page.goto(url)
        page.wait_for_load_state("load")
        assert page.evaluate("window.__pwned") is None, url
        assert page.locator("#injected").count() == 0, url
    assert dialogs == []
