"""The editorial workflow in the admin: the step buttons' context, the step requested with a
save, the stand-alone step view, and the bulk actions. Every step goes through ``services``.
"""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpResponseRedirect
from django.urls import path, reverse
from django.utils.translation import gettext as _, gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from articles import services
from articles.admin.pages import site_languages
from articles.models import Article


class ArticleWorkflowMixin:
    """Workflow steps of ``ArticleAdmin``; the services check every one of them again."""

    actions = [
        "submit_selected",
        "publish_selected",
        "unpublish_selected",
        "archive_selected",
        "return_to_draft_selected",
        "feature_selected",
        "unfeature_selected",
    ]

    def has_review_permission(self, request):
        return request.user.has_perm("articles.review_article")

    def has_publish_permission(self, request):
        return request.user.has_perm("articles.publish_article")

    def has_curate_permission(self, request):
        return services.is_editor(request.user)

    def _workflow_context(self, request, object_id):
        obj = self.get_object(request, unquote(object_id)) if object_id else None
        if object_id and obj is None:
            return {}
        article = obj or Article()
        steps = services.available_transitions(user=request.user, article=article)
        if obj is None:
            steps = [s for s in steps if s.name in ("submit", "publish")]
        context = {
            "workflow_steps": steps,
            "can_schedule": "publish" in {s.name for s in steps} and services.is_editor(request.user),
            "article_obj": obj,
        }
        if obj is not None:
            context.update(
                translation_states=[
                    (code, name, obj.translation_state(code)) for code, name in site_languages()
                ],
                recent_steps=list(obj.transitions.select_related("by")[:5]),
                preview_languages=[(code, name) for code, name in site_languages() if obj.has_language(code)],
            )
        return context

    def apply_requested_step(self, request, form):
        """The workflow step asked for with the save (``_transition``), once the form is saved."""
        article = form.instance
        step = form.requested_step
        if not step:
            return
        note = form.cleaned_data.get("workflow_note") or ""
        if step in ("publish", "schedule"):
            when = form.cleaned_data.get("publish_at") if step == "schedule" else None
            services.article_publish(article=article, by=request.user, publish_at=when, note=note)
            if step == "schedule":
                messages.success(
                    request,
                    _("Scheduled: the article goes live on %(time)s.") % {"time": services.format_time(when)},
                )
            else:
                messages.success(request, _("Published: the article is live now."))
        else:
            services.TRANSITION_FUNCTIONS[step](article=article, by=request.user, note=note)
            messages.success(request, _("Done: %(step)s.") % {"step": services.TRANSITIONS[step].label})

    # Bulk actions ----------------------------------------------------------------------------

    def _bulk(self, request, queryset, name, done_message, **kwargs):
        done, skipped = 0, 0
        for article in queryset.order_by("pk"):
            try:
                with transaction.atomic():
                    services.TRANSITION_FUNCTIONS[name](article=article, by=request.user, **kwargs)
                done += 1
            except (PermissionDenied, ValidationError):
                skipped += 1
        if done:
            self.message_user(request, done_message(done), messages.SUCCESS)
        if skipped:
            self.message_user(
                request,
                ngettext(
                    "%(count)d article was left as it was: not allowed, or not possible in its state.",
                    "%(count)d articles were left as they were: not allowed, or not possible in their state.",
                    skipped,
                )
                % {"count": skipped},
                messages.WARNING,
            )

    @admin.action(description=gettext_lazy("Submit selected articles for review"), permissions=["review"])
    def submit_selected(self, request, queryset):
        self._bulk(
            request, queryset, "submit",
            lambda n: ngettext("%(count)d article submitted for review.", "%(count)d articles submitted for review.", n) % {"count": n},
        )  # fmt: skip

    @admin.action(description=gettext_lazy("Publish selected articles now"), permissions=["publish"])
    def publish_selected(self, request, queryset):
        self._bulk(
            request, queryset, "publish",
            lambda n: ngettext("%(count)d article published.", "%(count)d articles published.", n) % {"count": n},
        )  # fmt: skip

    @admin.action(description=gettext_lazy("Unpublish selected articles"), permissions=["publish"])
    def unpublish_selected(self, request, queryset):
        self._bulk(
            request, queryset, "unpublish",
            lambda n: ngettext("%(count)d article unpublished.", "%(count)d articles unpublished.", n) % {"count": n},
        )  # fmt: skip

    @admin.action(description=gettext_lazy("Archive selected articles"), permissions=["publish"])
    def archive_selected(self, request, queryset):
        self._bulk(
            request, queryset, "archive",
            lambda n: ngettext("%(count)d article archived.", "%(count)d articles archived.", n) % {"count": n},
        )  # fmt: skip

    @admin.action(description=gettext_lazy("Send selected articles back to draft"), permissions=["publish"])
    def return_to_draft_selected(self, request, queryset):
        self._bulk(
            request, queryset, "return_to_draft",
            lambda n: ngettext("%(count)d article sent back to draft.", "%(count)d articles sent back to draft.", n) % {"count": n},
        )  # fmt: skip

    @admin.action(description=gettext_lazy("Show selected articles as lead stories"), permissions=["curate"])
    def feature_selected(self, request, queryset):
        count = sum(
            services.article_set_featured(article=a, by=request.user, featured=True) for a in queryset
        )
        self.message_user(
            request,
            ngettext(
                "%(count)d article is now a lead story.", "%(count)d articles are now lead stories.", count
            )
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(
        description=gettext_lazy("Remove selected articles from the lead stories"), permissions=["curate"]
    )
    def unfeature_selected(self, request, queryset):
        count = sum(
            services.article_set_featured(article=a, by=request.user, featured=False) for a in queryset
        )
        self.message_user(
            request,
            ngettext(
                "%(count)d article is no longer a lead story.",
                "%(count)d articles are no longer lead stories.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )

    def get_urls(self):
        return [
            path(
                "<path:object_id>/transition/",
                self.admin_site.admin_view(self.transition_view),
                name="articles_article_transition",
            ),
            *super().get_urls(),
        ]

    def transition_view(self, request, object_id):
        """A workflow step without editing, for those who may move the article but not change
        it (a writer withdrawing a submission, for example)."""
        return require_POST(self._transition)(request, object_id)

    def _transition(self, request, object_id):
        obj = self._article_or_404(request, object_id)
        step = request.POST.get("step", "")
        if step not in services.TRANSITION_FUNCTIONS:
            raise PermissionDenied
        try:
            expected = int(request.POST.get("expected_version", ""))
        except ValueError:
            expected = -1
        try:
            services.TRANSITION_FUNCTIONS[step](
                article=obj,
                by=request.user,
                note=request.POST.get("note", "")[:2000],
                expected_version=expected,
            )
        except services.StaleArticle as error:
            messages.error(request, " ".join(error.messages))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Done: %(step)s.") % {"step": services.TRANSITIONS[step].label})
        return HttpResponseRedirect(reverse("admin:articles_article_change", args=[obj.pk]))
