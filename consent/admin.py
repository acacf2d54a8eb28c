"""The policy versions (edited as drafts, then published and frozen) and the read-only proof of choices."""

import csv

from ckeditor.widgets import CKEditorWidget
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.http import StreamingHttpResponse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _, ngettext
from modeltranslation.admin import TabbedDjangoJqueryTranslationAdmin

from articles.sanitize import sanitize_html
from consent.models import ConsentRecord, PrivacyPolicy
from consent.services import policy_copy_as_draft, policy_publish


@admin.register(PrivacyPolicy)
class PrivacyPolicyAdmin(TabbedDjangoJqueryTranslationAdmin):
    """Drafts are edited freely; publishing numbers them and freezes them for good."""

    list_display = ["__str__", "version", "is_published", "published_at", "published_by", "updated_at"]
    list_display_links = ["__str__"]
    list_select_related = ["published_by"]
    search_fields = ["title_en", "title_ar", "change_note"]
    actions = ["publish", "copy_as_draft"]
    fieldsets = [(None, {"fields": ["title", "body", "change_note"]})]

    def get_fieldsets(self, request, obj=None):
        if obj is not None and obj.is_published():
            return [
                (
                    _("Published version"),
                    {"fields": ["version", "published_at", "published_by", "change_note"]},
                ),
                (_("English"), {"fields": ["title_en", "preview_en"]}),
                (_("Arabic"), {"fields": ["title_ar", "preview_ar"]}),
            ]
        return super().get_fieldsets(request, obj)

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.is_published():
            return [
                "version",
                "published_at",
                "published_by",
                "change_note",
                "title_en",
                "title_ar",
                "preview_en",
                "preview_ar",
            ]
        return []

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name.startswith("body_"):
            language = db_field.name.rsplit("_", 1)[1]
            kwargs["widget"] = CKEditorWidget(config_name="rtl" if language == "ar" else "default")
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def has_change_permission(self, request, obj=None):
        # A published version is the text readers agreed to: it is shown, never changed.
        return super().has_change_permission(request, obj) and not (obj is not None and obj.is_published())

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not (obj is not None and obj.is_published())

    def has_publish_permission(self, request):
        return request.user.has_perm("consent.publish_privacypolicy")

    @admin.display(description=_("text (English)"))
    def preview_en(self, obj):
        return mark_safe(sanitize_html(obj.body_en))  # noqa: S308 - sanitised just above

    @admin.display(description=_("text (Arabic)"))
    def preview_ar(self, obj):
        return mark_safe(f'<div dir="rtl" lang="ar">{sanitize_html(obj.body_ar)}</div>')  # noqa: S308

    @admin.action(
        description=_("Publish the selected draft (readers are asked again)"), permissions=["publish"]
    )
    def publish(self, request, queryset):
        drafts = list(queryset.drafts())
        if len(drafts) != 1:
            self.message_user(request, _("Select exactly one draft to publish."), messages.ERROR)
            return
        try:
            policy = policy_publish(policy=drafts[0], by=request.user)
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
            return
        self.message_user(
            request,
            _(
                "Version %(version)s is now in force; every reader will be asked for their cookie choices again."
            )
            % {"version": policy.version},
            messages.SUCCESS,
        )

    @admin.action(description=_("Copy into a new draft"), permissions=["add"])
    def copy_as_draft(self, request, queryset):
        for policy in queryset:
            policy_copy_as_draft(policy=policy, by=request.user)
        count = queryset.count()
        self.message_user(
            request,
            ngettext("%(count)d draft created.", "%(count)d drafts created.", count) % {"count": count},
            messages.SUCCESS,
        )


class Echo:
    """A file-like object for csv.writer that hands each line straight back."""

    def write(self, value):
        return value


def _csv_cell(value) -> str:
    text = str(value)
    # Spreadsheets run cells starting with these as formulas.
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


@admin.register(ConsentRecord)
class ConsentRecordAdmin(admin.ModelAdmin):
    """The proof of readers' choices: read-only; only a superuser may delete (retention does it)."""

    list_display = [
        "created_at",
        "consent_id",
        "action",
        "categories_display",
        "policy_version",
        "language",
        "gpc",
        "user_agent_family",
    ]
    list_filter = ["action", "policy_version", "language", "gpc", "user_agent_family"]
    search_fields = ["=consent_id"]
    date_hierarchy = "created_at"
    actions = ["export_csv"]
    csv_columns = [
        "consent_id",
        "action",
        "categories",
        "policy_version",
        "language",
        "gpc",
        "user_agent_family",
        "created_at",
    ]

    @admin.display(description=_("accepted categories"))
    def categories_display(self, obj):
        return ", ".join(obj.categories) or "—"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser

    @admin.action(description=_("Export the selected records as CSV"), permissions=["view"])
    def export_csv(self, request, queryset):
        writer = csv.writer(Echo())

        def rows():
            yield writer.writerow(self.csv_columns)
            for record in queryset.order_by("created_at", "pk").iterator(chunk_size=2000):
                yield writer.writerow(
                    [
                        _csv_cell(record.consent_id),
                        record.action,
                        " ".join(record.categories),
                        record.policy_version,
                        record.language,
                        "yes" if record.gpc else "no",
                        _csv_cell(record.user_agent_family),
                        record.created_at.isoformat(),
                    ]
                )

        filename = f"consent-records-{timezone.localdate():%Y-%m-%d}.csv"
        response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
