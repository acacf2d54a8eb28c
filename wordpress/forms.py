from django import forms
from django.utils.translation import gettext_lazy as _

from articles.models import Section
from wordpress.archive import check_archive


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field (a split export: ``wp export --max_file_size``)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".xml,application/xml,text/xml"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)]


class ImportUploadForm(forms.Form):
    exports = MultipleFileField(
        label=_("WordPress export files"),
        help_text=_("The .xml file(s) from Tools → Export in WordPress (all the files of a split export)."),
    )
    uploads = forms.FileField(
        label=_("Pictures: the uploads folder as a .zip"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".zip,application/zip"}),
        help_text=_(
            "Optional. A .zip of wp-content/uploads from the WordPress server (the folder itself or "
            "its year folders). Only the pictures are unpacked, for this import only, then deleted."
        ),
    )
    language = forms.ChoiceField(
        label=_("Language of posts without translation data"),
        choices=[
            ("auto", _("Decide from the script (Arabic or Latin letters)")),
            ("en", _("English")),
            ("ar", _("Arabic")),
        ],
        initial="auto",
    )
    default_section = forms.ModelChoiceField(
        label=_("Section for posts without a category"),
        queryset=Section.objects.all(),
        required=False,
    )
    dry_run = forms.BooleanField(
        label=_("Dry run"),
        required=False,
        help_text=_("Read everything and show the report, but save nothing."),
    )

    def clean_uploads(self):
        upload = self.cleaned_data.get("uploads")
        if upload:
            check_archive(upload)
        return upload
