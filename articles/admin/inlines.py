"""The parts of an article edited inline: byline, related stories, corrections."""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy
from modeltranslation.admin import TranslationStackedInline

from articles import services
from articles.models import ArticleAuthor, Correction, RelatedArticle


class WorkflowInlineMixin:
    """An inline editable only by those the workflow lets change that part of the article."""

    part = None

    def _editable(self, request, obj):
        return self.part in services.article_editable_fields(user=request.user, article=obj)

    def has_add_permission(self, request, obj=None):
        return self._editable(request, obj)

    def has_change_permission(self, request, obj=None):
        return self._editable(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._editable(request, obj)

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("articles.view_article") or self._editable(request, obj)


class ArticleAuthorInline(WorkflowInlineMixin, admin.TabularInline):
    model = ArticleAuthor
    part = services.BYLINES
    extra = 0
    min_num = 1
    autocomplete_fields = ["author"]
    verbose_name = gettext_lazy("author")
    verbose_name_plural = gettext_lazy("byline (in order)")


class RelatedArticleInline(WorkflowInlineMixin, admin.TabularInline):
    model = RelatedArticle
    part = services.RELATED
    fk_name = "from_article"
    extra = 0
    autocomplete_fields = ["to_article"]
    verbose_name = gettext_lazy("related story")
    verbose_name_plural = gettext_lazy("related stories (editor's picks, in order)")


class CorrectionInline(WorkflowInlineMixin, TranslationStackedInline):
    """Corrections are appended, never rewritten: saved ones are shown read-only."""

    model = Correction
    part = services.CORRECTIONS
    extra = 0
    fields = ["text", "created_at", "created_by"]
    readonly_fields = ["created_at", "created_by"]
    verbose_name = gettext_lazy("correction")
    verbose_name_plural = gettext_lazy("corrections (shown under the article, dated)")
    classes = ["corrections"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name.startswith("text_"):
            kwargs["widget"] = forms.Textarea(attrs={"rows": 2, "cols": 80})
        return super().formfield_for_dbfield(db_field, request, **kwargs)
