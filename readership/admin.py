from django.contrib import admin

from readership.models import ArticleReads


@admin.register(ArticleReads)
class ArticleReadsAdmin(admin.ModelAdmin):
    """Daily read counts behind "Most read"; written by the read beacon only."""

    list_display = ["day", "article", "language", "views", "visitors"]
    list_filter = ["language", "day"]
    list_select_related = ["article"]
    date_hierarchy = "day"
    search_fields = ["article__headline_en", "article__headline_ar"]
    raw_id_fields = ["article"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
