"""The moderation queue and the discussion settings.

Moderators (group "moderator", permission ``comments.can_moderate``) approve, reject, mark as
spam, reply and delete; every decision goes through ``comments.services`` so who and when is
recorded. Exporting and erasing everything a commenter wrote is for administrators
(``comments.manage_commenter_data``).
"""

import json

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _, ngettext

from comments import services
from comments.forms import StaffReplyForm
from comments.models import Comment, DiscussionSettings, Status
from comments.rules import describe

DECISIONS = {
    "approve": services.comment_approve,
    "reject": services.comment_reject,
    "spam": services.comment_mark_spam,
}


class StatusFilter(admin.SimpleListFilter):
    """Status with the number of comments in each, the queue first."""

    title = _("status")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        counts = dict(Comment.objects.order_by().values_list("status").annotate(n=Count("pk")))
        return [(value, f"{label} ({counts.get(value, 0)})") for value, label in Status.choices]

    def queryset(self, request, queryset):
        if self.value() in Status.values:
            return queryset.filter(status=self.value())
        return queryset


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = [
        "excerpt",
        "name",
        "email",
        "article_in_context",
        "language",
        "status",
        "decision",
        "row_links",
    ]
    list_display_links = ["excerpt"]
    list_filter = [StatusFilter, "language", ("article", admin.RelatedOnlyFieldListFilter), "is_staff_reply"]
    list_select_related = ["article", "parent", "moderated_by"]
    search_fields = ["name", "email", "url", "body", "ip", "article__headline_en", "article__headline_ar"]
    date_hierarchy = "created_at"
    ordering = ["-created_at", "-pk"]
    list_per_page = 50
    actions = [
        "approve_selected",
        "reject_selected",
        "mark_spam_selected",
        "export_commenters",
        "erase_commenters",
    ]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "article_in_context",
                    "in_reply_to",
                    "name",
                    "email",
                    "url",
                    "body",
                    "notify_on_approval",
                ]
            },
        ),
        (
            _("Moderation"),
            {"fields": ["status", "reason_text", "is_staff_reply", "user", "moderated_by", "moderated_at"]},
        ),
        (_("Submission"), {"fields": ["language", "created_at", "consent_at", "ip", "user_agent"]}),
    ]
    readonly_fields = [
        "article_in_context",
        "in_reply_to",
        "status",
        "reason_text",
        "is_staff_reply",
        "user",
        "moderated_by",
        "moderated_at",
        "language",
        "created_at",
        "consent_at",
        "ip",
        "user_agent",
    ]

    # -- permissions ---------------------------------------------------------------------

    def has_add_permission(self, request):
        # Comments come from readers; staff answer with "Reply".
        return False

    def has_moderate_permission(self, request):
        return request.user.has_perm("comments.can_moderate")

    def has_manage_commenter_data_permission(self, request):
        return request.user.has_perm("comments.manage_commenter_data")

    def view_on_site(self, obj):
        return _permalink(obj) if obj.is_public() else None

    # -- columns -------------------------------------------------------------------------

    @admin.display(description=_("comment"))
    def excerpt(self, obj):
        text = Truncator(" ".join(obj.body.split())).chars(90)
        if obj.parent_id:
            return format_html(
                '<span class="comment-reply-to">{}</span><br>{}',
                _("Reply to %(name)s:") % {"name": obj.parent.name},
                text,
            )
        return text

    @admin.display(description=_("article"))
    def article_in_context(self, obj):
        article = obj.article
        headline = getattr(article, f"headline_{obj.language}", "") or str(article)
        url = article.get_absolute_url(obj.language) if article.has_language(obj.language) else ""
        if not url or not getattr(article, f"slug_{obj.language}", ""):
            return format_html('<span dir="auto">{}</span> ({})', headline, obj.language.upper())
        return format_html(
            '<a href="{}" dir="auto" lang="{}">{}</a> ({})', url, obj.language, headline, obj.language.upper()
        )

    @admin.display(description=_("in reply to"))
    def in_reply_to(self, obj):
        if not obj.parent_id:
            return "—"
        url = reverse("admin:comments_comment_change", args=[obj.parent_id])
        return format_html('<a href="{}">{}</a>', url, str(obj.parent))

    @admin.display(description=_("why held"))
    def reason_text(self, obj):
        return describe(obj.reason)

    @admin.display(description=_("decision"), ordering="moderated_at")
    def decision(self, obj):
        if obj.moderated_at is None:
            return format_html(
                '{}<br><small class="comment-held-reason">{}</small>', _("by the rules"), describe(obj.reason)
            )
        who = obj.moderated_by.get_username() if obj.moderated_by else _("deleted user")
        return format_html("{}<br><small>{}</small>", who, _date(obj.moderated_at))

    @admin.display(description=_("links"))
    def row_links(self, obj):
        links = []
        if obj.status not in (Status.REJECTED, Status.SPAM):
            links.append(
                format_html(
                    '<a href="{}">{}</a>', reverse("admin:comments_comment_reply", args=[obj.pk]), _("Reply")
                )
            )
        if obj.is_public():
            links.append(format_html('<a href="{}">{}</a>', _permalink(obj), _("View on site")))
        return mark_safe(" · ".join(links))  # each link built by format_html

    # -- bulk actions --------------------------------------------------------------------

    def _apply(self, request, queryset, service, done_message):
        count = 0
        for comment in queryset.select_related(None):
            service(comment=comment, by=request.user)
            count += 1
        self.message_user(request, done_message(count), messages.SUCCESS)

    @admin.action(description=_("Approve selected comments"), permissions=["moderate"])
    def approve_selected(self, request, queryset):
        self._apply(
            request,
            queryset,
            services.comment_approve,
            lambda n: (
                ngettext("%(count)d comment approved.", "%(count)d comments approved.", n) % {"count": n}
            ),
        )

    @admin.action(description=_("Reject selected comments"), permissions=["moderate"])
    def reject_selected(self, request, queryset):
        self._apply(
            request,
            queryset,
            services.comment_reject,
            lambda n: (
                ngettext("%(count)d comment rejected.", "%(count)d comments rejected.", n) % {"count": n}
            ),
        )

    @admin.action(description=_("Mark selected comments as spam"), permissions=["moderate"])
    def mark_spam_selected(self, request, queryset):
        self._apply(
            request,
            queryset,
            services.comment_mark_spam,
            lambda n: (
                ngettext("%(count)d comment marked as spam.", "%(count)d comments marked as spam.", n)
                % {"count": n}
            ),
        )

    def _emails(self, queryset):
        return sorted({email.lower() for email in queryset.exclude(email="").values_list("email", flat=True)})

    @admin.action(
        description=_("Export all comments of these commenters (JSON)"), permissions=["manage_commenter_data"]
    )
    def export_commenters(self, request, queryset):
        data = [services.commenter_export(email=email) for email in self._emails(queryset)]
        response = HttpResponse(
            json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json; charset=utf-8"
        )
        response["Content-Disposition"] = 'attachment; filename="commenter-data.json"'
        return response

    @admin.action(
        description=_("Erase all comments of these commenters"), permissions=["manage_commenter_data"]
    )
    def erase_commenters(self, request, queryset):
        emails = self._emails(queryset)
        if request.POST.get("post") == "yes":
            erased = replies = 0
            for email in emails:
                result = services.commenter_erase(email=email)
                erased += result["comments"]
                replies += result["replies"]
            self.message_user(
                request,
                ngettext(
                    "Erased %(count)d comment (and %(replies)d replies to it).",
                    "Erased %(count)d comments (and %(replies)d replies to them).",
                    erased,
                )
                % {"count": erased, "replies": replies},
                messages.SUCCESS,
            )
            return None
        rows = []
        for email in emails:
            own = Comment.objects.by_email(email)
            rows.append(
                {
                    "email": email,
                    "count": own.count(),
                    "replies": Comment.objects.filter(parent__in=own).exclude(email__iexact=email).count(),
                }
            )
        context = {
            **self.admin_site.each_context(request),
            "title": _("Erase commenters’ data"),
            "opts": self.opts,
            "rows": rows,
            "queryset": queryset,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/comments/comment/erase_confirmation.html", context)

    # -- single-comment views ------------------------------------------------------------

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("<path:object_id>/moderate/", wrap(self.moderate_view), name="comments_comment_moderate"),
            path("<path:object_id>/reply/", wrap(self.reply_view), name="comments_comment_reply"),
            *super().get_urls(),
        ]

    def _back(self, request, default):
        target = request.POST.get("next") or request.GET.get("next") or ""
        # Only back into this admin.
        return target if target.startswith(reverse("admin:index")) else default

    def moderate_view(self, request, object_id):
        if request.method != "POST":
            return HttpResponseRedirect(reverse("admin:comments_comment_change", args=[object_id]))
        return self._moderate(request, object_id)

    @staticmethod
    def _decision_message(decision):
        return {
            "approve": _("The comment is approved and published."),
            "reject": _("The comment is rejected."),
            "spam": _("The comment is marked as spam."),
        }[decision]

    def _moderate(self, request, object_id):
        if not self.has_moderate_permission(request):
            raise PermissionDenied
        comment = get_object_or_404(Comment, pk=object_id)
        decision = request.POST.get("decision")
        if decision not in DECISIONS:
            messages.error(request, _("Unknown decision."))
        else:
            DECISIONS[decision](comment=comment, by=request.user)
            messages.success(request, self._decision_message(decision))
        changelist = reverse("admin:comments_comment_changelist")
        return HttpResponseRedirect(self._back(request, changelist + "?status=pending"))

    def reply_view(self, request, object_id):
        if not self.has_moderate_permission(request):
            raise PermissionDenied
        parent = get_object_or_404(Comment.objects.select_related("article", "parent"), pk=object_id)
        if parent.parent_id:
            parent = parent.parent
        form = StaffReplyForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                services.comment_reply(parent=parent, by=request.user, body=form.cleaned_data["body"])
            except ValidationError as error:
                form.add_error(None, error.messages)
            else:
                messages.success(request, _("Your reply is published."))
                return HttpResponseRedirect(
                    self._back(request, reverse("admin:comments_comment_changelist") + "?status=pending")
                )
        context = {
            **self.admin_site.each_context(request),
            "title": _("Reply to %(name)s") % {"name": parent.name},
            "opts": self.opts,
            "original": parent,
            "parent": parent,
            "article_link": self.article_in_context(parent),
            "form": form,
            "next": self._back(request, ""),
        }
        return TemplateResponse(request, "admin/comments/comment/reply.html", context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "can_moderate": self.has_moderate_permission(request),
            "decisions": [
                ("approve", _("Approve"), Status.APPROVED),
                ("reject", _("Reject"), Status.REJECTED),
                ("spam", _("Mark as spam"), Status.SPAM),
            ],
        }
        return super().change_view(request, object_id, form_url, extra_context)


def _permalink(comment):
    """The public address of a comment, resolved to its page of comments only when followed."""
    from django.utils import translation

    with translation.override(comment.language):
        return reverse("comments:permalink", args=[comment.pk])


def _date(value):
    from django.utils import formats, timezone

    return formats.date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")


@admin.register(DiscussionSettings)
class DiscussionSettingsAdmin(admin.ModelAdmin):
    """One page of rules; there is nothing to list, add or delete."""

    fieldsets = [
        (_("Moderation"), {"fields": ["trust_returning_commenters", "link_limit", "moderation_words"]}),
        (_("Spam"), {"fields": ["disallowed_words", "flood_interval"]}),
        (_("Comments"), {"fields": ["min_length", "max_length", "comments_per_page", "close_after_days"]}),
        (_("Notifications"), {"fields": ["notify_moderators"]}),
    ]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        settings_row = DiscussionSettings.load()
        return HttpResponseRedirect(
            reverse("admin:comments_discussionsettings_change", args=[settings_row.pk])
        )
