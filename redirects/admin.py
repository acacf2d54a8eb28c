from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from redirects.lookup import target_url
from redirects.models import MissedAddress, Redirect, Source


@admin.register(Redirect)
class RedirectAdmin(admin.ModelAdmin):
    list_display = ["old_path", "leads_to", "language", "source", "updated_at"]
    list_filter = ["source", "language", "content_type"]
    search_fields = ["old_path", "target_path"]
    fields = ["old_path", "language", "target_path", "content_type", "object_id", "source"]
    readonly_fields = ["source"]

    @admin.display(description=_("leads to"))
    def leads_to(self, obj):
        url = target_url(obj)
        return format_html('<a href="{}">{}</a>', url, url) if url else _("(page no longer exists)")

    def save_model(self, request, obj, form, change):
        # A redirect an editor touched is theirs: a later import leaves it alone.
        obj.source = Source.EDITOR
        super().save_model(request, obj, form, change)


@admin.register(MissedAddress)
class MissedAddressAdmin(admin.ModelAdmin):
    list_display = ["path", "hits", "first_seen", "last_seen"]
    search_fields = ["path"]
    readonly_fields = ["path", "hits", "first_seen", "last_seen"]

    def has_add_permission(self, request):
        return False
