"""Admin: the consent records are read-only proof with CSV export; policies publish and freeze."""

import csv
import io

import pytest
from django.urls import reverse

from consent.models import ConsentRecord, PrivacyPolicy
from tests.consent.factories import current_policy, make_policy
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def make_record(**kw):
    defaults = {
        "consent_id": "c0ffee",
        "action": "accept_all",
        "categories": ["preferences", "statistics"],
        "policy_version": 1,
        "language": "en",
        "user_agent_family": "Firefox",
    }
    return ConsentRecord.objects.create(**{**defaults, **kw})


@pytest.fixture
def staff_viewer(client):
    user = make_user(is_staff=True, perm_names=["view_consentrecord", "delete_consentrecord"])
    client.force_login(user)
    return client


@pytest.fixture
def superuser(client):
    client.force_login(make_user(is_staff=True, is_superuser=True))
    return client


def test_records_cannot_be_added_or_changed_even_by_a_superuser(superuser):
    record = make_record()
    assert superuser.get(reverse("admin:consent_consentrecord_add")).status_code == 403
    change_url = reverse("admin:consent_consentrecord_change", args=[record.pk])
    page = superuser.get(change_url)
    assert page.status_code == 200
    assert b'name="_save"' not in page.content
    assert superuser.post(change_url, {"action": "reject_all"}).status_code == 403
    record.refresh_from_db()
    assert record.action == "accept_all"


def test_only_a_superuser_may_delete_records(staff_viewer, client):
    record = make_record()
    delete_url = reverse("admin:consent_consentrecord_delete", args=[record.pk])
    assert staff_viewer.post(delete_url, {"post": "yes"}).status_code == 403
    assert ConsentRecord.objects.exists()
    client.force_login(make_user(is_staff=True, is_superuser=True))
    client.post(delete_url, {"post": "yes"})
    assert not ConsentRecord.objects.exists()


def test_records_export_as_csv(staff_viewer):
    first = make_record(consent_id="aaa111")
    make_record(consent_id="bbb222", action="reject_all", categories=[], language="ar", gpc=True)
    response = staff_viewer.post(
        reverse("admin:consent_consentrecord_changelist"),
        {
            "action": "export_csv",
            "_selected_action": list(ConsentRecord.objects.values_list("pk", flat=True)),
        },
    )
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0] == [
        "consent_id", "action", "categories", "policy_version", "language", "gpc", "user_agent_family", "created_at"
    ]  # fmt: skip
    assert rows[1][:7] == ["aaa111", "accept_all", "preferences statistics", "1", "en", "no", "Firefox"]
    assert rows[1][7] == first.created_at.isoformat()
    assert rows[2][:6] == ["bbb222", "reject_all", "", "1", "ar", "yes"]


def test_records_changelist_filters_by_consent_id(staff_viewer):
    make_record(consent_id="findme")
    make_record(consent_id="other")
    response = staff_viewer.get(reverse("admin:consent_consentrecord_changelist"), {"q": "findme"})
    assert b"findme" in response.content
    assert b"other" not in response.content


def test_admin_publishes_a_draft_and_freezes_it(superuser):
    first = current_policy()
    draft = make_policy(title_en="Second edition")
    response = superuser.post(
        reverse("admin:consent_privacypolicy_changelist"),
        {"action": "publish", "_selected_action": [draft.pk]},
        follow=True,
    )
    assert "is now in force" in response.content.decode()
    draft.refresh_from_db()
    assert draft.version == first.version + 1
    change_url = reverse("admin:consent_privacypolicy_change", args=[draft.pk])
    page = superuser.get(change_url)
    assert page.status_code == 200
    assert b'name="_save"' not in page.content
    assert superuser.post(change_url, {"title_en": "Rewritten"}).status_code == 403
    delete_url = reverse("admin:consent_privacypolicy_delete", args=[draft.pk])
    assert superuser.post(delete_url, {"post": "yes"}).status_code == 403
    assert PrivacyPolicy.objects.filter(pk=draft.pk).exists()


def test_publishing_an_incomplete_draft_explains_why(superuser):
    current_policy()
    draft = make_policy(title_ar="")
    response = superuser.post(
        reverse("admin:consent_privacypolicy_changelist"),
        {"action": "publish", "_selected_action": [draft.pk]},
        follow=True,
    )
    assert "Write the title in every language before publishing." in response.content.decode()
    draft.refresh_from_db()
    assert draft.version is None


def test_draft_is_edited_with_ckeditor_in_both_languages(superuser):
    draft = make_policy()
    page = superuser.get(reverse("admin:consent_privacypolicy_change", args=[draft.pk])).content.decode()
    for code in ("en", "ar"):
        # The CKEditor widget wraps the field (a plain textarea would not have this wrapper).
        assert f'<div class="django-ckeditor-widget" data-field-id="id_body_{code}"' in page
        assert f'data-id="id_body_{code}" data-type="ckeditortype"' in page


def test_staff_without_the_publish_permission_does_not_see_the_action(client):
    client.force_login(make_user(is_staff=True, perm_names=["view_privacypolicy", "change_privacypolicy"]))
    page = client.get(reverse("admin:consent_privacypolicy_changelist"))
    assert page.status_code == 200
    assert b'value="publish"' not in page.content
