"""Reader-facing views of the consent feature: the choice form, the policy page, the read beacon."""

import base64

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from newsroom import consent, readership
from newsroom.consent_services import consent_record
from newsroom.models import ConsentAction, PrivacyPolicy
from newsroom.security import same_origin_post

# The buttons of the banner and of the settings form, and what each records.
ACTIONS = {
    "accept": ConsentAction.ACCEPT_ALL,
    "reject": ConsentAction.REJECT_ALL,
    "save": ConsentAction.CUSTOM,
    "withdraw": ConsentAction.WITHDRAW,
}
# The smallest transparent GIF.
PIXEL = base64.b64decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")


def current_language():
    return (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]


def safe_next_url(request, default=None) -> str:
    """Where to return the reader: their own page on this site, else ``default`` or the home page."""
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return default or reverse("articles:home")


@same_origin_post
@require_POST
def consent_update(request):
    """Save the reader's cookie choice (banner buttons, per-category form, withdrawal)."""
    action = request.POST.get("action", "")
    if action not in ACTIONS:
        return HttpResponseBadRequest(
            _("This choice was not understood. Please use the buttons of the cookie banner."),
            content_type="text/plain; charset=utf-8",
        )
    if action == "accept":
        categories = set(consent.offered_categories())
    elif action == "save":
        categories = set(request.POST.getlist("categories"))
    else:
        categories = set()
    gpc_refused = consent.sends_gpc(request) and bool(categories & consent.GPC_REFUSES)
    if consent.sends_gpc(request):
        categories -= consent.GPC_REFUSES
    state = consent.new_state(request, categories)
    # The response of this very request already obeys the new choice: the middleware expires
    # what was just refused.
    consent.set_consent(request, state)
    consent_record(request=request, state=state, action=ACTIONS[action], language=current_language())

    notice = _("Your cookie choices have been saved. You can change them at any time with “Cookie settings”.")
    if gpc_refused:
        notice += " " + _(
            "Your browser sends the Global Privacy Control signal, so statistics and marketing cookies stay off."
        )
    if "application/json" in request.headers.get("Accept", ""):
        response = JsonResponse({"categories": sorted(state.categories), "message": notice})
    else:
        messages.success(request, notice)
        response = HttpResponseRedirect(safe_next_url(request))
    consent.set_consent_cookie(response, request, state)
    return response


@require_GET
def privacy_policy(request):
    """The Privacy & Cookies Policy in force, the cookie table and the reader's controls."""
    policy = PrivacyPolicy.objects.current()
    specs = consent.registry()
    cookie_groups = [
        {"category": category, **consent.CATEGORIES[category], "cookies": cookies}
        for category in consent.CATEGORIES
        if (cookies := [spec for spec in specs if spec.category == category])
    ]
    context = {
        "policy": policy,
        "cookie_groups": cookie_groups,
        # "Cookie settings" in a footer links here with ?next=<that page>: saving goes back there.
        "next_url": safe_next_url(request, default=request.path),
        # Stated in months, as readers think of it (182 days: 6 months).
        "max_age_months": max(1, round(settings.COOKIE_CONSENT_MAX_AGE_DAYS / 30.44)),
    }
    return render(request, "consent/privacy_policy.html", context)


@never_cache
@require_GET
def read_beacon(request, article_id):
    """A 1×1 image the article page shows: counts the read, never cached."""
    response = HttpResponse(PIXEL, content_type="image/gif")
    visitor_id = readership.register_read(request, article_id=article_id, language=current_language())
    if visitor_id:
        response.set_cookie(
            readership.VISITOR_COOKIE,
            visitor_id,
            max_age=readership.VISITOR_COOKIE_MAX_AGE,
            path="/",
            secure=request.is_secure() or settings.SESSION_COOKIE_SECURE,
            httponly=True,
            samesite="Lax",
        )
    response["X-Robots-Tag"] = "noindex"
    return response
