"""WPML exports (the "WPML Export and Import" add-on's post and term meta) read like Polylang's."""

import pytest

from articles.models import Article, Section, Tag
from comments.models import Comment
from consent.models import PrivacyPolicy
from tests.wordpress.builders import post, write, wxr
from wordpress import wpml
from wordpress.importer import wordpress_import
from wordpress.models import ImportRecord, Kind

pytestmark = pytest.mark.django_db
SITE = "https://tigris.example"


@pytest.fixture
def import_wpml(fixtures):
    def run(**kw):
        return wordpress_import(paths=[fixtures / "wpml-1.2.xml"], **kw)

    return run


def article_for(wp_id, site=SITE):
    record = ImportRecord.objects.get(site=site, kind=Kind.POST, wp_id=str(wp_id))
    return Article.objects.get(pk=record.object_id)


def wpml_meta(language, group, source=""):
    rows = [
        ("_wpml_import_language_code", language),
        ("_wpml_import_source_language_code", source),
        ("_wpml_import_translation_group", group),
    ]
    return "".join(
        f"<wp:postmeta><wp:meta_key>{key}</wp:meta_key><wp:meta_value><![CDATA[{value}]]></wp:meta_value>"
        "</wp:postmeta>"
        for key, value in rows
    )


def test_a_wpml_translation_group_becomes_one_article_with_both_languages(import_wpml):
    report = import_wpml()
    article = article_for(600)
    assert article_for(601) == article
    assert article.headline_en == "Mosul Dam needs urgent repairs"
    assert article.headline_ar == "سد الموصل بحاجة إلى صيانة عاجلة"
    assert article.slug_ar == "سد-الموصل"
    assert article.live_languages() == ["en", "ar"]
    assert report.counts["posts"] == {"imported": 3}


def test_the_source_language_is_the_language_the_article_was_written_in(import_wpml):
    # The Arabic translation comes first in the file; WPML says it was translated from English.
    import_wpml()
    assert article_for(601).original_language == "en"


def test_comments_of_each_translation_go_to_its_language_edition(import_wpml):
    import_wpml()
    article = article_for(600)
    by_language = {c.language: (c.name, c.url) for c in Comment.objects.filter(article=article)}
    assert by_language == {
        "en": ("River Watcher", "http://river-watch.example/"),
        "ar": ("قارئ من الموصل", "https://mosul-reader.example"),
    }


def test_wpml_term_groups_become_one_section_and_one_tag(import_wpml):
    import_wpml()
    section = Section.objects.get()
    assert (section.name_en, section.name_ar, section.slug_ar) == ("News", "أخبار", "أخبار")
    tag = Tag.objects.get()
    assert (tag.slug_en, tag.slug_ar) == ("water", "المياه")
    assert list(article_for(600).tags.all()) == [tag]


def test_wpml_language_beats_the_language_option_and_the_script(import_wpml):
    import_wpml(language="en")
    lone = article_for(602)
    assert lone.headline_ar == "Live: Tigris Times" and not lone.headline_en


def test_a_wpml_privacy_page_pair_fills_both_languages_of_the_policy_draft(import_wpml):
    import_wpml()
    policy = PrivacyPolicy.objects.get(title_en="Privacy Policy")
    assert policy.title_ar == "سياسة الخصوصية"
    assert not policy.is_published()


def test_old_addresses_of_both_translations_lead_to_their_language(import_wpml, client):
    import_wpml()
    article = article_for(600)
    english = client.get("/2018/04/02/mosul-dam-needs-urgent-repairs/")
    arabic = client.get("/ar/2018/04/02/%D8%B3%D8%AF-%D8%A7%D9%84%D9%85%D9%88%D8%B5%D9%84/")
    assert (english.status_code, english["Location"]) == (301, article.get_absolute_url("en"))
    assert (arabic.status_code, arabic["Location"]) == (301, article.get_absolute_url("ar"))


def test_reimporting_a_wpml_export_duplicates_nothing(import_wpml):
    import_wpml()
    counts = (Article.objects.count(), Section.objects.count(), Tag.objects.count(), Comment.objects.count())
    report = import_wpml()
    assert report.counts["posts"] == {"unchanged": 3}
    assert (
        Article.objects.count(),
        Section.objects.count(),
        Tag.objects.count(),
        Comment.objects.count(),
    ) == counts


def test_a_group_split_over_two_files_still_pairs(tmp_path):
    english = wxr(post(1, title="Water returns to Mosul", extra=wpml_meta("en", "g-1")))
    arabic = wxr(
        post(2, title="عودة المياه إلى الموصل", content="نص عربي.", extra=wpml_meta("ar", "g-1", "en")),
        header="",
    )
    wordpress_import(paths=[write(tmp_path, english, "part-1.xml"), write(tmp_path, arabic, "part-2.xml")])
    article = Article.objects.get()
    assert (article.headline_en, article.headline_ar) == ("Water returns to Mosul", "عودة المياه إلى الموصل")


def test_languages_other_than_ours_are_not_paired(tmp_path):
    export = wxr(
        post(1, title="Water returns to Mosul", extra=wpml_meta("en", "g-1")),
        post(2, title="L'eau revient à Mossoul", extra=wpml_meta("fr", "g-1", "en")),
    )
    wordpress_import(paths=[write(tmp_path, export)], language="en")
    assert Article.objects.count() == 2


@pytest.mark.parametrize(
    "code, expected",
    [("ar", "ar"), ("en-US", "en"), ("en_GB", "en"), ("AR", "ar"), ("pt-br", None), ("", None)],
)
def test_wpml_language_codes_map_to_ours(code, expected):
    assert wpml.language({"_wpml_import_language_code": code}) == expected
