"""Mapping a WordPress export into articles, sections, tags, authors and images."""

from datetime import UTC, datetime

import pytest
from django.core import mail
from django.utils import timezone

from articles.models import Article, Author, Section, Status, Tag
from tests.wordpress.builders import author, category, post, write, wxr
from wordpress.importer import wordpress_import
from wordpress.models import ImportRecord, Kind

pytestmark = pytest.mark.django_db


def article_for(wp_id, site="https://euphrates.example"):
    record = ImportRecord.objects.get(site=site, kind=Kind.POST, wp_id=str(wp_id))
    return Article.objects.get(pk=record.object_id)


def test_polylang_pair_becomes_one_article_with_both_languages(import_polylang):
    import_polylang()
    article = article_for(101)
    assert article_for(102) == article
    assert article.headline_en == "ISIS Retreating, new capital possible"
    assert article.headline_ar == "داعش يتراجع، وعاصمة جديدة محتملة"
    assert article.live_languages() == ["en", "ar"]
    assert article.original_language == "en"


def test_percent_encoded_arabic_slugs_are_decoded(import_polylang):
    import_polylang()
    article = article_for(102)
    assert article.slug_ar == "داعش-يتراجع-عاصمة-جديدة"
    assert article.slug_en == "isis-retreating-new-capital-possible"


def test_translated_categories_become_one_section_and_tags_keep_their_slugs(import_polylang):
    import_polylang()
    article = article_for(101)
    assert (article.section.name_en, article.section.name_ar) == ("News", "أخبار")
    assert (article.section.slug_en, article.section.slug_ar) == ("news", "أخبار")
    assert Section.objects.filter(slug_en="syria", name_en="Syria & region").exists()
    tag = Tag.objects.get(slug_en="deir-ez-zor")
    assert tag.slug_ar == "دير-الزور"
    assert list(article.tags.all()) == [tag]


def test_classic_content_gets_paragraphs_captions_and_is_sanitised(import_polylang):
    import_polylang()
    body = article_for(101).body_en
    assert body.startswith("<p>“Exclusive” Euphrates Post:</p>")
    assert "<p>A source close to ISIS confirmed to Euphrates Post<br>" in body
    assert "<figcaption>The road to Palmyra</figcaption>" in body
    assert "<script" not in body and "alert" not in body
    assert "[caption" not in body


def test_block_editor_content_loses_its_block_comments(import_polylang):
    import_polylang()
    body = article_for(102).body_ar
    assert "wp:paragraph" not in body and "<!--" not in body
    assert "<p>«خاص» الفرات بوست:</p>" in body
    assert "<figcaption>الطريق إلى تدمر</figcaption>" in body


def test_featured_image_becomes_the_lead_image_with_alt_caption_and_credit(import_polylang):
    import_polylang()
    image = article_for(101).lead_image
    assert image is not None and image.width == 900
    assert image.alt_text_en == "The ruins of Palmyra at dusk"
    assert image.caption_en == "The road to Palmyra"
    assert image.credit_en == "Euphrates Post"


def test_images_in_bodies_point_at_our_copies(import_polylang):
    import_polylang()
    article = article_for(101)
    assert "euphrates.example/wp-content" not in article.body_en
    assert "euphrates.example/wp-content" not in article.body_ar
    assert 'src="/media/renditions/' in article.body_en


def test_a_missing_picture_is_a_warning_and_its_post_still_imports(import_polylang):
    report = import_polylang()
    assert article_for(108).headline_ar == "معرض صور من تدمر"
    messages = [w["message"] for w in report.warnings if w["wp_id"] == "202"]
    assert messages == ["picture file not found in the media folder: 2017/05/lost-photo.jpg"]


def test_without_media_dir_articles_import_without_pictures(import_polylang):
    import_polylang(media_dir=None)
    assert article_for(101).lead_image is None
    assert "body_en" and "<figure>" in article_for(101).body_en


@pytest.mark.parametrize(
    ("wp_id", "status", "live"),
    [
        (101, Status.PUBLISHED, True),
        (103, Status.PUBLISHED, False),  # future: scheduled at its date
        (104, Status.DRAFT, False),
        (105, Status.UNPUBLISHED, False),  # private
        (106, Status.UNPUBLISHED, False),  # password-protected
        (107, Status.REVIEW, False),  # pending
    ],
)
def test_wordpress_states_map_to_the_workflow(import_polylang, wp_id, status, live):
    import_polylang()
    article = article_for(wp_id)
    assert article.status == status
    assert article.is_published() is live


def test_future_post_is_scheduled_at_its_date(import_polylang):
    import_polylang()
    article = article_for(103)
    assert article.is_scheduled()
    assert article.publish_at == datetime(2030, 1, 1, 8, 0, tzinfo=UTC)


def test_trashed_post_is_archived(tmp_path):
    wordpress_import(paths=[write(tmp_path, wxr(post(5, status="trash")))])
    assert Article.objects.get().status == Status.ARCHIVED


def test_publish_date_and_modified_date_come_from_wordpress(import_polylang):
    import_polylang()
    article = article_for(101)
    assert article.publish_at == datetime(2017, 3, 20, 9, 30, tzinfo=UTC)
    assert article.updated_at == datetime(2017, 3, 21, 5, 0, tzinfo=UTC)


def test_sticky_post_becomes_a_lead_story(import_polylang):
    import_polylang()
    assert article_for(101).featured and not article_for(108).featured


def test_draft_translation_of_a_published_post_is_left_out(import_polylang):
    report = import_polylang()
    article = article_for(110)
    assert article_for(111) == article
    assert article.headline_en and not article.headline_ar
    assert any(w["wp_id"] == "111" and "left out" in w["message"] for w in report.warnings)


def test_authors_become_inactive_users_without_password(import_polylang):
    import_polylang()
    author_ = Author.objects.get(slug="admindiaa")
    assert author_.user.is_active is False
    assert author_.user.has_usable_password() is False
    assert author_.user.email == "diaa@euphrates.example"
    assert list(article_for(101).authors.all()) == [author_]


def test_an_imported_login_never_takes_over_an_existing_account(import_polylang):
    from tests.factories import make_user

    ours = make_user("admin", is_superuser=True, is_staff=True)
    import_polylang()
    imported = Author.objects.get(display_name_en="Site Admin")
    assert imported.user != ours and imported.user.username == "wp-admin"
    ours.refresh_from_db()
    assert ours.is_active and ours.has_usable_password()


def test_unknown_creator_is_a_warning_not_a_crash(import_polylang):
    report = import_polylang()
    assert not article_for(108).authors.exists()
    assert {
        "wp_id": "108",
        "title": "معرض صور من تدمر",
        "message": "unknown author “ghost”: imported without a byline",
    } in report.warnings


def test_unknown_shortcodes_are_kept_as_text_and_reported(import_polylang):
    report = import_polylang()
    assert "[contact-form-7" in article_for(108).body_ar
    assert report.unknown_shortcodes == {"contact-form-7": 1}


def test_privacy_policy_page_becomes_a_draft_policy_for_review(import_polylang):
    from consent.models import PrivacyPolicy

    current = PrivacyPolicy.objects.current()
    report = import_polylang()
    draft = PrivacyPolicy.objects.drafts().get()
    assert (draft.title_en, draft.body_en) == ("Privacy Policy", "<p>This site uses cookies.</p>")
    assert not draft.is_published()  # publishing asks readers again: an administrator decides
    assert PrivacyPolicy.objects.current() == current
    assert report.counts["pages"] == {"imported": 1}


def test_other_pages_are_listed_in_the_report_not_imported(tmp_path):
    report = wordpress_import(paths=[write(tmp_path, wxr(post(7, title="About us", post_type="page")))])
    assert report.counts["pages"] == {"skipped": 1}
    assert "page not imported" in report.warnings[0]["message"]
    assert not Article.objects.exists()


def test_report_counts_each_kind(import_polylang):
    report = import_polylang()
    assert report.counts["posts"]["imported"] == 10
    assert report.counts["images"] == {"imported": 1, "skipped": 1}
    assert report.counts["authors"]["imported"] == 2
    assert "Time taken" in report.as_text()


def test_language_auto_decides_from_the_script(tmp_path):
    export = wxr(
        post(1, title="خبر عاجل", content="نص عربي طويل", slug="khabar"),
        post(2, title="Breaking", content="English text"),
    )
    wordpress_import(paths=[write(tmp_path, export)], language="auto")
    arabic, english = Article.objects.get(slug_ar="khabar"), Article.objects.get(slug_en="story-2")
    assert arabic.headline_ar == "خبر عاجل" and not arabic.headline_en
    assert english.headline_en == "Breaking" and not english.headline_ar
    assert Article.objects.count() == 2  # no pair is guessed


def test_language_option_forces_the_language_of_posts_without_language_data(tmp_path):
    wordpress_import(paths=[write(tmp_path, wxr(post(1, title="Title in Latin letters")))], language="ar")
    assert Article.objects.get().headline_ar == "Title in Latin letters"


def test_post_without_category_goes_to_the_default_section(tmp_path):
    from tests.factories import make_section

    section = make_section(slug_en="archive")
    export = wxr(post(1, categories=()), header=author())
    wordpress_import(paths=[write(tmp_path, export)], default_section="archive")
    assert Article.objects.get().section == section


def test_one_bad_post_is_reported_and_the_others_go_on(tmp_path):
    export = wxr(post(1, title="", content=""), post(2, title="Good story"))
    report = wordpress_import(paths=[write(tmp_path, export)])
    assert list(Article.objects.values_list("headline_en", flat=True)) == ["Good story"]
    assert report.counts["posts"] == {"skipped": 1, "imported": 1}
    assert report.warnings[0]["wp_id"] == "1" and "not imported" in report.warnings[0]["message"]


def test_slug_already_used_here_gets_the_wordpress_id(tmp_path):
    from tests.factories import make_article

    make_article(slug_en="story-1")
    report = wordpress_import(paths=[write(tmp_path, wxr(post(1)))])
    assert Article.objects.filter(slug_en="story-1-1").exists()
    assert report.counts["posts"]["imported"] == 1


def test_dry_run_saves_nothing(import_polylang):
    report = import_polylang(dry_run=True, media_dir=None)
    assert report.counts["posts"]["imported"] == 10
    assert not Article.objects.exists() and not ImportRecord.objects.exists()


def test_imported_comments_send_no_email(import_polylang):
    import_polylang()
    assert mail.outbox == []


def test_wxr_1_0_export_imports_with_authors_from_creators(fixtures):
    report = wordpress_import(paths=[fixtures / "legacy-1.0.xml"])
    article = Article.objects.get(slug_en="hello-from-2009")
    assert article.is_published()
    assert [a.slug for a in article.authors.all()] == ["olduser"]
    assert report.counts["comments"]["imported"] == 1


def test_wxr_1_1_classic_export_imports(fixtures):
    wordpress_import(paths=[fixtures / "classic-1.1.xml"])
    article = Article.objects.get(slug_en="classic-story")
    assert article.body_en.count("<p>") == 2
    assert article.section.slug_en == "reports"


def test_split_export_files_import_together(tmp_path):
    first = write(tmp_path, wxr(post(1, title="One")), "part1.xml")
    second = write(tmp_path, wxr(post(2, title="Two")), "part2.xml")
    report = wordpress_import(paths=[first, second])
    assert Article.objects.count() == 2
    assert report.counts["sections"] == {"imported": 1}  # the repeated header is read once


def test_scheduled_time_in_the_past_goes_live(tmp_path):
    past = timezone.now().replace(year=2020).strftime("%Y-%m-%d %H:%M:%S")
    wordpress_import(paths=[write(tmp_path, wxr(post(1, status="future", date=past)))])
    assert Article.objects.get().is_published()


def test_categories_keep_their_hierarchy_in_old_addresses_only(tmp_path):
    header = author() + category(3, "news", "News") + category(5, "syria", "Syria", parent="news")
    export = wxr(post(1, categories=(("category", "syria", "Syria"),)), header=header)
    wordpress_import(paths=[write(tmp_path, export)])
    assert Article.objects.get().section.slug_en == "syria"
    assert Section.objects.count() == 2
