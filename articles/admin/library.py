"""The library articles draw on: sections, tags, authors and images (with the editor's upload)."""

import logging

from django.contrib import admin
from django.db import transaction
from django.http import JsonResponse
from django.urls import path
from django.utils.html import format_html
from django.utils.translation import gettext as _, gettext_lazy
from modeltranslation.admin import TabbedDjangoJqueryTranslationAdmin

from articles.admin.forms import EditorUploadForm
from articles.models import Author, Image, Section, Tag

logger = logging.getLogger(__name__)


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
        try:
            with transaction.atomic():  # a failed save leaves the request's transaction usable
                image.save()
        except OSError:  # the object store (or the disk) refused the file; nothing was saved
            logger.exception("Editor upload could not be stored")
            return JsonResponse(
                {
                    "uploaded": 0,
                    "error": {
                        "message": _(
                            "The picture store is not answering, so the picture was not saved. "
                            "Try again in a minute."
                        )
                    },
                }
            )
        try:
            from articles.images import generate_renditions

            generate_renditions(image)
        except Exception:  # noqa: BLE001 - renditions are remade on first view if this fails
            pass
        return JsonResponse(
            {"uploaded": 1, "fileName": image.file.name.rsplit("/", 1)[-1], "url": image.file.url}
        )
