"""WordPress pages. This site has no free pages, so only one kind is brought over: the privacy
policy page (WordPress creates it with the slug ``privacy-policy``) becomes a *draft* of our
Privacy & Cookies Policy, in both languages for a Polylang pair, for an administrator to review
and publish (publishing asks every reader for their cookie choices again, so it is never done
by an import). Its old addresses lead to our policy page. Other pages are listed in the report.
"""

from __future__ import annotations

import html
import re

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from consent.models import PrivacyPolicy
from redirects.services import redirect_path
from wordpress.content import convert_content, plain_text
from wordpress.context import Context, checksum, decode_slug
from wordpress.models import Kind

_PRIVACY = re.compile(r"privacy|سياسة[-\s]الخصوصية|الخصوصية", re.IGNORECASE)


def is_privacy_page(record) -> bool:
    return bool(_PRIVACY.search(decode_slug(record.get("wp:post_name")) or "")) or bool(
        _PRIVACY.search(record.get("title"))
    )


def import_page(ctx: Context, record, language: str) -> None:
    wp_id, title = record.int("wp:post_id"), html.unescape(record.get("title"))
    if not is_privacy_page(record) or record.get("wp:status") != "publish":
        ctx.report.count("pages", "skipped")
        ctx.report.warn(
            _("page not imported (this site has no free pages): %(link)s") % {"link": record.get("link")},
            wp_id=wp_id,
            title=title,
        )
        return
    data = checksum(language, record.fields)
    group = ctx.groups.get(wp_id, {})
    existing = ctx.record(Kind.PAGE, wp_id)
    partner = next(
        (r for r in (ctx.record(Kind.PAGE, pk) for pk in group.values() if pk != wp_id) if r), None
    )
    link = existing or partner
    policy = PrivacyPolicy.objects.filter(pk=link.object_id).first() if link else None
    if policy is not None and (policy.is_published() or (existing and existing.checksum == data)):
        ctx.report.count("pages", "unchanged")
        if policy.is_published():
            ctx.report.warn(_("privacy policy already published here: not changed"), wp_id=wp_id, title=title)
    else:
        policy = policy or PrivacyPolicy(change_note=_("Imported from WordPress"))
        setattr(policy, f"title_{language}", plain_text(title)[:200])
        setattr(policy, f"body_{language}", convert_content(record.get("content:encoded")).html)
        outcome = "updated" if policy.pk else "imported"
        policy.save()
        ctx.remember(Kind.PAGE, wp_id, policy.pk, data, language=language)
        ctx.report.count("pages", outcome)
        ctx.report.warn(
            _(
                "privacy policy page imported as a draft of the Privacy & Cookies Policy: review and publish it"
            ),
            wp_id=wp_id,
            title=title,
        )
    with translation.override(language):
        target = reverse("privacy_policy")
    for old in (record.get("link"), f"/?page_id={wp_id}", f"/{record.get('wp:post_name')}/"):
        if old:
            redirect_path(old_path=old, target_path=target, language=language)
