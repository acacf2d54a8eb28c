from django.urls import path, register_converter

from articles import feeds, preview, views


class UnicodeSlugConverter:
    """Slugs may be Arabic: letters, digits, underscores and hyphens of any script."""

    regex = r"[-\w]+"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(UnicodeSlugConverter, "uslug")

app_name = "articles"
urlpatterns = [
    # Previews of unpublished articles (articles/preview.py): staff, and signed shared links.
    path("preview/<int:pk>/", preview.StaffPreviewView.as_view(), name="preview"),
    path("preview/shared/<str:token>/", preview.SharedPreviewView.as_view(), name="shared_preview"),
    path("", views.HomeView.as_view(), name="home"),
    path("news/<uslug:slug>/", views.ArticleDetailView.as_view(), name="detail"),
    path("section/<uslug:slug>/", views.SectionView.as_view(), name="section"),
    path("tag/<uslug:slug>/", views.TagView.as_view(), name="tag"),
    path("author/<uslug:slug>/", views.AuthorView.as_view(), name="author"),
    path("search/", views.SearchView.as_view(), name="search"),
    # Feeds: RSS 2.0 and Atom, for the whole site, a section, a tag or an author, per language.
    path("feed/", feeds.serve(feeds.LatestFeed), name="feed"),
    path("feed/atom/", feeds.serve(feeds.LatestAtomFeed), name="feed-atom"),
    path("section/<uslug:slug>/feed/", feeds.serve(feeds.SectionFeed), name="section-feed"),
    path("section/<uslug:slug>/feed/atom/", feeds.serve(feeds.SectionAtomFeed), name="section-feed-atom"),
    path("tag/<uslug:slug>/feed/", feeds.serve(feeds.TagFeed), name="tag-feed"),
    path("tag/<uslug:slug>/feed/atom/", feeds.serve(feeds.TagAtomFeed), name="tag-feed-atom"),
    path("author/<uslug:slug>/feed/", feeds.serve(feeds.AuthorFeed), name="author-feed"),
    path("author/<uslug:slug>/feed/atom/", feeds.serve(feeds.AuthorAtomFeed), name="author-feed-atom"),
]
