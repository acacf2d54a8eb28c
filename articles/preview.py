"""Previews: an unpublished article shown exactly as readers will see it, in either language.

Two ways in, both rendering the public article template through the reader's own view:

* staff preview (``/<lang>/preview/<id>/``) for anyone who may see the article in the admin;
* shared preview (``/<lang>/preview/shared/<token>/``) for a person without an account: the
  token is signed, and the link it names must be neither expired nor revoked (``PreviewLink``).

Neither page may be indexed, cached (by the browser, a proxy or our page cache) or leak its
address to other sites: ``noindex``, ``Cache-Control: no-store`` and ``Referrer-Policy: no-referrer``.
"""

from django.conf import settings
from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.cache import add_never_cache_headers
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _

from articles.models import LANGUAGE_CODES, SEARCH_DOCUMENTS, Article, ArticleAuthor, PreviewLink
from articles.views import ArticleDetailView, current_language


def preview_headers(response):
    add_never_cache_headers(response)
    response["X-Robots-Tag"] = "noindex, nofollow"
    # The address of a shared preview is its key: never send it to embedded players or links.
    response["Referrer-Policy"] = "no-referrer"
    return response


def unavailable(request, message, *, alternates=None, status=404):
    response = render(
        request,
        "articles/preview_unavailable.html",
        {"message": message, "preview_alternates": alternates or {}, "preview": True},
        status=status,
    )
    return preview_headers(response)


class PreviewView(ArticleDetailView):
    """The reader's article page for an article in any state (the object comes from subclasses)."""

    def preview_article(self):
        raise NotImplementedError

    def preview_url(self, language):
        raise NotImplementedError

    def get_object(self, queryset=None):
        return self.article

    def get(self, request, *args, **kwargs):
        self.article = self.preview_article()
        language = current_language()
        others = {code: self.preview_url(code) for code in LANGUAGE_CODES if self.article.has_language(code)}
        if language not in others:
            language_name = dict(settings.LANGUAGES).get(language, language)
            return unavailable(
                request,
                _("This article has no headline and body in %(language)s yet.")
                % {"language": _(language_name)},
                alternates=others,
            )
        self.alternates = others
        return preview_headers(super().get(request, *args, **kwargs))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        article = self.object
        context.update(
            preview=True,
            preview_status=article.get_status_display(),
            preview_scheduled=article.is_scheduled(),
            preview_live=article.is_published(),
            alternates=self.alternates,
        )
        return context


def _article_queryset():
    return (
        Article.objects.select_related("section", "lead_image")
        .defer(*SEARCH_DOCUMENTS)
        .prefetch_related(
            "tags", Prefetch("article_authors", queryset=ArticleAuthor.objects.select_related("author"))
        )
    )


@method_decorator(staff_member_required, name="dispatch")
class StaffPreviewView(PreviewView):
    """Staff preview: anyone who may see the article in the admin."""

    def preview_article(self):
        user = self.request.user
        if not (user.has_perm("articles.view_article") or user.has_perm("articles.change_article")):
            raise PermissionDenied
        return get_object_or_404(_article_queryset(), pk=self.kwargs["pk"])

    def preview_url(self, language):
        with translation.override(language):
            return reverse("articles:preview", kwargs={"pk": self.article.pk})


class SharedPreviewView(PreviewView):
    """A shared preview: the signed link decides, no account needed."""

    def get(self, request, *args, **kwargs):
        link = PreviewLink.from_token(self.kwargs["token"], active_only=False)
        if link is None:
            raise Http404(_("This preview link is not valid."))
        if not link.is_active():
            if link.revoked_at:
                message = _("This preview link was withdrawn by the newsroom.")
            else:
                message = _("This preview link expired on %(date)s.") % {
                    "date": formats.date_format(timezone.localtime(link.expires_at), "DATETIME_FORMAT")
                }
            return unavailable(request, message, status=410)
        self.link = link
        return super().get(request, *args, **kwargs)

    def preview_article(self):
        return get_object_or_404(_article_queryset(), pk=self.link.article_id)

    def preview_url(self, language):
        return self.link.get_absolute_url(language)
