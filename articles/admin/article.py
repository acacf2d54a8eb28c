"""The article admin: each role sees only what it may do (see ``articles/services/roles.py``):
the fields of the form, the inlines, the workflow buttons and the bulk actions are chosen per
user and per article, and every POST is checked again on the server whatever the page offered.

The list (``changelist``), the workflow (``workflow``) and the extra pages (``pages``) are
mixins; this module keeps the form and the saving.
"""

import reversion
from django.contrib import admin
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from modeltranslation.admin import TabbedDjangoJqueryTranslationAdmin

from articles import services
from articles.admin.changelist import ArticleChangelistMixin
from articles.admin.forms import ArticleAdminForm, NewsroomEditorWidget
from articles.admin.inlines import ArticleAuthorInline, CorrectionInline, RelatedArticleInline
from articles.admin.pages import ADMIN_CSS, ArticlePagesMixin
from articles.admin.workflow import ArticleWorkflowMixin
from articles.models import LANGUAGE_CODES, Article, Author, Correction

EDITOR_JS = "articles/editor-uploads.js"


@admin.register(Article)
class ArticleAdmin(
    ArticleChangelistMixin, ArticleWorkflowMixin, ArticlePagesMixin, TabbedDjangoJqueryTranslationAdmin
):
    form = ArticleAdminForm
    inlines = [ArticleAuthorInline, RelatedArticleInline, CorrectionInline]
    change_form_template = "admin/articles/article/change_form.html"
    object_history_template = "admin/articles/article/object_history.html"

    class Media:
        css = {"all": [ADMIN_CSS]}
        js = [EDITOR_JS]

    def get_view_on_site_url(self, obj=None):
        """The public page, only while the article is live; drafts have "Preview and share"."""
        if obj is None:
            return None
        language = (translation.get_language() or "en").split("-")[0]
        live = obj.live_languages()
        if not live:
            return None
        return obj.get_absolute_url(language if language in live else live[0])

    # Permissions -----------------------------------------------------------------------------

    def has_change_permission(self, request, obj=None):
        if obj is None:
            return super().has_change_permission(request)
        return services.user_can_edit(user=request.user, article=obj)

    # The form --------------------------------------------------------------------------------

    def _visible_and_locked(self, request, obj):
        editable = services.article_editable_fields(user=request.user, article=obj)
        if not editable or (obj is not None and not self.has_change_permission(request, obj)):
            return set(services.EDITOR_FIELDS), set(), False
        if editable <= services.ALL_TEXT_FIELDS:
            # A translator: the original text is shown (disabled) beside the translation.
            return set(services.ALL_TEXT_FIELDS), services.ALL_TEXT_FIELDS - editable, True
        return editable, set(), True

    def get_fieldsets(self, request, obj=None):
        visible, _locked, can_edit = self._visible_and_locked(request, obj)
        # Translated fields grouped per field (headline_en, headline_ar, slug_en…) for the tabs.
        text = ["label"] * ("label" in visible) + [
            f"{name}_{code}"
            for name in services.TRANSLATED_FIELDS
            for code in LANGUAGE_CODES
            if f"{name}_{code}" in visible
        ]
        placement = [
            name
            for name in ["section", "tags", "lead_image", "original_language", "featured", "comments_open"]
            if name in visible
        ]
        publication = ["publish_at"] if "publish_at" in visible else []
        if can_edit:
            text.append("loaded_version")
            if obj is None or services.available_transitions(user=request.user, article=obj):
                publication.append("workflow_note")
        fieldsets = [(None, {"fields": text})]
        if placement:
            fieldsets.append((_("Placement"), {"fields": placement}))
        if publication:
            fieldsets.append((_("Publication"), {"fields": publication, "classes": ["workflow-fieldset"]}))
        return fieldsets

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        _visible, locked, _can_edit = self._visible_and_locked(request, obj)
        return type(form.__name__, (form,), {"request": request, "locked_fields": frozenset(locked)})

    def get_inlines(self, request, obj):
        editable = services.article_editable_fields(user=request.user, article=obj)
        view_only = obj is not None and not editable
        inlines = []
        if services.BYLINES in editable or view_only:
            inlines.append(ArticleAuthorInline)
        if services.RELATED in editable or view_only:
            inlines.append(RelatedArticleInline)
        if obj is not None and (services.CORRECTIONS in editable or (view_only and obj.corrections.exists())):
            inlines.append(CorrectionInline)
        return inlines

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        if isinstance(inline, ArticleAuthorInline) and obj.pk is None and request.method == "GET":
            # A new article starts with the writer's own byline, when they have one.
            author = Author.objects.filter(user=request.user).first()
            if author:
                kwargs["initial"] = [{"author": author.pk}]
        return kwargs

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name.startswith("body_"):
            language = db_field.name.rsplit("_", 1)[1]
            kwargs["widget"] = NewsroomEditorWidget(config_name="rtl" if language == "ar" else "default")
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    # Saving ----------------------------------------------------------------------------------

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        extra_context = {**(extra_context or {}), **self._workflow_context(request, object_id)}
        if request.method != "POST":
            return super().changeform_view(request, object_id, form_url, extra_context)
        with reversion.create_revision(manage_manually=True):
            reversion.set_user(request.user)
            return super().changeform_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        if not change and obj.created_by_id is None:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        if formset.model is Correction:
            for correction in formset.save(commit=False):
                correction.created_by = request.user
                correction.save()
            formset.save_m2m()
            return
        super().save_formset(request, form, formset, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # After the inlines and tags are saved, so the revision holds them as they are now.
        reversion.add_to_revision(form.instance)
        self.apply_requested_step(request, form)

    def log_addition(self, request, obj, message):
        entry = super().log_addition(request, obj, message)
        if reversion.is_active():
            reversion.set_comment(_("Created."))
        return entry

    def log_change(self, request, obj, message):
        entry = super().log_change(request, obj, message)
        if reversion.is_active():
            reversion.set_comment(entry.get_change_message())
        return entry

    def response_add(self, request, obj, post_url_continue=None):
        if request.POST.get("_transition"):
            return HttpResponseRedirect(reverse("admin:articles_article_change", args=[obj.pk]))
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        if request.POST.get("_transition"):
            return HttpResponseRedirect(reverse("admin:articles_article_change", args=[obj.pk]))
        return super().response_change(request, obj)
