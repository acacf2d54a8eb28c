"""Readers' comments on articles and the discussion rules an administrator edits.

A comment is public only once approved. Whether a new comment waits for a moderator, goes
straight through or is filed as spam is decided by ``comments.rules`` from the settings
stored in ``DiscussionSettings``; the transitions themselves live in ``comments.services``.
"""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, Upper
from django.utils import timezone
from django.utils.text import Truncator, format_lazy
from django.utils.translation import gettext_lazy as _

from articles.models import Article

# A commenter's website is shown as a link: only addresses a browser opens as a page.
WEBSITE_SCHEMES = ["http", "https"]


class Status(models.TextChoices):
    PENDING = "pending", _("Pending")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    SPAM = "spam", _("Spam")


# The attribute listed articles carry their count of visible comments in (``count_per_article``,
# registered with articles.listings in comments.apps; read by {% comment_counts %}).
LISTED_COUNT = "visible_comment_count"


class CommentQuerySet(models.QuerySet):
    def approved(self):
        """Visible to readers: approved by a moderator (or by a rule that trusts the commenter)."""
        return self.filter(status=Status.APPROVED)

    def visible(self):
        """What readers see: approved, and for a reply, under a comment that is approved too."""
        return self.approved().filter(Q(parent__isnull=True) | Q(parent__status=Status.APPROVED))

    def pending(self):
        """The moderation queue: held for a person to decide."""
        return self.filter(status=Status.PENDING)

    def spam(self):
        return self.filter(status=Status.SPAM)

    def for_article(self, article, language=None):
        """Comments of one article; with ``language``, only those written on that language's page.

        Each language edition of an article has its own discussion: an Arabic comment is shown
        on the Arabic page, an English one on the English page.
        """
        queryset = self.filter(article=article)
        if language:
            queryset = queryset.filter(language=language)
        return queryset

    def threads(self):
        """Top-level comments (replies hang under them)."""
        return self.filter(parent__isnull=True)

    def by_email(self, email):
        """Every comment written with this address, whatever the capitalisation."""
        return self.filter(email__iexact=(email or "").strip())

    def count_per_article(self, language):
        """The number of visible comments in ``language`` of the article of the row an outer
        query is on (an expression; 0 when it has none)."""
        per_article = self.visible().filter(article=OuterRef("pk"), language=language).order_by()
        return Coalesce(Subquery(per_article.values("article").annotate(n=Count("pk")).values("n")), 0)

    def approved_counts(self, article_ids, language=None):
        """{article pk: visible comments} for many articles in one query; absent means none."""
        queryset = self.visible().filter(article_id__in=list(article_ids))
        if language:
            queryset = queryset.filter(language=language)
        rows = queryset.order_by().values_list("article_id").annotate(n=Count("pk"))
        return dict(rows)

    def holding_personal_data_before(self, moment):
        """Comments older than ``moment`` that still keep an IP address or a user agent."""
        return self.filter(created_at__lt=moment).filter(Q(ip__isnull=False) | ~Q(user_agent=""))


class Comment(models.Model):
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="comments", verbose_name=_("article")
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="replies",
        verbose_name=_("in reply to"),
        help_text=_("Replies are one level deep: a reply always answers a top-level comment."),
    )
    name = models.CharField(_("name"), max_length=80, help_text=_("Shown to readers with the comment."))
    email = models.EmailField(_("email"), blank=True, help_text=_("Never shown to readers."))
    url = models.URLField(
        _("website"),
        max_length=200,  # as WordPress's comment_author_url
        blank=True,
        validators=[
            URLValidator(
                schemes=WEBSITE_SCHEMES, message=_("Write a web address starting with http:// or https://.")
            )
        ],
        help_text=_(
            "The commenter's own site: their name links to it (nofollow ugc). Empty it to drop the link."
        ),
    )
    body = models.TextField(_("comment"), help_text=_("Plain text; links are made inert when shown."))
    language = models.CharField(
        _("language"),
        max_length=8,
        choices=settings.LANGUAGES,
        help_text=_("The language edition of the article the comment was written on."),
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    reason = models.CharField(
        _("why held"),
        max_length=200,
        blank=True,
        help_text=_("Which rule held or filed this comment, for the moderator."),
    )
    consent_at = models.DateTimeField(
        _("consent given at"),
        null=True,
        blank=True,
        help_text=_("When the commenter agreed to the storage of their data (empty for staff replies)."),
    )
    ip = models.GenericIPAddressField(
        _("IP address"), null=True, blank=True, help_text=_("Erased automatically after a limited time.")
    )
    user_agent = models.CharField(_("browser"), max_length=300, blank=True)
    notify_on_approval = models.BooleanField(
        _("notify on approval"),
        default=False,
        help_text=_("The commenter asked for an email once published."),
    )
    is_staff_reply = models.BooleanField(_("staff reply"), default=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="comments",
        verbose_name=_("staff author"),
    )
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("moderated by"),
    )
    moderated_at = models.DateTimeField(_("moderated at"), null=True, blank=True)
    created_at = models.DateTimeField(_("written at"), default=timezone.now)

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        get_latest_by = "created_at"
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        permissions = [
            ("can_moderate", _("Can moderate comments (approve, reject, mark as spam, reply)")),
            ("manage_commenter_data", _("Can export and erase all comments of a commenter")),
        ]
        indexes = [
            # The article page: approved comments of one article and language, oldest first.
            models.Index(fields=["article", "language", "status", "created_at"], name="comment_display_idx"),
            # The moderation queue and its count in the admin navigation.
            models.Index(
                fields=["-created_at"], condition=Q(status=Status.PENDING), name="comment_pending_idx"
            ),
            models.Index(fields=["status", "-created_at"], name="comment_status_idx"),
            # Flood, duplicate and returning-commenter checks; export and erasure by address.
            models.Index(Upper("email"), "created_at", name="comment_email_idx"),
            models.Index(fields=["ip", "created_at"], name="comment_ip_idx"),
            models.Index(fields=["created_at"], name="comment_created_idx"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(status__in=Status.values), name="comment_status_valid"),
            models.CheckConstraint(condition=~Q(parent=models.F("pk")), name="comment_not_own_parent"),
            # Nothing a reader sends is stored without their consent.
            models.CheckConstraint(
                condition=Q(is_staff_reply=True) | Q(consent_at__isnull=False),
                name="comment_reader_consented",
            ),
        ]

    def __str__(self):
        return f"{self.name}: {Truncator(self.body).chars(60)}"

    def get_absolute_url(self):
        """The comment on its article page, on the page of comments that shows it."""
        article_url = self.article.get_absolute_url(self.language)
        thread = self.parent if self.parent_id else self
        per_page = DiscussionSettings.load().comments_per_page
        earlier = (
            Comment.objects.visible()
            .for_article(self.article_id, self.language)
            .threads()
            .filter(Q(created_at__lt=thread.created_at) | Q(created_at=thread.created_at, pk__lt=thread.pk))
            .count()
        )
        page = earlier // per_page + 1
        query = f"?page={page}" if page > 1 else ""
        return f"{article_url}{query}#comment-{self.pk}"

    def website(self):
        """The commenter's website if it may be a link (http or https only), else "".

        The field's validator already refuses other schemes; this holds for rows written
        without validation too (bulk updates, old data), so a stored ``javascript:`` address
        can never reach an ``href``.
        """
        url = (self.url or "").strip()
        scheme, sep, _rest = url.partition(":")
        return url if sep and scheme.lower() in WEBSITE_SCHEMES and url.isprintable() else ""

    def is_public(self):
        """Mirror of ``CommentQuerySet.approved``."""
        return self.status == Status.APPROVED

    is_public.boolean = True
    is_public.short_description = _("public")


def _word_list_help():
    return _(
        "One word or phrase per line. Matching ignores Arabic diacritics and tatweel, treats the "
        "forms of alef, yaa and taa marbuta alike, ignores Latin capitals, and finds whole words "
        "(Arabic words also with the prefixes و ف ب ك ل ال). End a line with * to match the "
        "beginning of words. An IP address (or its beginning, such as 203.0.113.) matches the "
        "commenter's address."
    )


class DiscussionSettings(models.Model):
    """The comment rules, one row edited by an administrator (defaults follow WordPress)."""

    SINGLETON_PK = 1

    trust_returning_commenters = models.BooleanField(
        _("previously approved commenters skip the queue"),
        default=True,
        help_text=_(
            "A commenter with an approved comment under the same name and email is published "
            "at once; everyone else waits for a moderator."
        ),
    )
    link_limit = models.PositiveSmallIntegerField(
        _("hold comments with at least this many links"),
        default=2,
        help_text=_("0 turns the rule off."),
    )
    moderation_words = models.TextField(
        _("moderation words"),
        blank=True,
        help_text=format_lazy(
            "{} {}", _("A comment containing any of these waits for a moderator."), _word_list_help()
        ),
    )
    disallowed_words = models.TextField(
        _("disallowed words"),
        blank=True,
        help_text=format_lazy(
            "{} {}", _("A comment containing any of these is filed as spam."), _word_list_help()
        ),
    )
    flood_interval = models.PositiveIntegerField(
        _("seconds between two comments"),
        default=15,
        help_text=_("From the same IP address or email address. 0 turns the rule off."),
    )
    min_length = models.PositiveIntegerField(_("shortest comment (characters)"), default=2)
    max_length = models.PositiveIntegerField(
        _("longest comment (characters)"),
        default=5000,
        help_text=_("Longer comments are refused with a message; the reader keeps their text."),
    )
    close_after_days = models.PositiveIntegerField(
        _("close comments after (days)"),
        null=True,
        blank=True,
        help_text=_("Close comments on articles older than this many days. Empty leaves them open."),
    )
    comments_per_page = models.PositiveSmallIntegerField(
        _("comment threads per page"), default=50, help_text=_("Replies stay with their comment.")
    )
    notify_moderators = models.BooleanField(
        _("email moderators about held comments"),
        default=True,
        help_text=_("Every user allowed to moderate comments, with an email address, is told."),
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("discussion settings")
        verbose_name_plural = _("discussion settings")
        constraints = [
            models.CheckConstraint(condition=Q(pk=1), name="discussion_settings_singleton"),
            models.CheckConstraint(
                condition=Q(comments_per_page__gte=1), name="discussion_page_size_positive"
            ),
        ]

    def __str__(self):
        return str(_("Discussion settings"))

    def save(self, *args, **kwargs):
        self.pk = self.SINGLETON_PK
        super().save(*args, **kwargs)

    def clean(self):
        if self.max_length and self.min_length > self.max_length:
            raise ValidationError(
                {"min_length": _("The shortest comment cannot be longer than the longest one.")}
            )

    @classmethod
    def load(cls):
        """The settings row, created with the defaults the first time it is needed."""
        obj, _created = cls.objects.get_or_create(pk=cls.SINGLETON_PK)
        return obj

    def comments_open_for(self, article, now=None):
        """Open when the article allows comments and is not older than the closing age."""
        if not article.comments_open:
            return False
        if self.close_after_days and article.publish_at:
            now = now or timezone.now()
            return article.publish_at >= now - timedelta(days=self.close_after_days)
        return True
