from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import translation
from django.views.generic import DetailView, ListView

from articles.models import Article, Author, Section, Tag


def current_language():
    return (translation.get_language() or "en").split("-")[0]


class LiveArticlesMixin:
    """Every public view starts from the articles live in the reader's language."""

    def live_articles(self):
        return Article.objects.live(current_language()).for_listing()


class HomeView(LiveArticlesMixin, ListView):
    template_name = "articles/home.html"
    context_object_name = "articles"
    paginate_by = 20

    def get_queryset(self):
        return self.live_articles()


class ArticleDetailView(LiveArticlesMixin, DetailView):
    template_name = "articles/article_detail.html"
    context_object_name = "article"

    def get_object(self, queryset=None):
        language = current_language()
        queryset = self.live_articles().prefetch_related("tags")
        return get_object_or_404(queryset, **{f"slug_{language}": self.kwargs["slug"]})

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        article = self.object
        context["related_articles"] = Article.objects.related_to(article, language=current_language())
        # The language switcher offers only the languages this article is live in.
        context["alternates"] = {code: article.get_absolute_url(code) for code in article.live_languages()}
        return context


class FilteredListView(LiveArticlesMixin, ListView):
    """A paginated listing of live articles belonging to one section, tag or author."""

    paginate_by = 20
    context_object_name = "articles"
    model = None
    slug_field = "slug"

    def get_filter_object(self):
        language = current_language()
        field = self.slug_field if self.model is Author else f"{self.slug_field}_{language}"
        return get_object_or_404(self.model, **{field: self.kwargs["slug"]})

    def get(self, request, *args, **kwargs):
        self.filter_object = self.get_filter_object()
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(listing_object=self.filter_object, **kwargs)


class SectionView(FilteredListView):
    model = Section
    template_name = "articles/section_detail.html"

    def get_queryset(self):
        return self.live_articles().filter(section=self.filter_object)


class TagView(FilteredListView):
    model = Tag
    template_name = "articles/tag_detail.html"

    def get_queryset(self):
        return self.live_articles().filter(tags=self.filter_object)


class AuthorView(FilteredListView):
    model = Author
    template_name = "articles/author_detail.html"

    def get_filter_object(self):
        author = super().get_filter_object()
        if not author.display_name:
            raise Http404
        return author

    def get_queryset(self):
        return self.live_articles().filter(article_authors__author=self.filter_object)
