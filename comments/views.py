from urllib.parse import quote, urlencode

from django.conf import settings
from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from articles.models import Article
from articles.views import ArticleDetailView, current_language
from comments.forms import FIELD_FOR_REFUSAL, CommentForm
from comments.models import Comment, DiscussionSettings, Status
from comments.services import CommentRefused, comment_create
from web.ratelimit import rate_limit
from web.security import client_ip, same_origin_post

AUTHOR_COOKIE_MAX_AGE = 365 * 24 * 60 * 60


def _set_author_cookie(request, response, form):
    if form.cleaned_data.get("remember"):
        remembered = {"name": form.cleaned_data["name"], "email": form.cleaned_data["email"]}
        if form.cleaned_data.get("url"):
            remembered["url"] = form.cleaned_data["url"]
        value = urlencode(remembered, quote_via=quote, safe="")
        # Read by static/js/comments.js to fill the form in; a "preferences" cookie for the
        # consent middleware, which drops it unless the reader accepted those.
        response.set_cookie(
            settings.COMMENTS_AUTHOR_COOKIE,
            value,
            max_age=AUTHOR_COOKIE_MAX_AGE,
            secure=request.is_secure(),
            httponly=False,
            samesite="Lax",
        )
    elif settings.COMMENTS_AUTHOR_COOKIE in request.COOKIES:
        response.delete_cookie(settings.COMMENTS_AUTHOR_COOKIE, samesite="Lax")


@same_origin_post
@require_POST
@rate_limit("comment_post", methods=("POST",))
def post_comment(request, article_id):
    """The comment form's target: store under the rules, then back to the article with a message.

    On a mistake the page is shown again (status 400) with the reader's text and the errors.
    """
    language = current_language()
    article = get_object_or_404(Article.objects.live(language), pk=article_id)
    rules = DiscussionSettings.load()
    form = CommentForm(request.POST, rules=rules)
    parent = None
    parent_id = _posted_parent_id(request)
    if parent_id:
        parent = (
            Comment.objects.visible()
            .select_related("parent")
            .filter(pk=parent_id, article=article, language=language)
            .first()
        )
    if form.is_valid():
        if (parent_id or request.POST.get("parent")) and parent is None:
            form.add_error(None, _("The comment you are replying to is not available."))
        else:
            try:
                comment = comment_create(
                    article=article,
                    name=form.cleaned_data["name"],
                    email=form.cleaned_data["email"],
                    url=form.cleaned_data.get("url", ""),
                    body=form.cleaned_data["body"],
                    language=language,
                    consent_at=timezone.now(),
                    parent=parent,
                    ip=client_ip(request),
                    user_agent=request.headers.get("User-Agent", ""),
                    notify_on_approval=form.cleaned_data["notify_on_approval"],
                    honeypot=form.cleaned_data["website"],
                )
            except CommentRefused as error:
                form.add_error(FIELD_FOR_REFUSAL.get(error.code), error)
            else:
                return _posted(request, form, article, comment, language)
    if parent is not None:
        return _reply_page(request, parent, form, status=400)
    return _article_page(request, article, form)


def _posted_parent_id(request) -> int | None:
    value = request.POST.get("parent", "").strip()
    return int(value) if value.isascii() and value.isdigit() and 0 < len(value) < 19 else None


def _posted(request, form, article, comment, language):
    if comment.status == Status.APPROVED:
        messages.success(request, _("Thank you. Your comment is published."))
        target = comment.get_absolute_url()
    else:
        # Spam gets the same answer as a held comment: nothing to learn for a robot.
        messages.success(request, _("Thank you. Your comment is awaiting moderation."))
        target = article.get_absolute_url(language) + "#comments"
    response = redirect(target)
    _set_author_cookie(request, response, form)
    return response


def _article_page(request, article, form):
    """The article page as its own view renders it, with the bound form and its errors."""
    view = ArticleDetailView()
    view.setup(request, slug=article.slug)
    view.object = article
    context = view.get_context_data(object=article, comment_form=form)
    return TemplateResponse(request, view.get_template_names(), context, status=400)


def _reply_page(request, parent, form, status=200):
    rules = DiscussionSettings.load()
    context = {
        "article": parent.article,
        "parent": parent,
        "form": form,
        "comments_open": rules.comments_open_for(parent.article),
        "alternates": {},
    }
    return TemplateResponse(request, "comments/comment_reply.html", context, status=status)


@require_GET
def reply(request, comment_id):
    """A page to answer one comment; works without JavaScript (the script opens the form in place)."""
    language = current_language()
    parent = get_object_or_404(
        Comment.objects.visible().select_related("article", "parent"), pk=comment_id, language=language
    )
    if parent.parent_id:
        return redirect("comments:reply", comment_id=parent.parent_id)
    if not Article.objects.live(language).filter(pk=parent.article_id).exists():
        raise Http404
    form = CommentForm(rules=DiscussionSettings.load())
    return _reply_page(request, parent, form)


@require_GET
def permalink(request, comment_id):
    """A stable address for one comment: redirects to the article page (and page of comments)
    that shows it. Only comments readers may see."""
    comment = get_object_or_404(
        Comment.objects.visible().select_related("article", "parent"),
        pk=comment_id,
        language=current_language(),
    )
    if not Article.objects.live(comment.language).filter(pk=comment.article_id).exists():
        raise Http404
    return redirect(comment.get_absolute_url())
