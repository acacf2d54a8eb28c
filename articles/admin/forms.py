"""The forms of the article admin: the article form itself, the rich-text editor widget, and
the picture upload the editor sends.
"""

from ckeditor.widgets import CKEditorWidget
from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _, gettext_lazy

from articles import services
from articles.models import Article, comparable_text
from articles.sanitize import sanitize_html


class EditorUploadForm(forms.Form):
    upload = forms.ImageField()

    def clean_upload(self):
        from articles.images import validate_image_upload

        upload = self.cleaned_data["upload"]
        validate_image_upload(upload)
        # The stored name's extension follows what Pillow found inside, never the sender's name.
        upload.name = f"upload.{upload.image.format.lower().replace('jpeg', 'jpg')}"
        return upload


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
