"""How any page shows comments (``{% load comments %}``); articles/ never imports comments/.

    {% render_comments article %}              list (approved, threaded, paginated) and form
    {% render_comments article total=n %}      the same, with the count the page already has
    {% comment_count article as n %}           visible comments of one article
    {% comment_counts articles as counts %}    {article pk: count} for a page of articles (listed
                                               articles bring their counts: no query)
    {{ counts|count_for:article }}             0 when absent
    {{ n|comments_phrase }}                    "3 comments", in the reader's language

Counts and lists are those of the active language: each language edition of an article has
its own discussion.
"""

from django import template
from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.formats import localize
from django.utils.translation import ngettext

from comments.forms import CommentForm
from comments.models import LISTED_COUNT, Comment, DiscussionSettings
from comments.text import render_comment_body

register = template.Library()


def _language():
    return (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]


def privacy_policy_url():
    """The privacy policy page, wherever it is mounted (built by the consent feature)."""
    try:
        return reverse("privacy_policy")
    except NoReverseMatch:
        return f"/{_language()}/privacy/"


@register.simple_tag
def comment_count(article):
    """Visible comments of ``article`` in the active language."""
    return Comment.objects.visible().for_article(article, _language()).count()


@register.simple_tag
def comment_counts(articles):
    """{article pk: visible comments} for every article given: the count listed articles come
    with, one query for those without it."""
    counts, missing = {}, []
    for article in articles:
        count = getattr(article, LISTED_COUNT, None)
        if count is None:
            missing.append(article.pk)
        elif count:
            counts[article.pk] = count
    if missing:
        counts.update(Comment.objects.approved_counts(missing, _language()))
    return counts


@register.filter
def count_for(counts, article):
    """``{{ counts|count_for:article }}``: the count of one article, 0 when it has none."""
    try:
        return int((counts or {}).get(getattr(article, "pk", article), 0))
    except (AttributeError, TypeError, ValueError):
        return 0


@register.filter
def comments_phrase(total):
    """``{{ total|comments_phrase }}``: "1 comment", "3 comments", in the reader's language (the
    phrase of ``{% blocktranslate count %}``, for the meta line of every teaser and result)."""
    return ngettext("%(counter)s comment", "%(counter)s comments", total) % {"counter": localize(total)}


@register.filter
def comment_body(text):
    """Plain text to safe HTML: escaped, paragraphs and line breaks kept, addresses linked (nofollow ugc)."""
    return render_comment_body(text)


@register.inclusion_tag("comments/comments.html", takes_context=True)
def render_comments(context, article, total=None):
    """The discussion under an article: approved threads oldest first, replies under their
    comment, pages of ``comments_per_page`` threads (?page=N), then the form or a closed note.

    A fixed number of queries whatever the number of comments; ``total``, the page's
    ``{% comment_count %}`` when it has one, spares counting them again.
    """
    request = context.get("request")
    language = _language()
    rules = DiscussionSettings.load()
    visible = Comment.objects.visible().for_article(article, language)
    if total is None:
        total = visible.count()
    threads = visible.threads().prefetch_related(
        Prefetch(
            "replies",
            queryset=Comment.objects.approved().order_by("created_at", "pk"),
            to_attr="visible_replies",
        )
    )
    paginator = Paginator(threads.order_by("created_at", "pk"), rules.comments_per_page)
    page = paginator.get_page(request.GET.get("page") if request is not None else None)
    comments_open = rules.comments_open_for(article)
    form = context.get("comment_form")
    if not isinstance(form, CommentForm):
        form = CommentForm(rules=rules)
    return {
        "article": article,
        "page_obj": page,
        "paginator": paginator,
        "total": total,
        "comments_open": comments_open,
        "form": form,
        "parent": None,
        "privacy_url": privacy_policy_url(),
        "retention_days": settings.COMMENTS_IP_RETENTION_DAYS,
        "LANGUAGE_CODE": language,
    }


@register.inclusion_tag("comments/includes/_form.html", takes_context=True)
def render_comment_form(context, article, form=None, parent=None):
    """The form alone (used by the reply page)."""
    return {
        "article": article,
        "form": form or CommentForm(rules=DiscussionSettings.load()),
        "parent": parent,
        "privacy_url": privacy_policy_url(),
        "retention_days": settings.COMMENTS_IP_RETENTION_DAYS,
        "heading_level": 2,
    }


@register.inclusion_tag("comments/includes/_queue_link.html", takes_context=True)
def comment_queue_link(context):
    """The admin header's link to the queue with its count (only for moderators)."""
    return {"pending": pending_comment_count(context)}


@register.simple_tag(takes_context=True)
def pending_comment_count(context):
    """Comments awaiting moderation, for users allowed to moderate; None for everyone else."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not user.has_perm("comments.can_moderate"):
        return None
    return Comment.objects.pending().count()
