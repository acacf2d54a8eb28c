from django import forms
from django.utils.translation import gettext_lazy as _, ngettext

from comments.models import Comment
from comments.services import normalize_body

# Fields whose rule violations (raised by comment_create) belong next to a form field.
FIELD_FOR_REFUSAL = {"too_short": "body", "too_long": "body", "consent": "consent"}


class CommentForm(forms.ModelForm):
    """The public "Leave a comment" form. It carries nothing about the reader who loads it, so
    the page it sits on can be cached and shared (see web.security)."""

    consent = forms.BooleanField(
        required=True,
        label=_("I agree to the storage of my data"),
        error_messages={
            "required": _(
                "Please tick the box to agree to the storage of your data; without it we cannot keep your comment."
            )
        },
    )
    remember = forms.BooleanField(
        required=False, label=_("Remember my name, email and website in this browser for my next comment")
    )
    # Honeypot: hidden from people (CSS and aria-hidden), filled in by naive robots.
    website = forms.CharField(required=False, label=_("Leave this field empty"), max_length=200)

    class Meta:
        model = Comment
        fields = ["name", "email", "url", "body", "notify_on_approval"]
        labels = {
            "name": _("Name"),
            "email": _("Email"),
            "url": _("Website"),
            "body": _("Comment"),
            "notify_on_approval": _("Email me when my comment is published"),
        }
        help_texts = {
            "email": _("Never published."),
            "url": _("Optional. Your name will link to it."),
            "name": "",
            "body": "",
            "notify_on_approval": "",
        }
        error_messages = {
            "name": {"required": _("Please write your name.")},
            "email": {
                "required": _("Please give your email address (it is never published)."),
                "invalid": _("This email address does not look right; please check it."),
            },
            "url": {
                "invalid": _("This web address does not look right; write it like https://example.org."),
                "max_length": _("This web address is too long (at most %(limit_value)d characters)."),
            },
            "body": {"required": _("Please write your comment.")},
        }
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name", "maxlength": 80}),
            # Addresses are written left to right, also on the Arabic page.
            "email": forms.EmailInput(attrs={"autocomplete": "email", "dir": "ltr"}),
            "url": forms.URLInput(attrs={"autocomplete": "url", "dir": "ltr", "maxlength": 200}),
            "body": forms.Textarea(attrs={"rows": 6, "dir": "auto"}),
        }

    def __init__(self, *args, rules=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.rules = rules
        self.fields["email"].required = True
        self.fields["name"].widget.attrs["dir"] = "auto"
        self.fields["website"].widget.attrs.update({"autocomplete": "off", "tabindex": "-1"})

    def clean_name(self):
        return " ".join((self.cleaned_data.get("name") or "").split())

    def clean_body(self):
        body = normalize_body(self.cleaned_data.get("body"))
        if not body:
            raise forms.ValidationError(self.fields["body"].error_messages["required"], code="required")
        if self.rules is not None:
            if len(body) < self.rules.min_length:
                raise forms.ValidationError(
                    ngettext(
                        "Your comment is too short: write at least %(min)d character.",
                        "Your comment is too short: write at least %(min)d characters.",
                        self.rules.min_length,
                    ),
                    params={"min": self.rules.min_length},
                    code="too_short",
                )
            if self.rules.max_length and len(body) > self.rules.max_length:
                raise forms.ValidationError(
                    _("Your comment has %(length)d characters; the limit is %(max)d. Please shorten it."),
                    params={"length": len(body), "max": self.rules.max_length},
                    code="too_long",
                )
        return body


class StaffReplyForm(forms.Form):
    body = forms.CharField(
        label=_("Reply"),
        widget=forms.Textarea(attrs={"rows": 8, "dir": "auto"}),
        help_text=_("Published at once under the comment, marked as a reply from the newsroom."),
    )
