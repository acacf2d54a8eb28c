import pytest
from django.core.management import call_command

from articles.models import Article, Tag
from comments.models import Comment


@pytest.mark.django_db
def test_demo_export_imports_on_top_of_the_demo_content(fixtures, capsys):
    call_command("load_demo")
    before = Article.objects.count()
    call_command(
        "import_wordpress",
        str(fixtures / "demo" / "euphrates-post-export.xml"),
        "--media-dir",
        str(fixtures / "uploads"),
    )
    out = capsys.readouterr().out
    assert "Import finished." in out and "posts" in out
    article = Article.objects.get(slug_en="families-return-to-raqqa")
    assert article.live_languages() == ["en", "ar"] and article.lead_image
    assert Article.objects.count() == before + 8  # ten posts, two of them Polylang pairs
    # No two tags share an address (the demo has its own "دير-الزور").
    assert Tag.objects.filter(slug_ar="دير-الزور").count() == 1
    assert Comment.objects.filter(article=article, language="ar").approved().exists()
