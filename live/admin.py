"""Live coverage in the admin: a desk page made for speed (two text fields, one button), updates
edited with their revisions kept (django-reversion), breaking alerts raised and withdrawn."""

from ckeditor.widgets import CKEditorWidget
from django import forms
from django.contrib import admin, messages
from django.contrib.admin.options import ActionLocation
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _, gettext_lazy, ngettext
from modeltranslation.admin import TabbedDjangoJqueryTranslationAdmin
from reversion.admin import VersionAdmin
from reversion.models import Version

from articles.uploads import validate_image_file
from live import services
from live.models import BreakingAlert, LiveBlog, LiveUpdate


class QuickUpdateForm(forms.Form):
    text_en = forms.CharField(
        label=gettext_lazy("English"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "dir": "ltr", "lang": "en"}),
    )
    text_ar = forms.CharField(
        label=gettext_lazy("Arabic"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "dir": "rtl", "lang": "ar"}),
    )
    key_event = forms.BooleanField(label=gettext_lazy("Key event"), required=False)
    picture = forms.FileField(
        label=gettext_lazy("Picture"),
        required=False,
        help_text=gettext_lazy("Optional. JPEG, PNG, WebP or GIF; stored in the image library."),
    )
    picture_alt = forms.CharField(
        label=gettext_lazy("What the picture shows"),
        required=False,
        max_length=250,
        help_text=gettext_lazy("For readers who cannot see it."),
    )

    def clean(self):
        data = super().clean()
        if not (data.get("text_en", "").strip() or data.get("text_ar", "").strip()):
            raise ValidationError(_("Write the update in at least one language."))
        if data.get("picture"):
            validate_image_file(data["picture"])
        return data


@admin.register(LiveBlog)
class LiveBlogAdmin(admin.ModelAdmin):
    list_display = ["__str__", "started_at", "ended_at", "is_ended", "desk_link"]
    autocomplete_fields = ["article"]
    search_fields = ["article__headline_en", "article__headline_ar"]
    actions = ["end_coverage"]

    @admin.display(description=gettext_lazy("desk"))
    def desk_link(self, obj):
        return format_html(
            '<a href="{}">{}</a>', reverse("admin:live_liveblog_desk", args=[obj.pk]), _("Post updates")
        )

    def get_urls(self):
        desk = self.admin_site.admin_view(self.desk_view)
        return [path("<int:pk>/desk/", desk, name="live_liveblog_desk"), *super().get_urls()]

    def desk_view(self, request, pk):
        """Post an update in two fields; the latest updates below, each with its edit link."""
        live_blog = get_object_or_404(LiveBlog.objects.select_related("article"), pk=pk)
        if not request.user.has_perm("live.add_liveupdate"):
            raise PermissionDenied
        if request.method == "POST" and "delete" in request.POST:
            return self.desk_delete(request, live_blog)
        form = QuickUpdateForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            try:
                image = None
                if data["picture"]:
                    image = services.image_from_upload(file=data["picture"], alt_text=data["picture_alt"])
                services.live_update_post(
                    live_blog=live_blog,
                    by=request.user,
                    texts={"en": data["text_en"], "ar": data["text_ar"]},
                    key_event=data["key_event"],
                    image=image,
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                self.message_user(request, _("Update posted."), messages.SUCCESS)
                return HttpResponseRedirect(request.path)
        updates = list(
            live_blog.updates.filter(deleted_at__isnull=True).select_related("author", "posted_by")[:30]
        )
        for update in updates:
            # Everyone on the desk sees the whole blog; edit and delete only what is theirs to change.
            update.editable = update.is_editable_by(request.user)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "live_blog": live_blog,
            "form": form,
            "updates": updates,
            "can_delete": request.user.has_perm("live.delete_liveupdate"),
            "title": _("Live desk: %(article)s") % {"article": live_blog.article},
        }
        return TemplateResponse(request, "admin/live/liveblog/desk.html", context)

    def desk_delete(self, request, live_blog):
        """The desk's "Delete" button: one's own update (anyone's for editors), revisions kept."""
        update = get_object_or_404(
            live_blog.updates.filter(deleted_at__isnull=True), pk=request.POST["delete"]
        )
        services.live_update_delete(update=update, by=request.user)  # PermissionDenied if not theirs
        self.message_user(request, _("Update deleted."), messages.SUCCESS)
        return HttpResponseRedirect(request.path)

    @admin.action(description=gettext_lazy("End coverage"), permissions=["change"])
    def end_coverage(self, request, queryset):
        for live_blog in queryset.filter(ended_at__isnull=True):
            services.live_blog_end(live_blog=live_blog, by=request.user)


class LiveUpdateAdminForm(forms.ModelForm):
    class Meta:
        model = LiveUpdate
        fields = ["body_en", "body_ar", "key_event", "image", "author", "posted_at"]
        widgets = {"body_en": CKEditorWidget(), "body_ar": CKEditorWidget(config_name="rtl")}


@admin.register(LiveUpdate)
class LiveUpdateAdmin(VersionAdmin, TabbedDjangoJqueryTranslationAdmin):
    form = LiveUpdateAdminForm
    list_display = ["__str__", "key_event", "posted_by", "posted_at", "deleted_at"]
    list_filter = ["key_event", ("deleted_at", admin.EmptyFieldListFilter)]
    raw_id_fields = ["image", "author", "live_blog"]
    actions = ["soft_delete"]

    def get_fields(self, request, obj=None):
        return ["live_blog", "body_en", "body_ar", "key_event", "image", "author", "posted_at"]

    # Writers edit and delete only the updates they posted; editors anyone's (live.change_any_liveupdate).

    def get_queryset(self, request):
        return super().get_queryset(request).editable_by(request.user)

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or obj.is_editable_by(request.user))

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or obj.is_editable_by(request.user))

    def revision_view(self, request, object_id, version_id, extra_context=None):
        # Checked first: reversion reverts before the change form looks the update up, and keeps
        # the revert when that form redirects, as it does for an update outside get_queryset.
        update = self.get_object(request, unquote(object_id))
        if update is None or not self.has_change_permission(request, update):
            raise PermissionDenied
        return super().revision_view(request, object_id, version_id, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        # A deleted update comes back only for someone who could have edited it.
        version = get_object_or_404(Version.objects.get_for_model(LiveUpdate), pk=version_id)
        posted_by = version.field_dict.get("posted_by_id")
        if not (request.user.has_perm("live.change_any_liveupdate") or posted_by == request.user.pk):
            raise PermissionDenied
        return super().recover_view(request, version_id, extra_context)

    def get_actions(self, request, action_location=ActionLocation.CHANGE_LIST):
        # Deleting is the soft delete below (readers stop seeing it, the text stays).
        actions = super().get_actions(request, action_location=action_location)
        actions.pop("delete_selected", None)
        return actions

    def save_model(self, request, obj, form, change):
        if not change:
            obj.posted_by = request.user
        super().save_model(request, obj, form, change)

    @admin.action(
        description=gettext_lazy("Delete selected updates (revisions kept)"), permissions=["delete"]
    )
    def soft_delete(self, request, queryset):
        count = 0
        for update in queryset.filter(deleted_at__isnull=True):
            services.live_update_delete(update=update, by=request.user)
            count += 1
        self.message_user(
            request,
            ngettext("%(count)d update deleted.", "%(count)d updates deleted.", count) % {"count": count},
        )


@admin.register(BreakingAlert)
class BreakingAlertAdmin(TabbedDjangoJqueryTranslationAdmin):
    list_display = ["__str__", "article", "expires_at", "is_current"]
    autocomplete_fields = ["article"]
    fields = ["text", "article", "expires_at"]
    actions = ["withdraw"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    @admin.action(description=gettext_lazy("Withdraw selected alerts"), permissions=["change"])
    def withdraw(self, request, queryset):
        for alert in queryset.filter(withdrawn_at__isnull=True):
            services.breaking_alert_withdraw(alert=alert, by=request.user)
