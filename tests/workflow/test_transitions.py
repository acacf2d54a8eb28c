"""Workflow transitions as services: permission, state, records, revisions, scheduling."""

from datetime import timedelta

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from reversion.models import Version

from articles import services
from articles.models import Article, ArticleTransition, Status
from tests.factories import make_article, make_user
from tests.workflow.factories import make_draft, make_role_user

pytestmark = pytest.mark.django_db


def test_submit_records_who_when_from_to_and_note():
    writer = make_role_user("writer")
    article = make_draft(by=writer)
    before = timezone.now()
    article = services.article_submit(article=article, by=writer, note="  First draft done ")
    step = ArticleTransition.objects.get(article=article)
    assert (step.from_status, step.to_status, step.by, step.note) == (
        "draft",
        "review",
        writer,
        "First draft done",
    )
    assert step.at >= before


def test_every_transition_keeps_a_revision_with_its_comment():
    editor = make_role_user("editor")
    article = make_draft(by=editor)
    services.article_publish(article=article, by=editor, note="Checked the figures")
    version = Version.objects.get_for_object(article).get()
    assert version.revision.user == editor
    assert "Published." in version.revision.get_comment()
    assert "Checked the figures" in version.revision.get_comment()


def test_transitions_bump_the_version():
    editor = make_role_user("editor")
    article = make_draft(by=editor)
    start = Article.objects.get(pk=article.pk).version
    services.article_submit(article=article, by=editor)
    services.article_publish(article=article, by=editor)
    assert Article.objects.get(pk=article.pk).version == start + 2


@pytest.mark.parametrize(
    ("role", "transition", "allowed"),
    [
        ("writer", "submit", True),
        ("writer", "publish", False),
        ("writer", "unpublish", False),
        ("writer", "archive", False),
        ("translator", "submit", False),
        ("translator", "publish", False),
        ("moderator", "submit", False),
        ("moderator", "publish", False),
        ("editor", "submit", True),
        ("editor", "publish", True),
        ("editor", "archive", True),
    ],
)
def test_who_may_move_a_draft(role, transition, allowed):
    user = make_role_user(role)
    article = make_draft(by=user)
    function = services.TRANSITION_FUNCTIONS[transition]
    if transition == "unpublish":
        # Not possible from draft for anyone: the permission is checked first.
        with pytest.raises((PermissionDenied, ValidationError)):
            function(article=article, by=user)
        return
    if allowed:
        assert function(article=article, by=user).status == services.TRANSITIONS[transition].target
    else:
        with pytest.raises(PermissionDenied):
            function(article=article, by=user)
        assert Article.objects.get(pk=article.pk).status == Status.DRAFT


def test_writer_may_not_submit_someone_elses_draft():
    article = make_draft(by=make_role_user("writer"))
    with pytest.raises(PermissionDenied):
        services.article_submit(article=article, by=make_role_user("writer"))


def test_a_transition_not_possible_in_the_current_state_is_refused_with_a_message():
    editor = make_role_user("editor")
    article = make_article()  # published and live
    with pytest.raises(ValidationError) as error:
        services.article_submit(article=article, by=editor)
    assert "not possible" in error.value.messages[0]
    with pytest.raises(ValidationError):
        services.article_publish(article=article, by=editor)  # already live


def test_publishing_needs_a_headline_and_body_in_some_language():
    editor = make_role_user("editor")
    article = make_draft(by=editor, languages=())
    Article.objects.filter(pk=article.pk).update(headline_en="Only a headline")
    with pytest.raises(ValidationError):
        services.article_publish(article=article, by=editor)
    assert Article.objects.get(pk=article.pk).status == Status.DRAFT


def test_inactive_user_may_do_nothing():
    editor = make_role_user("editor", is_active=False)
    with pytest.raises(PermissionDenied):
        services.article_publish(article=make_draft(by=editor), by=editor)


def test_a_stale_expected_version_refuses_the_transition():
    editor = make_role_user("editor")
    article = make_draft(by=editor)
    with pytest.raises(services.StaleArticle):
        services.article_publish(article=article, by=editor, expected_version=article.version - 1)


def test_unpublish_then_archive_then_back_to_draft():
    editor = make_role_user("editor")
    article = make_article()
    services.article_unpublish(article=article, by=editor)
    assert not Article.objects.published().filter(pk=article.pk).exists()
    services.article_archive(article=article, by=editor)
    article = services.article_return_to_draft(article=article, by=editor, note="Reopened")
    assert article.status == Status.DRAFT
    assert list(article.transitions.values_list("to_status", flat=True)) == [
        "draft",
        "archived",
        "unpublished",
    ]


# --- Scheduling ---------------------------------------------------------------------------


def test_an_article_scheduled_a_minute_ahead_appears_when_its_time_comes_without_any_job():
    editor = make_role_user("editor")
    article = make_draft(by=editor, languages=("en", "ar"))
    when = timezone.now() + timedelta(minutes=1)
    services.article_publish(article=article, by=editor, publish_at=when)
    assert not Article.objects.published().filter(pk=article.pk).exists()
    assert not Article.objects.live("ar").filter(pk=article.pk).exists()
    assert Article.objects.scheduled().filter(pk=article.pk).exists()
    with time_machine.travel(when + timedelta(seconds=1), tick=False):
        assert Article.objects.live("en").filter(pk=article.pk).exists()
        assert Article.objects.live("ar").filter(pk=article.pk).exists()


def test_a_scheduled_article_is_invisible_on_the_site_then_visible(client):
    editor = make_role_user("editor")
    article = make_draft(by=editor, languages=("en",))
    when = timezone.now() + timedelta(minutes=1)
    article = services.article_publish(article=article, by=editor, publish_at=when)
    url = article.get_absolute_url("en")
    assert client.get(url).status_code == 404
    # Time passes (moving the publication time back stands in for the clock): no job ran.
    Article.objects.filter(pk=article.pk).update(publish_at=timezone.now() - timedelta(seconds=1))
    assert client.get(url).status_code == 200


def test_a_scheduled_article_can_be_published_at_once_or_rescheduled():
    editor = make_role_user("editor")
    article = make_draft(by=editor)
    services.article_publish(article=article, by=editor, publish_at=timezone.now() + timedelta(days=1))
    later = timezone.now() + timedelta(days=2)
    article = services.article_publish(article=article, by=editor, publish_at=later)
    assert article.publish_at == later
    article = services.article_publish(article=article, by=editor)
    assert article.is_published()


def test_editor_schedules_from_the_admin_form(client):
    from tests.workflow.factories import post_article_form

    editor = make_role_user("editor")
    client.force_login(editor)
    article = make_draft(by=make_role_user("writer"), status=Status.REVIEW)
    when = timezone.localtime(timezone.now() + timedelta(hours=3)).replace(second=0, microsecond=0)
    response = post_article_form(
        client,
        article,
        button={"_transition": "schedule"},
        publish_at_0=when.strftime("%Y-%m-%d"),
        publish_at_1=when.strftime("%H:%M:%S"),
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.status == Status.PUBLISHED
    assert article.publish_at == when
    assert article.is_scheduled()
    assert article.transitions.get().publish_at == when


def test_scheduling_in_the_past_from_the_admin_is_refused_with_the_input_kept(client):
    from tests.workflow.factories import post_article_form

    client.force_login(make_role_user("editor"))
    article = make_draft(by=make_role_user("writer"), status=Status.REVIEW)
    response = post_article_form(
        client,
        article,
        button={"_transition": "schedule"},
        headline_en="Kept headline",
        publish_at_0="2001-01-01",
        publish_at_1="10:00:00",
    )
    assert response.status_code == 200
    assert "choose a time in the future" in response.content.decode()
    assert "Kept headline" in response.content.decode()
    article.refresh_from_db()
    assert article.status == Status.REVIEW
    assert article.headline_en != "Kept headline"


def test_user_without_roles_cannot_run_services():
    nobody = make_user(is_staff=True)
    with pytest.raises(PermissionDenied):
        services.article_submit(article=make_draft(by=nobody), by=nobody)
