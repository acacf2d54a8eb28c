from ckeditor.widgets import CKEditorWidget
from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedDjangoJqueryTranslationAdmin

from articles.models import (
    LANGUAGE_CODES,
    Article,
    ArticleAuthor,
    Author,
    Image,
    RelatedArticle,
    Section,
    Tag,
)


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


@admin.register(Image)
class ImageAdmin(TabbedDjangoJqueryTranslationAdmin):
    list_display = ["thumbnail", "__str__", "width", "height", "created_at"]
    search_fields = ["caption_en", "caption_ar", "alt_text_en", "alt_text_ar", "credit_en", "credit_ar"]
    readonly_fields = ["thumbnail", "width", "height"]

    @admin.display(description=_("preview"))
    def thumbnail(self, obj):
        if not obj.file:
            return ""
        return format_html('<img src="{}" alt="" width="80" loading="lazy">', obj.file.url)


class ArticleAuthorInline(admin.TabularInline):
    model = ArticleAuthor
    extra = 0
    min_num = 1
    autocomplete_fields = ["author"]
    verbose_name = _("author")
    verbose_name_plural = _("byline (in order)")


class RelatedArticleInline(admin.TabularInline):
    model = RelatedArticle
    fk_name = "from_article"
    extra = 0
    autocomplete_fields = ["to_article"]
    verbose_name = _("related story")
    verbose_name_plural = _("related stories (editor's picks, in order)")


@admin.register(Article)
class ArticleAdmin(TabbedDjangoJqueryTranslationAdmin):
    list_display = ["__str__", "section", "status", "publish_at", "is_published", "languages"]
    list_filter = ["status", "section", "label"]
    list_select_related = ["section"]
    search_fields = ["headline_en", "headline_ar"]
    date_hierarchy = "publish_at"
    autocomplete_fields = ["tags", "lead_image"]
    inlines = [ArticleAuthorInline, RelatedArticleInline]
    fieldsets = [
        (None, {"fields": ["label", "headline", "slug", "summary", "source", "body"]}),
        (_("Placement"), {"fields": ["section", "tags", "lead_image", "featured", "comments_open"]}),
        (_("Publication"), {"fields": ["status", "publish_at"]}),
    ]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name.startswith("body_"):
            language = db_field.name.rsplit("_", 1)[1]
            kwargs["widget"] = CKEditorWidget(config_name="rtl" if language == "ar" else "default")
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    @admin.display(description=_("languages"))
    def languages(self, obj):
        return " · ".join(code.upper() if obj.has_language(code) else f"({code})" for code in LANGUAGE_CODES)

    def save_model(self, request, obj, form, change):
        if not change and obj.created_by_id is None:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)
