"""The vocabularies of the newsroom's content: languages, workflow states, labels."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    REVIEW = "review", _("In review")
    PUBLISHED = "published", _("Published")
    UNPUBLISHED = "unpublished", _("Unpublished")
    ARCHIVED = "archived", _("Archived")


class TranslationState(models.TextChoices):
    COMPLETE = "complete", _("Complete")
    MISSING = "missing", _("Missing")
    STALE = "stale", _("Needs update")


class Label(models.TextChoices):
    NONE = "", _("No label")
    EXCLUSIVE = "exclusive", _("Exclusive")
    BREAKING = "breaking", _("Breaking")
    ANALYSIS = "analysis", _("Analysis")
    OPINION = "opinion", _("Opinion")
    INTERVIEW = "interview", _("Interview")
    REPORT = "report", _("Report")
