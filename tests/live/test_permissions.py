"""Writers edit and delete only the live updates they posted; editors anyone's."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from reversion.models import Version

from live import services
from live.models import LiveUpdate
from tests.live.factories import make_live_blog, make_role_user, make_update

pytestmark = pytest.mark.django_db

# role → may they change an update somebody else posted?
ROLES = [("writer", False), ("editor", True)]


def change_form(update, text):
    return {
        "live_blog": update.live_blog_id,
        "body_en": f"<p>{text}</p>",
        "body_ar": "",
        "posted_at_0": update.posted_at.strftime("%Y-%m-%d"),
        "posted_at_1": update.posted_at.strftime("%H:%M:%S"),
    }


def own_and_other(role):
    """A user in ``role``, one update they posted and one a colleague posted, on one blog."""
    user = make_role_user(role)
    colleague = make_role_user("writer")
    blog = make_live_blog()
    return (
        user,
        make_update(blog, en="<p>Mine</p>", posted_by=user),
        make_update(blog, en="<p>Theirs</p>", posted_by=colleague),
    )


@pytest.mark.parametrize("role", ["writer", "editor"])
def test_everyone_who_posts_may_edit_their_own_update(client, role):
    user, own, _other = own_and_other(role)
    client.force_login(user)
    response = client.post(reverse("admin:live_liveupdate_change", args=[own.pk]), change_form(own, "Fixed"))
    assert response.status_code == 302
    own.refresh_from_db()
    assert own.body_en == "<p>Fixed</p>"


@pytest.mark.parametrize(("role", "may_change_others"), ROLES)
def test_only_editors_edit_an_update_somebody_else_posted(client, role, may_change_others):
    user, _own, other = own_and_other(role)
    client.force_login(user)
    client.post(reverse("admin:live_liveupdate_change", args=[other.pk]), change_form(other, "Rewritten"))
    other.refresh_from_db()
    assert (other.body_en == "<p>Rewritten</p>") is may_change_others


@pytest.mark.parametrize(("role", "may_change_others"), ROLES)
def test_the_update_list_shows_writers_their_own_updates_and_editors_all(client, role, may_change_others):
    user, own, other = own_and_other(role)
    client.force_login(user)
    response = client.get(reverse("admin:live_liveupdate_changelist"))
    listed = {update.pk for update in response.context["cl"].result_list}
    assert listed == ({own.pk, other.pk} if may_change_others else {own.pk})


@pytest.mark.parametrize(("role", "may_change_others"), ROLES)
def test_the_delete_action_reaches_only_updates_the_user_may_delete(client, role, may_change_others):
    user, own, other = own_and_other(role)
    client.force_login(user)
    client.post(
        reverse("admin:live_liveupdate_changelist"),
        {"action": "soft_delete", "_selected_action": [own.pk, other.pk]},
    )
    own.refresh_from_db()
    other.refresh_from_db()
    assert own.deleted_at is not None
    assert (other.deleted_at is not None) is may_change_others


@pytest.mark.parametrize(("role", "may_change_others"), ROLES)
def test_the_admin_answers_has_change_and_delete_permission_per_update(rf, role, may_change_others):
    from django.contrib.admin.sites import site

    user, own, other = own_and_other(role)
    request = rf.get("/")
    request.user = user
    model_admin = site._registry[LiveUpdate]
    assert model_admin.has_change_permission(request, own) and model_admin.has_delete_permission(request, own)
    assert model_admin.has_change_permission(request, other) is may_change_others
    assert model_admin.has_delete_permission(request, other) is may_change_others


def test_the_hard_delete_action_is_not_offered(client):
    editor, _own, _other = own_and_other("editor")
    client.force_login(editor)
    response = client.get(reverse("admin:live_liveupdate_changelist"))
    assert b'value="soft_delete"' in response.content
    assert b'value="delete_selected"' not in response.content


@pytest.mark.parametrize(("role", "may_change_others"), ROLES)
def test_the_desk_offers_edit_and_delete_only_on_updates_the_user_may_change(client, role, may_change_others):
    user, own, other = own_and_other(role)
    client.force_login(user)
    html = client.get(reverse("admin:live_liveblog_desk", args=[own.live_blog_id])).content.decode()
    assert reverse("admin:live_liveupdate_change", args=[own.pk]) in html
    assert f'name="delete" value="{own.pk}"' in html
    assert (reverse("admin:live_liveupdate_change", args=[other.pk]) in html) is may_change_others
    assert (f'name="delete" value="{other.pk}"' in html) is may_change_others


@pytest.mark.parametrize(("role", "may_change_others"), ROLES)
def test_the_desk_deletes_an_update_only_for_someone_allowed_to(client, role, may_change_others):
    user, own, other = own_and_other(role)
    client.force_login(user)
    desk = reverse("admin:live_liveblog_desk", args=[own.live_blog_id])
    assert client.post(desk, {"delete": own.pk}).status_code == 302
    response = client.post(desk, {"delete": other.pk})
    assert response.status_code == (302 if may_change_others else 403)
    assert set(LiveUpdate.objects.visible("en").values_list("pk", flat=True)) == (
        set() if may_change_others else {other.pk}
    )


def test_a_moderator_may_not_edit_or_delete_any_update(client):
    _writer, own, _other = own_and_other("writer")
    moderator = make_role_user("moderator")
    client.force_login(moderator)
    response = client.post(reverse("admin:live_liveupdate_change", args=[own.pk]), change_form(own, "x"))
    assert response.status_code == 403
    with pytest.raises(PermissionDenied):
        services.live_update_delete(update=own, by=moderator)


def test_the_delete_service_refuses_a_writer_someone_elses_update():
    writer, own, other = own_and_other("writer")
    with pytest.raises(PermissionDenied):
        services.live_update_delete(update=other, by=writer)
    services.live_update_delete(update=own, by=writer)
    assert not LiveUpdate.objects.visible("en").filter(pk=own.pk).exists()


def edit_in_admin(client, update, text):
    return client.post(reverse("admin:live_liveupdate_change", args=[update.pk]), change_form(update, text))


@pytest.mark.parametrize(("role", "may_change_others"), ROLES)
def test_reverting_to_an_old_revision_is_only_for_those_who_may_edit_the_update(
    client, role, may_change_others
):
    user, _own, other = own_and_other(role)
    client.force_login(make_role_user("editor"))
    edit_in_admin(client, other, "First")
    edit_in_admin(client, other, "Second")
    first = Version.objects.get_for_object(other).order_by("pk").first()
    client.force_login(user)
    url = reverse("admin:live_liveupdate_revision", args=[other.pk, first.pk])
    response = client.post(url, change_form(other, "First"))
    other.refresh_from_db()
    assert response.status_code == (302 if may_change_others else 403)
    assert other.body_en == ("<p>First</p>" if may_change_others else "<p>Second</p>")


@pytest.mark.parametrize(("role", "may_change_others"), ROLES)
def test_recovering_a_deleted_update_is_only_for_those_who_may_edit_it(client, role, may_change_others):
    user, _own, other = own_and_other(role)
    client.force_login(make_role_user("editor"))
    edit_in_admin(client, other, "Gone soon")
    version = Version.objects.get_for_object(other).first()
    other.delete()
    client.force_login(user)
    response = client.get(reverse("admin:live_liveupdate_recover", args=[version.pk]))
    assert response.status_code == (200 if may_change_others else 403)
