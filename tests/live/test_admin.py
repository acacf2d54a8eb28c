import pytest
from django.urls import reverse
from reversion.models import Version

from live.models import LiveUpdate
from tests.factories import make_author, make_user
from tests.live.factories import make_alert, make_live_blog, make_role_user, make_update

pytestmark = pytest.mark.django_db


def writer():
    return make_role_user("writer")


def test_a_writer_posts_an_update_from_the_desk_in_two_fields(client):
    blog = make_live_blog()
    user = writer()
    make_author(user=user, display_name_en="Rania")
    client.force_login(user)
    desk = reverse("admin:live_liveblog_desk", args=[blog.pk])
    assert client.get(desk).status_code == 200
    response = client.post(
        desk, {"text_en": "Convoy arrives.\n\nMore soon.", "text_ar": "وصول القافلة.", "key_event": "on"}
    )
    assert response.status_code == 302
    update = LiveUpdate.objects.get()
    assert update.body_en == "<p>Convoy arrives.</p><p>More soon.</p>"
    assert update.body_ar == "<p>وصول القافلة.</p>"
    assert update.key_event and update.posted_by == user and update.author.display_name_en == "Rania"
    assert Version.objects.get_for_object(update).count() == 1


def test_one_language_is_enough_but_not_none(client):
    blog = make_live_blog()
    client.force_login(writer())
    desk = reverse("admin:live_liveblog_desk", args=[blog.pk])
    client.post(desk, {"text_ar": "عاجل"})
    assert LiveUpdate.objects.get().body_en == ""
    response = client.post(desk, {"text_en": "  ", "text_ar": ""})
    assert response.status_code == 200
    assert LiveUpdate.objects.count() == 1


def test_people_without_the_permission_cannot_post(client):
    blog = make_live_blog()
    moderator = make_role_user("moderator")
    client.force_login(moderator)
    response = client.post(reverse("admin:live_liveblog_desk", args=[blog.pk]), {"text_en": "x"})
    assert response.status_code == 403
    assert not LiveUpdate.objects.exists()


def test_editing_an_update_keeps_the_previous_text_as_a_revision(client):
    blog = make_live_blog()
    client.force_login(make_user(is_staff=True, is_superuser=True))
    client.post(reverse("admin:live_liveblog_desk", args=[blog.pk]), {"text_en": "First version"})
    update = LiveUpdate.objects.get()
    response = client.post(
        reverse("admin:live_liveupdate_change", args=[update.pk]),
        {
            "live_blog": blog.pk,
            "body_en": "<p>Second version</p>",
            "body_ar": "",
            "posted_at_0": update.posted_at.strftime("%Y-%m-%d"),
            "posted_at_1": update.posted_at.strftime("%H:%M:%S"),
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    versions = Version.objects.get_for_object(update)
    assert versions.count() == 2
    assert "First version" in versions.last().field_dict["body_en"]


def test_deleting_an_update_hides_it_and_keeps_it(client):
    blog = make_live_blog()
    update = make_update(blog)
    client.force_login(make_user(is_staff=True, is_superuser=True))
    client.post(
        reverse("admin:live_liveupdate_changelist"),
        {"action": "soft_delete", "_selected_action": [update.pk]},
    )
    update.refresh_from_db()
    assert update.deleted_at is not None
    assert not LiveUpdate.objects.visible("en").exists()
    assert Version.objects.get_for_object(update).count() == 1


def test_an_editor_raises_and_withdraws_a_breaking_alert(client):
    editor = make_role_user("editor")
    client.force_login(editor)
    alert = make_alert()
    client.post(
        reverse("admin:live_breakingalert_changelist"), {"action": "withdraw", "_selected_action": [alert.pk]}
    )
    alert.refresh_from_db()
    assert alert.withdrawn_at is not None


def test_a_picture_sent_with_a_quick_update_goes_to_the_library_with_renditions(client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.factories import jpeg_bytes

    blog = make_live_blog()
    client.force_login(writer())
    picture = SimpleUploadedFile("scene.jpg", jpeg_bytes(size=(900, 600)), content_type="image/jpeg")
    response = client.post(
        reverse("admin:live_liveblog_desk", args=[blog.pk]),
        {"text_en": "The bridge this morning.", "picture": picture, "picture_alt": "A damaged bridge"},
    )
    assert response.status_code == 302
    update = LiveUpdate.objects.get()
    assert update.image.alt_text_en == "A damaged bridge"
    assert update.image.renditions.filter(format="webp").exists()
    html = client.get(blog.article.get_absolute_url("en")).content.decode()
    assert 'alt="A damaged bridge"' in html


def test_a_file_that_is_not_a_picture_is_refused(client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    blog = make_live_blog()
    client.force_login(writer())
    response = client.post(
        reverse("admin:live_liveblog_desk", args=[blog.pk]),
        {"text_en": "x", "picture": SimpleUploadedFile("x.jpg", b"not an image", content_type="image/jpeg")},
    )
    assert response.status_code == 200
    assert not LiveUpdate.objects.exists()
