from django.urls import path, register_converter

from articles import views


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
    path("", views.HomeView.as_view(), name="home"),
    path("news/<uslug:slug>/", views.ArticleDetailView.as_view(), name="detail"),
    path("section/<uslug:slug>/", views.SectionView.as_view(), name="section"),
    path("tag/<uslug:slug>/", views.TagView.as_view(), name="tag"),
    path("author/<uslug:slug>/", views.AuthorView.as_view(), name="author"),
]
