"""The editorial workflow's steps: draft → in review → published (now or scheduled) → unpublished
or archived, and back to draft; plus putting an article among the home page's lead stories.

Each step checks permission and state, runs in one transaction with the article row locked,
records an ``ArticleTransition`` and a revision.
"""

from dataclasses import dataclass
from datetime import datetime

import reversion
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _, gettext_lazy

from articles.models import Article, ArticleTransition, Status
from articles.services.locking import lock_article
from articles.services.revisions import append_revision_comment, format_time
from articles.services.roles import is_editor, is_own


@dataclass(frozen=True)
class Transition:
    name: str
    label: str
    button: str  # on the article form, where the step also saves the form
    sources: tuple
    target: str


TRANSITIONS = {
    t.name: t
    for t in [
        Transition(
            "submit",
            gettext_lazy("Submit for review"),
            gettext_lazy("Save and submit for review"),
            (Status.DRAFT,),
            Status.REVIEW,
        ),
        Transition(
            "publish",
            gettext_lazy("Publish now"),
            gettext_lazy("Save and publish now"),
            (Status.DRAFT, Status.REVIEW, Status.UNPUBLISHED, Status.PUBLISHED),
            Status.PUBLISHED,
        ),
        Transition(
            "unpublish",
            gettext_lazy("Unpublish"),
            gettext_lazy("Save and unpublish"),
            (Status.PUBLISHED,),
            Status.UNPUBLISHED,
        ),
        Transition(
            "archive",
            gettext_lazy("Archive"),
            gettext_lazy("Save and archive"),
            (Status.DRAFT, Status.REVIEW, Status.PUBLISHED, Status.UNPUBLISHED),
            Status.ARCHIVED,
        ),
        Transition(
            "return_to_draft",
            gettext_lazy("Back to draft"),
            gettext_lazy("Save and send back to draft"),
            (Status.REVIEW, Status.UNPUBLISHED, Status.ARCHIVED),
            Status.DRAFT,
        ),
    ]
}


def may_transition(*, user, article, name):
    """Whether ``user`` holds the permission for transition ``name`` on this article (any state)."""
    if not user.is_active:
        return False
    if name == "submit":
        return user.has_perm("articles.review_article") and (is_editor(user) or is_own(user, article))
    if name == "return_to_draft" and article.status == Status.REVIEW and is_own(user, article):
        # A writer may withdraw their own submission.
        return user.has_perm("articles.review_article") or user.has_perm("articles.publish_article")
    return user.has_perm("articles.publish_article")


def state_allows(article, name):
    transition = TRANSITIONS[name]
    if article.status not in transition.sources:
        return False
    # Publishing again is only for a scheduled article (publish now or move its time).
    return not (name == "publish" and article.is_published())


def available_transitions(*, user, article):
    """The transitions ``user`` may apply to ``article`` as it is now, in display order."""
    return [
        TRANSITIONS[name]
        for name in TRANSITIONS
        if state_allows(article, name) and may_transition(user=user, article=article, name=name)
    ]


def check_transition(*, user, article, name):
    """Raise ``PermissionDenied`` or ``ValidationError`` unless ``user`` may apply ``name`` now."""
    if name not in TRANSITIONS:
        raise ValidationError(_("Unknown workflow step."))
    if not may_transition(user=user, article=article, name=name):
        raise PermissionDenied(_("You are not allowed to do this to this article."))
    if not state_allows(article, name):
        raise ValidationError(
            _("“%(step)s” is not possible while the article is %(status)s.")
            % {"step": TRANSITIONS[name].label, "status": article.get_status_display().lower()}
        )


def _transition(*, article, by, name, note="", publish_at=None, expected_version=None, comment=""):
    with transaction.atomic(), reversion.create_revision(manage_manually=True):
        article = lock_article(article, expected_version)
        check_transition(user=by, article=article, name=name)
        from_status = article.status
        article.status = TRANSITIONS[name].target
        if name == "publish":
            article.publish_at = publish_at or timezone.now()
        article.full_clean()
        article.save()
        ArticleTransition.objects.create(
            article=article,
            from_status=from_status,
            to_status=article.status,
            by=by,
            note=note.strip(),
            publish_at=article.publish_at if name == "publish" else None,
        )
        reversion.set_user(by)
        append_revision_comment(
            comment + (" " + _("Note: %(note)s") % {"note": note.strip()} if note.strip() else "")
        )
        reversion.add_to_revision(article)
    return article


def article_submit(*, article: Article, by, note: str = "", expected_version: int | None = None) -> Article:
    """Draft → in review: the writer hands the article to the editors."""
    return _transition(
        article=article, by=by, name="submit", note=note, expected_version=expected_version,
        comment=_("Submitted for review."),
    )  # fmt: skip


def article_publish(
    *,
    article: Article,
    by,
    publish_at: datetime | None = None,
    note: str = "",
    expected_version: int | None = None,
) -> Article:
    """Publish now, or at ``publish_at`` when it lies ahead (scheduled).

    A scheduled article is simply published with a future time: ``Article.objects.published()``
    shows it from that moment on, with no job to run and no schedule to miss.
    """
    when = publish_at or timezone.now()
    if when > timezone.now():
        comment = _("Scheduled for %(time)s.") % {"time": format_time(when)}
    else:
        comment = _("Published.")
    return _transition(
        article=article, by=by, name="publish", note=note, publish_at=when,
        expected_version=expected_version, comment=comment,
    )  # fmt: skip


def article_unpublish(
    *, article: Article, by, note: str = "", expected_version: int | None = None
) -> Article:
    """Take a published (or scheduled) article off the site; it may be published again later."""
    return _transition(
        article=article, by=by, name="unpublish", note=note, expected_version=expected_version,
        comment=_("Unpublished."),
    )  # fmt: skip


def article_archive(*, article: Article, by, note: str = "", expected_version: int | None = None) -> Article:
    """Retire an article: off the site and out of the working lists."""
    return _transition(
        article=article, by=by, name="archive", note=note, expected_version=expected_version,
        comment=_("Archived."),
    )  # fmt: skip


def article_return_to_draft(
    *, article: Article, by, note: str = "", expected_version: int | None = None
) -> Article:
    """Back to draft: changes requested by an editor, a writer withdrawing, or a reopened article."""
    return _transition(
        article=article, by=by, name="return_to_draft", note=note, expected_version=expected_version,
        comment=_("Returned to draft."),
    )  # fmt: skip


TRANSITION_FUNCTIONS = {
    "submit": article_submit,
    "publish": article_publish,
    "unpublish": article_unpublish,
    "archive": article_archive,
    "return_to_draft": article_return_to_draft,
}


def article_set_featured(*, article: Article, by, featured: bool) -> bool:
    """Put an article among the home page's lead stories, or take it out (editors only).

    Returns whether anything changed.
    """
    if not is_editor(by):
        raise PermissionDenied(_("You are not allowed to curate the home page."))
    with transaction.atomic(), reversion.create_revision(manage_manually=True):
        article = lock_article(article)
        if article.featured == featured:
            return False
        article.featured = featured
        article.save()
        reversion.set_user(by)
        append_revision_comment(_("Made a lead story.") if featured else _("No longer a lead story."))
        reversion.add_to_revision(article)
    return True
