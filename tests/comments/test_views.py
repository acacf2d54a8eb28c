"""The public form: a plain POST, a redirect with a message, errors shown with the input kept."""

import pytest
from django.contrib.messages import get_messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation

from comments import views
from comments.models import Comment, Status
from tests.comments.factories import SAME_ORIGIN, form_data, make_comment, post_comment, rules
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def test_valid_comment_is_held_and_the_reader_is_sent_back_with_a_message(client):
    article = make_article()
    response = post_comment(client, article, name="Omar", body="Good piece.")
    assert response.status_code == 302
    assert response["Location"] == article.get_absolute_url("en") + "#comments"
    comment = Comment.objects.get()
    assert (comment.name, comment.body, comment.status, comment.language) == (
        "Omar",
        "Good piece.",
        Status.PENDING,
        "en",
    )
    assert comment.consent_at is not None
    assert comment.ip
    page = client.get(response["Location"])
    assert "Your comment is awaiting moderation." in page.content.decode()
    assert "Good piece." not in page.content.decode()  # not shown before approval


def test_arabic_reader_gets_the_message_in_arabic(client):
    article = make_article()
    response = post_comment(client, article, language="ar", body="مقال ممتاز")
    assert response["Location"] == article.get_absolute_url("ar") + "#comments"
    assert Comment.objects.get().language == "ar"
    page = client.get(response["Location"])
    assert "تعليقك بانتظار المراجعة" in page.content.decode()


def test_trusted_commenter_is_taken_to_the_published_comment(client):
    article = make_article()
    make_comment(name="Omar", email="omar@example.org")
    response = post_comment(client, article, name="Omar", email="omar@example.org", body="Again, good.")
    comment = Comment.objects.get(body="Again, good.")
    assert comment.status == Status.APPROVED
    assert response["Location"] == f"{article.get_absolute_url('en')}#comment-{comment.pk}"
    assert "Again, good." in client.get(response["Location"]).content.decode()


def test_honeypot_spam_gets_the_same_answer_as_a_held_comment(client):
    article = make_article()
    response = post_comment(client, article, website="http://spam.example")
    assert response["Location"].endswith("#comments")
    assert Comment.objects.get().status == Status.SPAM


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"consent": None}, "consent", "agree to the storage of your data"),
        ({"name": ""}, "name", "Please write your name."),
        ({"email": ""}, "email", "Please give your email address"),
        ({"email": "not-an-address"}, "email", "does not look right"),
        ({"body": "   "}, "body", "Please write your comment."),
        ({"body": "x"}, "body", "too short"),
        ({"body": "z" * 5001}, "body", "the limit is 5000"),
    ],
)
def test_form_error_is_shown_and_the_readers_input_is_kept(client, changes, field, message):
    article = make_article()
    data = {"name": "Rana Kept", "email": "rana@example.org", "body": "My kept words", **changes}
    response = post_comment(client, article, **data)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert 'id="comment-form-errors"' in html
    assert f'id="id_{field}_error"' in html
    for key in ("name", "email", "body"):
        if data[key] and key != field:
            assert data[key] in html
    assert not Comment.objects.exists()


def test_posting_too_fast_is_refused_with_the_text_kept(client):
    article = make_article()
    post_comment(client, article, ip="203.0.113.77")
    response = post_comment(client, article, ip="203.0.113.77", body="Second thought, kept.")
    assert response.status_code == 400
    html = response.content.decode()
    assert "too quickly" in html
    assert "Second thought, kept." in html
    assert Comment.objects.count() == 1


def test_duplicate_comment_is_refused_with_a_message(client):
    rules(flood_interval=0)
    article = make_article()
    post_comment(client, article, email="dup@example.org", body="Same again.")
    response = post_comment(client, article, email="dup@example.org", body="Same again.")
    assert response.status_code == 400
    assert "already posted this comment" in response.content.decode()
    assert Comment.objects.count() == 1


def test_error_page_in_arabic_speaks_arabic(client):
    article = make_article()
    response = post_comment(client, article, language="ar", consent=None, body="نص محفوظ")
    assert response.status_code == 400
    html = response.content.decode()
    assert 'lang="ar"' in html
    assert "نص محفوظ" in html
    assert "لم يُرسَل تعليقك" in html


@pytest.mark.parametrize(
    "data",
    [
        {"body": "nul\x00byte"},
        {"name": "\x00"},
        {"parent": "abc"},
        {"parent": "99999999999999999999999"},
        {"parent": "-1"},
        {"parent": "123456"},
        {"email": "a" * 300 + "@example.org"},
        {"name": "n" * 500},
        {"website": "w" * 5000},
        {"consent": "maybe"},
        {"notify_on_approval": "\x00"},
    ],
)
def test_malformed_input_never_causes_a_server_error(client, data):
    response = post_comment(client, make_article(), **data)
    assert response.status_code in (302, 400)


def test_post_from_another_site_is_refused_and_nothing_is_stored(client):
    article = make_article()
    response = client.post(
        reverse("comments:post", args=[article.pk]), form_data(), HTTP_ORIGIN="https://evil.example"
    )
    assert response.status_code == 403
    assert not Comment.objects.exists()


def test_form_is_usable_without_a_csrf_token(client):
    """The public page is cached and shared: its form carries no per-reader token."""
    article = make_article()
    html = client.get(article.get_absolute_url("en")).content.decode()
    assert "csrfmiddlewaretoken" not in html
    assert f'action="{reverse("comments:post", args=[article.pk])}#comment-form"' in html


def test_get_on_the_form_target_is_not_allowed(client):
    assert client.get(reverse("comments:post", args=[make_article().pk])).status_code == 405


def test_comment_on_an_article_not_live_in_that_language_is_not_found(client):
    article = make_article(languages=("en",))
    assert post_comment(client, article, language="ar").status_code == 404
    assert post_comment(client, make_article(status="draft")).status_code == 404


def test_closed_article_shows_a_note_instead_of_the_form(client):
    article = make_article(comments_open=False)
    make_comment(article=article, body="Said before closing.")
    html = client.get(article.get_absolute_url("en")).content.decode()
    assert "Comments are closed on this article." in html
    assert 'id="comment-form"' not in html
    assert "Said before closing." in html


def test_post_to_a_closed_article_is_refused(client):
    article = make_article(comments_open=False)
    response = post_comment(client, article)
    assert response.status_code == 400
    assert "Comments are closed on this article." in response.content.decode()
    assert not Comment.objects.exists()


def test_consent_text_says_what_is_kept_and_links_to_the_policy(client):
    html = client.get(make_article().get_absolute_url("en")).content.decode()
    assert "IP address and browser details for 30 days" in html
    with translation.override("en"):
        try:
            policy = reverse("privacy_policy")
        except Exception:
            policy = "/en/privacy/"
    assert f'<a href="{policy}">Privacy &amp; Cookies Policy</a>' in html


def test_honeypot_is_hidden_by_css_not_inline_style(client):
    html = client.get(make_article().get_absolute_url("en")).content.decode()
    assert 'class="comment-form__hp" aria-hidden="true"' in html
    assert "style=" not in html.split('id="comments"')[1]


# -- the "remember me" cookie (the consent middleware decides later whether it is kept) --------


def _call_view(data, cookies=None):
    article = make_article()
    with translation.override("en"):
        request = RequestFactory().post(
            reverse("comments:post", args=[article.pk]), data, REMOTE_ADDR="192.0.2.9", **SAME_ORIGIN
        )
        request.COOKIES.update(cookies or {})
        request._messages = CookieStorage(request)
        response = views.post_comment(request, article_id=article.pk)
    return request, response


def test_remember_me_sets_the_comment_author_cookie_for_a_year():
    request, response = _call_view(form_data(name="Zaid Ali", email="zaid@example.org", remember="on"))
    cookie = response.cookies["comment_author"]
    assert "Zaid%20Ali" in cookie.value
    assert "zaid%40example.org" in cookie.value
    assert cookie["max-age"] == 365 * 24 * 60 * 60
    assert not cookie["httponly"]
    assert [str(m) for m in get_messages(request)] == ["Thank you. Your comment is awaiting moderation."]


def test_remember_me_keeps_the_website_too_when_one_was_given():
    _request, response = _call_view(
        form_data(name="Zaid", email="zaid@example.org", url="https://zaid.example.org/", remember="on")
    )
    assert "url=https%3A%2F%2Fzaid.example.org%2F" in response.cookies["comment_author"].value


def test_without_remember_me_an_old_cookie_is_removed():
    _request, response = _call_view(form_data(), cookies={"comment_author": "name=Old"})
    assert response.cookies["comment_author"]["max-age"] == 0


def test_without_remember_me_no_cookie_is_set():
    _request, response = _call_view(form_data())
    assert "comment_author" not in response.cookies


# -- replies -----------------------------------------------------------------------------------


def test_reply_page_shows_the_comment_and_a_form_for_the_reply(client):
    parent = make_comment(name="Nadia", body="Where is the source?")
    response = client.get(reverse("comments:reply", args=[parent.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Where is the source?" in html
    assert f'name="parent" value="{parent.pk}"' in html
    assert "Reply to Nadia" in html


def test_reply_is_stored_under_its_parent(client):
    parent = make_comment()
    response = post_comment(client, parent.article, parent=str(parent.pk), body="Here it is.")
    assert response.status_code == 302
    reply = Comment.objects.get(body="Here it is.")
    assert reply.parent == parent


def test_reply_with_errors_shows_the_reply_page_again(client):
    parent = make_comment(body="Original remark")
    response = post_comment(client, parent.article, parent=str(parent.pk), consent=None, body="My reply text")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Original remark" in html
    assert "My reply text" in html
    assert f'name="parent" value="{parent.pk}"' in html


def test_reply_to_a_comment_that_is_not_public_is_refused(client):
    parent = make_comment(status=Status.PENDING)
    response = post_comment(client, parent.article, parent=str(parent.pk))
    assert response.status_code == 400
    assert "not available" in response.content.decode()
    assert Comment.objects.count() == 1


def test_reply_page_of_a_comment_that_is_not_public_is_not_found(client):
    assert (
        client.get(reverse("comments:reply", args=[make_comment(status=Status.PENDING).pk])).status_code
        == 404
    )


def test_reply_page_of_a_reply_leads_to_the_thread(client):
    parent = make_comment()
    reply = make_comment(article=parent.article, parent=parent)
    response = client.get(reverse("comments:reply", args=[reply.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("comments:reply", args=[parent.pk])


def test_permalink_leads_to_the_page_of_comments_that_shows_it(client):
    rules(comments_per_page=2)
    article = make_article()
    comments = [make_comment(article=article) for _ in range(3)]
    response = client.get(reverse("comments:permalink", args=[comments[2].pk]))
    assert response["Location"] == f"{article.get_absolute_url('en')}?page=2#comment-{comments[2].pk}"
    hidden = make_comment(article=article, status=Status.SPAM)
    assert client.get(reverse("comments:permalink", args=[hidden.pk])).status_code == 404
