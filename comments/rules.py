"""The automatic rules that decide what happens to a new comment (pure functions, no database).

Word lists are matched the same way in English and Arabic: both the list and the comment go
through ``articles.search.normalize_arabic`` (diacritics and tatweel dropped, alef / yaa /
taa-marbuta variants unified, Latin case folded); a line matches whole words only, so "ass"
does not catch "class". Arabic glues conjunctions, prepositions and the article to the next
word (والكلب = و + ال + كلب), so an Arabic line also matches after those prefixes.
"""

import ipaddress
import re
from dataclasses import dataclass
from functools import lru_cache

from articles.search import normalize_arabic

URL_RE = re.compile(r"(?i)\b(?:https?://|www\.)[^\s<>\"'`]+")
_ARABIC_LETTER = re.compile("[\u0600-\u06ff]")
# Optional proclitics: و/ف (and), then ب/ك/ل (with, like, for) or the article ال / لل.
_ARABIC_PREFIX = "(?:[وف])?(?:ال|بال|كال|فال|لل|[بكل])?"
_IP_LIKE = re.compile(r"^[0-9a-f:.]+$", re.IGNORECASE)


def count_links(text: str) -> int:
    """Web addresses written in the comment (http://, https:// or www.)."""
    return len(URL_RE.findall(text or ""))


@dataclass(frozen=True)
class WordList:
    """A compiled moderation or disallowed word list."""

    pattern: re.Pattern | None
    ip_prefixes: tuple[str, ...]

    def first_match(self, *texts: str, ip: str | None = None) -> str | None:
        """The first listed word found in any of ``texts`` (or the listed IP), else None."""
        if ip and self.ip_prefixes:
            for prefix in self.ip_prefixes:
                if ip.lower().startswith(prefix):
                    return prefix
        if self.pattern is None:
            return None
        for text in texts:
            match = self.pattern.search(normalize_arabic(text or ""))
            if match:
                return match.group(0).strip()
        return None


def _term_pattern(term: str) -> str:
    prefix_match = term.endswith("*")
    term = term.rstrip("*").strip()
    words = [re.escape(word) for word in term.split()]
    body = r"\s+".join(words)
    if _ARABIC_LETTER.match(term):
        body = _ARABIC_PREFIX + body
    tail = r"\w*" if prefix_match else r"(?!\w)"
    return rf"(?<!\w){body}{tail}"


def _looks_like_ip(term: str) -> bool:
    if not _IP_LIKE.match(term) or not any(ch in term for ch in ".:"):
        return False
    try:
        ipaddress.ip_address(term)
        return True
    except ValueError:
        # A prefix such as "203.0.113." or "2001:db8:".
        return term.endswith((".", ":")) and any(ch.isdigit() for ch in term)


@lru_cache(maxsize=32)
def compile_word_list(text: str) -> WordList:
    """Turn the administrator's list (one word or phrase per line) into a matcher."""
    terms, ips = [], []
    for line in (text or "").splitlines():
        term = normalize_arabic(line).strip()
        if not term or term == "*":
            continue
        if _looks_like_ip(term):
            ips.append(term.lower())
        else:
            terms.append(_term_pattern(term))
    pattern = re.compile("|".join(f"(?:{t})" for t in terms)) if terms else None
    return WordList(pattern=pattern, ip_prefixes=tuple(ips))


class Reason:
    """Why a rule decided; stored as a code (plus detail) and translated when shown."""

    HONEYPOT = "honeypot"
    DISALLOWED_WORD = "disallowed_word"
    MODERATION_WORD = "moderation_word"
    LINKS = "links"
    FIRST_COMMENT = "first_comment"
    RETURNING_COMMENTER = "returning_commenter"


@dataclass(frozen=True)
class Verdict:
    """What the rules decided: a status and, for the moderator, why (``code:detail``)."""

    status: str
    reason: str = ""


def judge(
    *,
    rules,
    name: str,
    email: str,
    body: str,
    ip: str | None,
    user_agent: str,
    honeypot: str,
    returning_commenter: bool,
    url: str = "",
) -> Verdict:
    """Spam, pending or approved, in WordPress's order: spam traps first, then holds, then trust.

    ``rules`` is a ``DiscussionSettings``; ``returning_commenter`` says whether this name and
    email already have an approved comment.
    """
    from comments.models import Status

    if honeypot.strip():
        return Verdict(Status.SPAM, Reason.HONEYPOT)
    # The website is checked against the word lists too, as WordPress does (spam lives there).
    word = compile_word_list(rules.disallowed_words).first_match(name, email, url, body, user_agent, ip=ip)
    if word:
        return Verdict(Status.SPAM, f"{Reason.DISALLOWED_WORD}:{word}")
    word = compile_word_list(rules.moderation_words).first_match(name, email, url, body, ip=ip)
    if word:
        return Verdict(Status.PENDING, f"{Reason.MODERATION_WORD}:{word}")
    links = count_links(body)
    if rules.link_limit and links >= rules.link_limit:
        return Verdict(Status.PENDING, f"{Reason.LINKS}:{links}")
    if rules.trust_returning_commenters and returning_commenter:
        return Verdict(Status.APPROVED, Reason.RETURNING_COMMENTER)
    return Verdict(Status.PENDING, Reason.FIRST_COMMENT)


def describe(reason: str) -> str:
    """The stored reason in the moderator's language."""
    from django.utils.translation import gettext as _, ngettext

    code, _sep, detail = (reason or "").partition(":")
    if code == Reason.HONEYPOT:
        return _("The hidden anti-spam field was filled in.")
    if code == Reason.DISALLOWED_WORD:
        return _("Disallowed word: “%(word)s”.") % {"word": detail}
    if code == Reason.MODERATION_WORD:
        return _("Moderation word: “%(word)s”.") % {"word": detail}
    if code == Reason.LINKS:
        count = int(detail) if detail.isdigit() else 0
        return ngettext("Contains %(count)d link.", "Contains %(count)d links.", count) % {"count": count}
    if code == Reason.FIRST_COMMENT:
        return _("No earlier approved comment under this name and email.")
    if code == Reason.RETURNING_COMMENTER:
        return _("Approved automatically: a previously approved commenter.")
    return reason or ""
