"""The article list: filters, columns and what the list loads."""

from django.contrib import admin
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.utils.html import format_html
from django.utils.translation import gettext as _, gettext_lazy

from articles.admin.translation_state import translation_state_column, translation_state_filter
from articles.models import SEARCH_DOCUMENTS, ArticleAuthor, Author, Status


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


class ArticleChangelistMixin:
    """List configuration of ``ArticleAdmin``: columns, filters, search, and a lean queryset."""

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

    state_en = translation_state_column("en", gettext_lazy("English"))
    state_ar = translation_state_column("ar", gettext_lazy("Arabic"))

    # Queries ---------------------------------------------------------------------------------

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.resolver_match and request.resolver_match.url_name == "articles_article_changelist":
            # The list never shows bodies or search documents: leave the big columns behind.
            queryset = (
                queryset.defer("body", "body_en", "body_ar", *SEARCH_DOCUMENTS)
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
