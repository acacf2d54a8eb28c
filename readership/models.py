"""Daily read counts per article and language: the numbers behind "Most read"."""

from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.utils.translation import gettext_lazy as _


class ArticleReadsQuerySet(models.QuerySet):
    def record(self, *, article_id: int, language: str, day, new_visitor: bool) -> None:
        """Count one view of an article in ``language`` on ``day`` (and a new unique visitor).

        An atomic increment, so concurrent beacons never lose a count; the first view of the
        day creates the row.
        """
        increments = {"views": F("views") + 1, "visitors": F("visitors") + int(new_visitor)}
        key = {"article_id": article_id, "language": language, "day": day}
        if self.filter(**key).update(**increments):
            return
        try:
            with transaction.atomic():
                self.create(**key, views=1, visitors=int(new_visitor))
        except IntegrityError:  # another beacon created it meanwhile
            self.filter(**key).update(**increments)


class ArticleReads(models.Model):
    """Page views of one article, in one language, on one day; no reader is identifiable."""

    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="daily_reads", verbose_name=_("article")
    )
    language = models.CharField(_("language"), max_length=8)
    day = models.DateField(_("day"))
    views = models.PositiveIntegerField(_("page views"), default=0)
    visitors = models.PositiveIntegerField(
        _("unique readers"),
        default=0,
        help_text=_("Only readers who accepted statistics cookies are counted."),
    )

    objects = ArticleReadsQuerySet.as_manager()

    class Meta:
        ordering = ["-day", "-views"]
        verbose_name = _("daily article reads")
        verbose_name_plural = _("daily article reads")
        constraints = [
            models.UniqueConstraint(fields=["article", "language", "day"], name="articlereads_unique_day")
        ]
        indexes = [models.Index(fields=["language", "day"], name="articlereads_lang_day_idx")]

    def __str__(self):
        return f"{self.article_id} {self.language} {self.day}: {self.views}"
