"""The article's extra admin pages: history, comparing and restoring revisions, previews and
shared preview links.
"""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import path, reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from reversion.models import Version

from articles import services
from articles.models import PreviewLink
from web.site_url import absolute_url

ADMIN_CSS = "articles/admin.css"


def site_languages():
    """(code, translated name) of every site language, in the settings' order."""
    return [(code, _(name)) for code, name in settings.LANGUAGES]


class ArticlePagesMixin:
    """History, compare, restore, preview and share pages of ``ArticleAdmin``."""

    def get_urls(self):
        def view(function):
            return self.admin_site.admin_view(function)

        return [
            path(
                "<path:object_id>/history/compare/", view(self.compare_view), name="articles_article_compare"
            ),
            path(
                "<path:object_id>/history/<int:version_id>/restore/",
                view(self.restore_view),
                name="articles_article_restore",
            ),
            path("<path:object_id>/preview/", view(self.preview_share_view), name="articles_article_preview"),
            path(
                "<path:object_id>/preview/share/", view(self.share_create_view), name="articles_article_share"
            ),
            path(
                "<path:object_id>/preview/share/<int:link_id>/revoke/",
                view(self.share_revoke_view),
                name="articles_article_share_revoke",
            ),
            *super().get_urls(),
        ]

    def _article_or_404(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404(_("This article does not exist (it may have been deleted)."))
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        return obj

    def _page_context(self, request, obj, title):
        return {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": obj,
            "title": title,
            "subtitle": str(obj),
            "has_change_permission": self.has_change_permission(request, obj),
            "media": forms.Media(css={"all": [ADMIN_CSS]}),
        }

    def history_view(self, request, object_id, extra_context=None):
        obj = self._article_or_404(request, object_id)
        versions = list(services.article_versions(obj)[:200])
        can_edit = self.has_change_permission(request, obj)
        context = {
            **self._page_context(request, obj, _("History of “%(article)s”") % {"article": obj}),
            "versions": versions,
            "steps": obj.transitions.select_related("by")[:200],
            "can_restore": can_edit,
            "compare_from": versions[1].pk if len(versions) > 1 else None,
            "compare_to": versions[0].pk if versions else None,
        }
        return render(request, self.object_history_template, context)

    def compare_view(self, request, object_id):
        obj = self._article_or_404(request, object_id)
        versions = Version.objects.get_for_object(obj).select_related("revision", "revision__user")
        try:
            older = versions.get(pk=int(request.GET.get("from", "")))
            newer = versions.get(pk=int(request.GET.get("to", "")))
        except (ValueError, Version.DoesNotExist):
            messages.error(request, _("Choose two revisions of this article to compare."))
            return HttpResponseRedirect(reverse("admin:articles_article_history", args=[obj.pk]))
        if older.revision.date_created > newer.revision.date_created:
            older, newer = newer, older
        rows = services.compare_snapshots(
            services.Snapshot.of_version(older), services.Snapshot.of_version(newer)
        )
        groups = []
        for code, name in [*site_languages(), ("", _("Placement and publication"))]:
            group_rows = []
            for row in rows:
                if row.language != code:
                    continue
                before, after = services.inline_diff(row.old, row.new) if row.changed else (row.old, row.new)
                group_rows.append({"row": row, "before": before, "after": after})
            groups.append(
                {
                    "code": code,
                    "name": name,
                    "rows": group_rows,
                    "changed": sum(r["row"].changed for r in group_rows),
                }
            )
        context = {
            **self._page_context(request, obj, _("Compare revisions of “%(article)s”") % {"article": obj}),
            "older": older,
            "newer": newer,
            "groups": groups,
            "can_restore": self.has_change_permission(request, obj),
        }
        return render(request, "admin/articles/article/revision_compare.html", context)

    def restore_view(self, request, object_id, version_id):
        obj = self._article_or_404(request, object_id)
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        version = get_object_or_404(
            Version.objects.get_for_object(obj).select_related("revision"), pk=version_id
        )
        if request.method == "POST":
            try:
                expected = int(request.POST.get("expected_version", ""))
            except ValueError:
                expected = -1
            try:
                services.article_restore_revision(
                    article=obj, version=version, by=request.user, expected_version=expected
                )
            except services.StaleArticle:
                messages.error(
                    request,
                    _(
                        "The article changed while you were looking at this revision. Check the changes again."
                    ),
                )
                return HttpResponseRedirect(request.path)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
                return HttpResponseRedirect(request.path)
            messages.success(
                request, _("The revision was restored. The previous text is kept in the history.")
            )
            return HttpResponseRedirect(reverse("admin:articles_article_change", args=[obj.pk]))
        changes = services.restorable_changes(user=request.user, article=obj, version=version)
        context = {
            **self._page_context(request, obj, _("Restore a revision of “%(article)s”") % {"article": obj}),
            "version": version,
            "changes": [
                {
                    "row": row,
                    "label": services.field_description(row),
                    "diff": services.inline_diff(row.old, row.new),
                }
                for row in changes
            ],
        }
        return render(request, "admin/articles/article/revision_restore.html", context)

    def preview_share_view(self, request, object_id):
        obj = self._article_or_404(request, object_id)
        languages = [(code, name) for code, name in site_languages() if obj.has_language(code)]
        preview_urls = []
        for code, name in languages:
            with translation.override(code):
                preview_urls.append((code, name, reverse("articles:preview", kwargs={"pk": obj.pk})))
        links = obj.preview_links.select_related("created_by", "revoked_by")[:50]
        context = {
            **self._page_context(request, obj, _("Preview and share “%(article)s”") % {"article": obj}),
            "languages": preview_urls,
            "links": [
                {
                    "link": link,
                    "active": link.is_active(),
                    "urls": [(name, absolute_url(link.get_absolute_url(code))) for code, name in languages],
                }
                for link in links
            ],
            "can_share": request.user.has_perm("articles.add_previewlink"),
            "can_revoke": request.user.has_perm("articles.change_previewlink"),
            "durations": [(24, _("1 day")), (48, _("2 days")), (72, _("3 days")), (168, _("1 week"))],
        }
        return render(request, "admin/articles/article/preview_share.html", context)

    @staticmethod
    def _posted_hours(request):
        try:
            return int(request.POST.get("hours", "48"))
        except ValueError:
            return 0

    def share_create_view(self, request, object_id):
        return require_POST(self._share_create)(request, object_id)

    def _share_create(self, request, object_id):
        obj = self._article_or_404(request, object_id)
        try:
            services.preview_link_create(article=obj, by=request.user, hours=self._posted_hours(request))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("A new preview link was created. Copy it below and send it."))
        return HttpResponseRedirect(reverse("admin:articles_article_preview", args=[obj.pk]))

    def share_revoke_view(self, request, object_id, link_id):
        return require_POST(self._share_revoke)(request, object_id, link_id)

    def _share_revoke(self, request, object_id, link_id):
        obj = self._article_or_404(request, object_id)
        link = get_object_or_404(PreviewLink, pk=link_id, article=obj)
        services.preview_link_revoke(link=link, by=request.user)
        messages.success(request, _("The preview link was revoked: it no longer opens the article."))
        return HttpResponseRedirect(reverse("admin:articles_article_preview", args=[obj.pk]))
