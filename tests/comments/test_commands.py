"""Privacy commands: daily erasure of network data, export and erasure of a commenter."""

import io
import json
from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from comments.models import Comment
from tests.comments.factories import make_comment

pytestmark = pytest.mark.django_db


def run(*args):
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_purge_comment_ips_erases_ip_and_user_agent_after_30_days_by_default():
    old = make_comment(created_at=timezone.now() - timedelta(days=30, minutes=1))
    recent = make_comment(created_at=timezone.now() - timedelta(days=29))
    assert "1 comment" in run("purge_comment_ips")
    old.refresh_from_db()
    recent.refresh_from_db()
    assert old.ip is None
    assert old.user_agent == ""
    assert recent.ip is not None
    assert recent.user_agent != ""


def test_purge_comment_ips_takes_another_retention():
    comment = make_comment(created_at=timezone.now() - timedelta(days=8))
    run("purge_comment_ips", "--days", "7")
    comment.refresh_from_db()
    assert comment.ip is None


def test_purge_comment_ips_run_twice_changes_nothing_more():
    make_comment(created_at=timezone.now() - timedelta(days=40))
    run("purge_comment_ips")
    assert "0 comment" in run("purge_comment_ips")


def test_export_commenter_prints_json_of_all_their_comments():
    make_comment(email="Owner@example.org", body="first", language="ar")
    make_comment(email="owner@example.org", body="second")
    make_comment(email="else@example.org", body="not theirs")
    data = json.loads(run("export_commenter", "--email", "owner@example.org"))
    assert data["email"] == "owner@example.org"
    assert [c["body"] for c in data["comments"]] == ["first", "second"]
    assert {"name", "email", "body", "ip_address", "user_agent", "written_at", "consent_given_at"} <= set(
        data["comments"][0]
    )


def test_erase_commenter_deletes_all_their_comments():
    make_comment(email="owner@example.org")
    make_comment(email="OWNER@example.org")
    kept = make_comment(email="else@example.org")
    output = run("erase_commenter", "--email", "owner@example.org", "--noinput")
    assert "Erased 2 comment" in output
    assert list(Comment.objects.all()) == [kept]


def test_erase_commenter_needs_an_address():
    with pytest.raises(CommandError):
        call_command("erase_commenter", "--email", "nobody", "--noinput")
