"""No lost updates: the second of two overlapping saves is refused, and loses nothing."""

import threading

import pytest
from django.db import connection
from django.test import Client

from articles.models import Article
from tests.factories import make_article
from tests.workflow.factories import change_url, form_data, make_role_user, post_article_form

pytestmark = pytest.mark.django_db


def test_second_save_from_an_old_form_is_refused_with_what_changed_and_by_whom(client):
    alice = make_role_user("editor", username="alice")
    bob = make_role_user("editor", username="bob")
    article = make_article(headline_en="Original", summary_ar="ملخص")
    # Both open the article.
    client.force_login(alice)
    alice_form = form_data(client.get(change_url(article)))
    other = Client()
    other.force_login(bob)
    post_article_form(other, article)  # Bob's first save records the version both loaded...
    alice_form = form_data(client.get(change_url(article)))
    bob_form = form_data(other.get(change_url(article)))
    # ...then Bob saves a new headline and Arabic summary.
    bob_form.update(headline_en=["Bob's headline"], summary_ar=["ملخص بوب"], _save=["Save"])
    assert other.post(change_url(article), bob_form).status_code == 302
    # Alice, still on her old form, saves her own body text.
    alice_form.update(body_en=["<p>Alice wrote this.</p>"], _save=["Save"])
    response = client.post(change_url(article), alice_form)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Not saved" in page
    assert "bob" in page
    assert "changed: headline (English), summary (Arabic)" in page
    # Nothing of Bob's was overwritten, and Alice's text is still in her form.
    article.refresh_from_db()
    assert article.headline_en == "Bob's headline"
    assert article.body_en != "<p>Alice wrote this.</p>"
    assert "Alice wrote this." in page
    # Saving again, having read the message, is a deliberate choice and goes through.
    again = form_data(response)
    again["_save"] = ["Save"]
    assert client.post(change_url(article), again).status_code == 302
    article.refresh_from_db()
    assert article.body_en == "<p>Alice wrote this.</p>"


def test_a_workflow_step_in_between_also_refuses_the_old_form(client):
    from articles import services

    editor = make_role_user("editor")
    client.force_login(editor)
    article = make_article()
    stale_form = form_data(client.get(change_url(article)))
    services.article_unpublish(article=article, by=make_role_user("editor"))
    stale_form.update(headline_en=["Edited"], _save=["Save"])
    response = client.post(change_url(article), stale_form)
    assert response.status_code == 200
    assert "Not saved" in response.content.decode()
    article.refresh_from_db()
    assert article.status == "unpublished"
    assert article.headline_en != "Edited"


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_saves_of_the_same_version_cannot_both_win():
    """The row lock makes the second request wait for the first, then see its new version."""
    editor_a, editor_b = make_role_user("editor"), make_role_user("editor")
    article = make_article(headline_en="Start")
    clients = []
    for user, headline in ((editor_a, "From A"), (editor_b, "From B")):
        c = Client()
        c.force_login(user)
        data = form_data(c.get(change_url(article)))
        data.update(headline_en=[headline], _save=["Save"])
        clients.append((c, data))
    barrier = threading.Barrier(2)
    results = []

    def save(c, data):
        try:
            barrier.wait()
            results.append(c.post(change_url(article), data).status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=save, args=pair) for pair in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert sorted(results) == [200, 302]  # one saved, one refused
    assert Article.objects.get(pk=article.pk).version == article.version + 1
