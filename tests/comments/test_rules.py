"""Each discussion rule, through comment_create (the one place the rules are applied)."""

import itertools
from datetime import timedelta

import pytest
from django.utils import timezone

from comments.models import Comment, Status
from comments.rules import compile_word_list, count_links
from comments.services import CommentRefused, comment_create
from tests.comments.factories import make_comment, rules
from tests.factories import make_article

pytestmark = pytest.mark.django_db
_n = itertools.count(1)


def create(article=None, **kw):
    n = next(_n)
    fields = {
        "article": article or make_article(),
        "name": f"Visitor {n}",
        "email": f"visitor{n}@example.org",
        "body": f"Plain remark {n}.",
        "language": "en",
        "consent_at": timezone.now(),
        "ip": f"203.0.113.{n % 250 + 1}",
        "user_agent": "Mozilla/5.0",
    }
    fields.update(kw)
    return comment_create(**fields)


# -- what happens to a new comment ------------------------------------------------------------


def test_first_comment_waits_for_a_moderator():
    comment = create()
    assert comment.status == Status.PENDING
    assert not Comment.objects.visible().exists()


def test_previously_approved_commenter_skips_the_queue():
    make_comment(name="Huda", email="huda@example.org", status=Status.APPROVED)
    comment = create(name="huda", email="HUDA@example.org")
    assert comment.status == Status.APPROVED


def test_same_email_under_another_name_still_waits():
    make_comment(name="Huda", email="huda@example.org", status=Status.APPROVED)
    assert create(name="Someone else", email="huda@example.org").status == Status.PENDING


def test_rejected_earlier_comment_does_not_earn_trust():
    make_comment(name="Huda", email="huda@example.org", status=Status.REJECTED)
    assert create(name="Huda", email="huda@example.org").status == Status.PENDING


def test_returning_commenter_waits_when_the_administrator_turns_trust_off():
    rules(trust_returning_commenters=False)
    make_comment(name="Huda", email="huda@example.org", status=Status.APPROVED)
    assert create(name="Huda", email="huda@example.org").status == Status.PENDING


def test_honeypot_filled_files_the_comment_as_spam():
    comment = create(honeypot="http://cheap.example")
    assert comment.status == Status.SPAM
    assert comment.reason == "honeypot"


def test_disallowed_word_files_the_comment_as_spam_whatever_the_case():
    rules(disallowed_words="casino\n")
    comment = create(body="Visit our CASINO tonight")
    assert comment.status == Status.SPAM
    assert comment.reason == "disallowed_word:casino"


def test_disallowed_word_in_the_name_counts_too():
    rules(disallowed_words="casino")
    assert create(name="Casino King").status == Status.SPAM


def test_disallowed_word_beats_trust_in_a_returning_commenter():
    rules(disallowed_words="casino")
    make_comment(name="Huda", email="huda@example.org")
    assert create(name="Huda", email="huda@example.org", body="casino").status == Status.SPAM


def test_moderation_word_holds_even_a_returning_commenter():
    rules(moderation_words="lawsuit")
    make_comment(name="Huda", email="huda@example.org")
    comment = create(name="Huda", email="huda@example.org", body="There will be a Lawsuit.")
    assert comment.status == Status.PENDING
    assert comment.reason == "moderation_word:lawsuit"


def test_two_links_hold_a_returning_commenter():
    make_comment(name="Huda", email="huda@example.org")
    comment = create(name="Huda", email="huda@example.org", body="See https://a.example and www.b.example")
    assert comment.status == Status.PENDING
    assert comment.reason == "links:2"


def test_one_link_does_not_hold_a_returning_commenter():
    make_comment(name="Huda", email="huda@example.org")
    assert (
        create(name="Huda", email="huda@example.org", body="See https://a.example").status == Status.APPROVED
    )


def test_link_limit_zero_turns_the_link_rule_off():
    rules(link_limit=0)
    make_comment(name="Huda", email="huda@example.org")
    body = "https://a.example https://b.example https://c.example"
    assert create(name="Huda", email="huda@example.org", body=body).status == Status.APPROVED


def test_listed_ip_prefix_matches_the_commenters_address():
    rules(disallowed_words="198.51.100.")
    assert create(ip="198.51.100.7").status == Status.SPAM
    assert create(ip="198.51.101.7").status == Status.PENDING


# -- Arabic-aware word matching ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "هذا احمق",  # bare alef
        "هذا أَحْمَق",  # diacritics
        "هذا أحـــمق",  # tatweel
        "هذا إحمق",  # alef with hamza below
        "رأيت الأحمق",  # article prefix
        "والأحمق قال",  # conjunction + article
        "قال للأحمق",  # lam + article contracted
    ],
)
def test_arabic_word_matches_its_spelling_variants(text):
    assert compile_word_list("أحمق").first_match(text) is not None


@pytest.mark.parametrize(
    ("listed", "written"),
    [("مستشفى", "في المستشفي"), ("كلمة", "هذه كلمه"), ("مدرسة", "المدرسه مغلقة")],
)
def test_yaa_and_taa_marbuta_variants_match(listed, written):
    assert compile_word_list(listed).first_match(written) is not None


def test_arabic_word_inside_a_longer_word_does_not_match():
    assert compile_word_list("حمق").first_match("هذا أحمق") is None


def test_latin_words_match_whole_words_only():
    words = compile_word_list("ass")
    assert words.first_match("a classic class") is None
    assert words.first_match("What an ASS!") == "ass"


def test_phrase_matches_across_any_spacing():
    assert compile_word_list("buy now").first_match("BUY   now please") == "buy   now"


def test_star_matches_the_beginning_of_words():
    words = compile_word_list("viagra*")
    assert words.first_match("cheap viagras here") is not None
    assert words.first_match("notviagra") is None


def test_arabic_moderation_word_holds_a_comment_written_with_variants():
    rules(moderation_words="فساد\nرشوة")
    make_comment(name="Huda", email="huda@example.org", language="ar")
    comment = create(name="Huda", email="huda@example.org", language="ar", body="تحدث عن الرشوه والفسـاد")
    assert comment.status == Status.PENDING
    assert comment.reason.startswith("moderation_word:")


def test_empty_word_lists_match_nothing():
    assert compile_word_list("\n  \n*\n").first_match("anything at all", ip="203.0.113.1") is None


def test_links_are_counted_by_address():
    assert count_links("http://a.example, https://b.example/x?y=1 and www.c.example") == 3
    assert count_links("no links, just example.com") == 0


# -- refusals ----------------------------------------------------------------------------------


def test_second_comment_from_the_same_ip_within_the_interval_is_refused():
    article = make_article()
    create(article, ip="203.0.113.50")
    with pytest.raises(CommentRefused) as refused:
        create(article, ip="203.0.113.50")
    assert refused.value.code == "flood"
    assert Comment.objects.count() == 1


def test_second_comment_from_the_same_email_within_the_interval_is_refused():
    create(email="fast@example.org", ip="203.0.113.1")
    with pytest.raises(CommentRefused) as refused:
        create(email="FAST@example.org", ip="203.0.113.2")
    assert refused.value.code == "flood"


def test_different_commenters_are_never_slowed_down_by_each_other():
    article = make_article()
    for n in range(5):
        create(article, email=f"person{n}@example.org", ip=f"203.0.113.{n + 10}")
    assert Comment.objects.count() == 5


def test_comment_after_the_flood_interval_is_accepted():
    article = make_article()
    make_comment(article=article, ip="203.0.113.50", created_at=timezone.now() - timedelta(seconds=16))
    assert create(article, ip="203.0.113.50").pk


def test_flood_interval_zero_turns_the_rule_off():
    rules(flood_interval=0)
    create(ip="203.0.113.50")
    assert create(ip="203.0.113.50").pk


def test_same_comment_twice_on_an_article_is_refused_as_duplicate():
    rules(flood_interval=0)
    article = make_article()
    create(article, email="twice@example.org", body="Exactly this.")
    with pytest.raises(CommentRefused) as refused:
        create(article, email="twice@example.org", body="  Exactly this.\r\n")
    assert refused.value.code == "duplicate"


def test_same_text_on_another_article_is_not_a_duplicate():
    rules(flood_interval=0)
    create(email="twice@example.org", body="Exactly this.")
    assert create(email="twice@example.org", body="Exactly this.").pk


def test_same_short_text_from_different_people_is_not_a_duplicate():
    article = make_article()
    create(article, body="Thank you!")
    assert create(article, body="Thank you!").pk


@pytest.mark.parametrize(("body", "code"), [("x", "too_short"), ("y" * 5001, "too_long")])
def test_length_limits_refuse_the_comment(body, code):
    with pytest.raises(CommentRefused) as refused:
        create(body=body)
    assert refused.value.code == code


def test_administrator_can_change_the_length_limits():
    rules(max_length=20)
    with pytest.raises(CommentRefused):
        create(body="This is longer than twenty characters.")


def test_comment_without_consent_is_refused():
    with pytest.raises(CommentRefused) as refused:
        create(consent_at=None)
    assert refused.value.code == "consent"
    assert not Comment.objects.exists()


# -- closing -----------------------------------------------------------------------------------


def test_article_closed_to_comments_refuses_them():
    with pytest.raises(CommentRefused) as refused:
        create(make_article(comments_open=False))
    assert refused.value.code == "closed"


def test_comments_close_automatically_after_the_configured_days():
    rules(close_after_days=14)
    old = make_article(publish_at=timezone.now() - timedelta(days=15))
    with pytest.raises(CommentRefused):
        create(old)
    assert create(make_article(publish_at=timezone.now() - timedelta(days=13))).pk


def test_automatic_closing_is_off_by_default():
    assert create(make_article(publish_at=timezone.now() - timedelta(days=3650))).pk


# -- replies -----------------------------------------------------------------------------------


def test_reply_to_a_reply_joins_the_thread_of_the_first_comment():
    article = make_article()
    top = make_comment(article=article)
    reply = make_comment(article=article, parent=top)
    comment = create(article, parent=reply)
    assert comment.parent_id == top.pk


def test_reply_to_a_comment_that_is_not_public_is_refused():
    article = make_article()
    pending = make_comment(article=article, status=Status.PENDING)
    with pytest.raises(CommentRefused) as refused:
        create(article, parent=pending)
    assert refused.value.code == "parent"


def test_reply_to_a_comment_of_another_article_is_refused():
    with pytest.raises(CommentRefused):
        create(make_article(), parent=make_comment())
