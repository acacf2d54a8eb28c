"""The newsroom's admin: articles with their editorial workflow, and the library they draw on.

Each role sees only what it may do (see ``articles/services.py`` for the rules): the fields of
the form, the inlines, the workflow buttons and the bulk actions are chosen per user and per
article, and every POST is checked again on the server whatever the page offered.
"""

import reversion
from ckeditor.widgets import CKEditorWidget
from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import path, reverse, reverse_lazy
from django.utils import timezone, translation
from django.utils.html import format_html
from django.utils.text import format_lazy
from django.utils.translation import gettext as _, gettext_lazy, ngettext
from django.views.decorators.http import require_POST
from modeltranslation.admin import TabbedDjangoJqueryTranslationAdmin, TranslationStackedInline
from reversion.models import Version

from articles import services
from articles.models import (
    LANGUAGE_CODES,
    Article,
    ArticleAuthor,
    Author,
    Correction,
    Image,
    PreviewLink,
    RelatedArticle,
    Section,
    Status,
    Tag,
    TranslationState,
    comparable_text,
)
from articles.sanitize import sanitize_html
from newsroom.site_url import absolute_url

ADMIN_CSS = "articles/admin.css"
EDITOR_JS = "articles/editor-uploads.js"


@admin.register(Section)
class SectionAdmin(TabbedDjangoJqueryTranslationAdmin):
    list_display = ["name", "slug", "order"]
    list_editable = ["order"]
    search_fields = ["name_en", "name_ar"]


@admin.register(Tag)
class TagAdmin(TabbedDjangoJqueryTranslationAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name_en", "name_ar", "slug_en", "slug_ar"]


@admin.register(Author)
class AuthorAdmin(TabbedDjangoJqueryTranslationAdmin):
    list_display = ["display_name", "slug", "user"]
    search_fields = ["display_name_en", "display_name_ar", "slug"]
    prepopulated_fields = {"slug": ["display_name_en"]}
    raw_id_fields = ["user"]


class EditorUploadForm(forms.Form):
    upload = forms.ImageField()

    def clean_upload(self):
        from articles.images import validate_image_upload

        upload = self.cleaned_data["upload"]
        validate_image_upload(upload)
        # The stored name's extension follows what Pillow found inside, never the sender's name.
        upload.name = f"upload.{upload.image.format.lower().replace('jpeg', 'jpg')}"
        return upload


@admin.register(Image)
class ImageAdmin(TabbedDjangoJqueryTranslationAdmin):
    list_display = ["thumbnail", "__str__", "width", "height", "created_at"]
    search_fields = ["caption_en", "caption_ar", "alt_text_en", "alt_text_ar", "credit_en", "credit_ar"]
    readonly_fields = ["thumbnail", "width", "height"]

    @admin.display(description=gettext_lazy("preview"))
    def thumbnail(self, obj):
        if not obj.file:
            return ""
        return format_html('<img src="{}" alt="" width="80" loading="lazy">', obj.file.url)

    def get_urls(self):
        return [
            path(
                "editor-upload/",
                self.admin_site.admin_view(self.editor_upload_view),
                name="articles_image_editor_upload",
            ),
            *super().get_urls(),
        ]

    def editor_upload_view(self, request):
        """Pictures dropped or uploaded in the rich-text editor go to the image library.

        Answers CKEditor's JSON upload protocol; Django's CSRF check applies (the editor
        sends the token in a header, see ``static/articles/editor-uploads.js``).
        """
        if request.method != "POST":
            return JsonResponse(
                {"uploaded": 0, "error": {"message": _("Send the picture with POST.")}}, status=405
            )
        if not self.has_add_permission(request):
            return JsonResponse(
                {"uploaded": 0, "error": {"message": _("You are not allowed to add pictures.")}}, status=403
            )
        form = EditorUploadForm(files=request.FILES)
        if not form.is_valid():
            message = " ".join(str(error) for errors in form.errors.values() for error in errors)
            # CKEditor shows the message only with a 200 answer.
            return JsonResponse({"uploaded": 0, "error": {"message": message}})
        image = Image(file=form.cleaned_data["upload"])
        image.save()
        try:
            from articles.images import generate_renditions

            generate_renditions(image)
        except Exception:  # noqa: BLE001 - renditions are remade on first view if this fails
            pass
        return JsonResponse(
            {"uploaded": 1, "fileName": image.file.name.rsplit("/", 1)[-1], "url": image.file.url}
        )


class NewsroomEditorWidget(CKEditorWidget):
    """CKEditor with the newsroom toolbar; pictures upload into the image library."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        upload_url = reverse_lazy("admin:articles_image_editor_upload")
        self.config = {
            **self.config,
            "filebrowserUploadUrl": upload_url,
            "filebrowserImageUploadUrl": upload_url,
            "filebrowserUploadMethod": "xhr",
            "uploadUrl": upload_url,
            "imageUploadUrl": upload_url,
        }


# --- Inlines -------------------------------------------------------------------------------


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


# --- Changelist filters --------------------------------------------------------------------


class StatusFilter(admin.SimpleListFilter):
    title = gettext_lazy("status")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [
            ("draft", Status.DRAFT.label),
            ("review", Status.REVIEW.label),
            ("scheduled", _("Scheduled")),
            ("live", _("Published (live)")),
            ("unpublished", Status.UNPUBLISHED.label),
            ("archived", Status.ARCHIVED.label),
        ]

    def queryset(self, request, queryset):
        value = self.value()
        if value == "scheduled":
            return queryset.scheduled()
        if value == "live":
            return queryset.published()
        if value in Status.values:
            return queryset.filter(status=value)
        return queryset


class AuthorFilter(admin.SimpleListFilter):
    title = gettext_lazy("author")
    parameter_name = "author"

    def lookups(self, request, model_admin):
        return [(str(author.pk), str(author)) for author in Author.objects.all()]

    def queryset(self, request, queryset):
        if not (self.value() or "").isdigit():
            return queryset
        return queryset.filter(
            Exists(ArticleAuthor.objects.filter(article=OuterRef("pk"), author_id=int(self.value())))
        )


class MineFilter(admin.SimpleListFilter):
    title = gettext_lazy("whose")
    parameter_name = "mine"

    def lookups(self, request, model_admin):
        return [("1", _("My articles"))]

    def queryset(self, request, queryset):
        if self.value() != "1":
            return queryset
        return queryset.filter(
            Q(created_by=request.user)
            | Exists(ArticleAuthor.objects.filter(article=OuterRef("pk"), author__user=request.user))
        )


def translation_state_filter(code, language_name):
    class TranslationStateFilter(admin.SimpleListFilter):
        title = format_lazy(gettext_lazy("{language} text"), language=language_name)
        parameter_name = f"lang_{code}"

        def lookups(self, request, model_admin):
            return TranslationState.choices

        def queryset(self, request, queryset):
            if self.value() in TranslationState.values:
                return queryset.in_translation_state(code, self.value())
            return queryset

    TranslationStateFilter.__name__ = f"TranslationState{code.title()}Filter"
    return TranslationStateFilter


# --- The article form ----------------------------------------------------------------------


class ArticleAdminForm(forms.ModelForm):
    """The article form, with the version it was loaded from and the workflow note.

    The admin subclasses it per request (``request``, ``locked_fields``).
    """

    loaded_version = forms.IntegerField(required=False, widget=forms.HiddenInput)
    workflow_note = forms.CharField(
        label=gettext_lazy("Note for the workflow history"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2, "cols": 60}),
        help_text=gettext_lazy(
            "Optional. Saved with the next workflow step (submit, publish, send back…), "
            "e.g. what you changed or what still needs doing."
        ),
    )

    request = None
    locked_fields = frozenset()

    class Meta:
        model = Article
        fields = "__all__"  # noqa: DJ007 - ModelAdmin.get_form picks the fields per user and article

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and "loaded_version" in self.fields:
            self.fields["loaded_version"].initial = self.instance.version
        for name, field in self.fields.items():
            if name.startswith("body_"):
                # The rich-text editor reformats what it loads: only a change readers see counts.
                field.has_changed = self._body_has_changed
        for name in self.locked_fields:
            if name in self.fields:
                self.fields[name].disabled = True
                self.fields[name].help_text = _(
                    "Original text, for reference: translators change the other language."
                )

    @staticmethod
    def _body_has_changed(initial, data):
        return comparable_text(sanitize_html(initial or "")) != comparable_text(sanitize_html(data or ""))

    @property
    def requested_step(self):
        return (self.request.POST.get("_transition") or "") if self.request else ""

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk and "loaded_version" in self.fields:
            self._refuse_stale_save(cleaned.get("loaded_version"))
        step = self.requested_step
        if step:
            name = "publish" if step == "schedule" else step
            try:
                services.check_transition(user=self.request.user, article=self.instance, name=name)
            except ValidationError as error:
                raise ValidationError(error.messages) from None
            if step == "schedule":
                when = cleaned.get("publish_at")
                if not when or when <= timezone.now():
                    self.add_error("publish_at", _("To schedule the article, choose a time in the future."))
        return cleaned

    def _post_clean(self):
        super()._post_clean()
        if self.requested_step in ("publish", "schedule") and not self.instance.has_any_language():
            self.add_error(
                None, _("An article needs a headline and a body in at least one language to be published.")
            )

    def _refuse_stale_save(self, loaded):
        """Refuse to overwrite changes saved since this form was loaded (the row stays locked
        until this request's transaction ends, so no save can slip in between)."""
        current = (
            Article.objects.select_for_update().filter(pk=self.instance.pk).values_list("version", flat=True)
        )
        current = current.first()
        if current is None or loaded == current:
            return
        article = Article.objects.get(pk=self.instance.pk)
        conflict = services.article_changes_since(article=article, loaded=loaded or 0)
        # The next save from this form is a deliberate overwrite, made after reading this message.
        self.data = self.data.copy()
        self.data[self.add_prefix("loaded_version")] = current
        people = ", ".join(conflict.people) or _("someone else")
        if conflict.fields:
            changed = ", ".join(str(services.field_description(change)) for change in conflict.fields)
            message = _(
                "Not saved: %(people)s saved this article while you were editing it and changed: %(fields)s. "
                "Your changes are still in the form below. Compare them with the current version "
                "(open the article in a new tab), then save again to replace it with yours."
            ) % {"people": people, "fields": changed}
        else:
            message = _(
                "Not saved: %(people)s saved this article while you were editing it. Your changes are "
                "still in the form below. Compare them with the current version (open the article in a "
                "new tab), then save again to replace it with yours."
            ) % {"people": people}
        raise ValidationError(message, code="stale")


# --- The article admin ---------------------------------------------------------------------


def translation_state_column(code, language_name):
    @admin.display(description=language_name)
    def column(self, obj):
        state = getattr(obj, f"translation_state_{code}", None) or obj.translation_state(code)
        return format_html(
            '<span class="translation-state translation-state--{}">{}</span>',
            state,
            TranslationState(state).label,
        )

    column.__name__ = f"state_{code}"
    return column


@admin.register(Article)
class ArticleAdmin(TabbedDjangoJqueryTranslationAdmin):
    form = ArticleAdminForm
    list_display = [
        "thumbnail",
        "headline_column",
        "section",
        "workflow_status",
        "publish_at",
        "state_en",
        "state_ar",
        "byline",
    ]
    list_display_links = ["headline_column"]
    list_filter = [
        StatusFilter,
        "section",
        AuthorFilter,
        translation_state_filter("en", gettext_lazy("English")),
        translation_state_filter("ar", gettext_lazy("Arabic")),
        MineFilter,
        "label",
        "featured",
    ]
    list_select_related = ["section", "lead_image"]
    list_per_page = 50
    # Counting 20,000 rows on every page view is wasted work; filtered counts are still shown.
    show_full_result_count = False
    search_fields = ["headline_en", "headline_ar", "slug_en", "slug_ar"]
    search_help_text = gettext_lazy("Search headlines and addresses in both languages.")
    date_hierarchy = "publish_at"
    ordering = ["-updated_at", "-pk"]
    autocomplete_fields = ["tags", "lead_image"]
    inlines = [ArticleAuthorInline, RelatedArticleInline, CorrectionInline]
    actions = [
        "submit_selected",
        "publish_selected",
        "unpublish_selected",
        "archive_selected",
        "return_to_draft_selected",
        "feature_selected",
        "unfeature_selected",
    ]
    change_form_template = "admin/articles/article/change_form.html"
    object_history_template = "admin/articles/article/object_history.html"

    state_en = translation_state_column("en", gettext_lazy("English"))
    state_ar = translation_state_column("ar", gettext_lazy("Arabic"))

    class Media:
        css = {"all": [ADMIN_CSS]}
        js = [EDITOR_JS]

    # Queries ---------------------------------------------------------------------------------

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.resolver_match and request.resolver_match.url_name == "articles_article_changelist":
            # The list never shows bodies or search documents: leave the big columns behind.
            queryset = (
                queryset.defer("body", "body_en", "body_ar", "search_en", "search_ar")
                .with_translation_states()
                .prefetch_related(
                    Prefetch("article_authors", queryset=ArticleAuthor.objects.select_related("author"))
                )
            )
        return queryset

    # Columns ---------------------------------------------------------------------------------

    @admin.display(description=gettext_lazy("headline"), ordering="headline_en")
    def headline_column(self, obj):
        return str(obj)

    @admin.display(description=gettext_lazy("picture"))
    def thumbnail(self, obj):
        if not obj.lead_image_id or not obj.lead_image.file:
            return ""
        return format_html(
            '<img class="article-thumb" src="{}" alt="" width="64" height="36" loading="lazy">',
            obj.lead_image.file.url,
        )

    @admin.display(description=gettext_lazy("status"), ordering="status")
    def workflow_status(self, obj):
        if obj.is_scheduled():
            label, css = _("Scheduled"), "scheduled"
        else:
            label, css = obj.get_status_display(), obj.status
        return format_html('<span class="workflow-status workflow-status--{}">{}</span>', css, label)

    @admin.display(description=gettext_lazy("byline"))
    def byline(self, obj):
        return ", ".join(str(link.author) for link in obj.article_authors.all())

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

    def has_review_permission(self, request):
        return request.user.has_perm("articles.review_article")

    def has_publish_permission(self, request):
        return request.user.has_perm("articles.publish_article")

    def has_curate_permission(self, request):
        return services.is_editor(request.user)

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
                    (code, name, obj.translation_state(code)) for code, name in self._languages()
                ],
                recent_steps=list(obj.transitions.select_related("by")[:5]),
                preview_languages=[
                    (code, name) for code, name in self._languages() if obj.has_language(code)
                ],
            )
        return context

    @staticmethod
    def _languages():
        from django.conf import settings

        return [(code, _(name)) for code, name in settings.LANGUAGES]

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
        article = form.instance
        # After the inlines and tags are saved, so the revision holds them as they are now.
        reversion.add_to_revision(article)
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
                    _("Scheduled: the article goes live on %(time)s.")
                    % {"time": services._format_time(when)},
                )
            else:
                messages.success(request, _("Published: the article is live now."))
        else:
            services.TRANSITION_FUNCTIONS[step](article=article, by=request.user, note=note)
            messages.success(request, _("Done: %(step)s.") % {"step": services.TRANSITIONS[step].label})

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

    # Extra pages: history, compare, restore, preview and share --------------------------------

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
            path(
                "<path:object_id>/transition/", view(self.transition_view), name="articles_article_transition"
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
        for code, name in [*self._languages(), ("", _("Placement and publication"))]:
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

    def preview_share_view(self, request, object_id):
        obj = self._article_or_404(request, object_id)
        languages = [(code, name) for code, name in self._languages() if obj.has_language(code)]
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
