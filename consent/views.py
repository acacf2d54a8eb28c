"""Reader-facing views of the consent feature: the choice form and the policy page."""

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponseBadRequest, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from articles.views import current_language
from consent import cookies
from consent.models import ConsentAction, PrivacyPolicy
from consent.services import consent_record
from web.security import same_origin_post

# The buttons of the banner and of the settings form, and what each records.
ACTIONS = {
    "accept": ConsentAction.ACCEPT_ALL,
    "reject": ConsentAction.REJECT_ALL,
    "save": ConsentAction.CUSTOM,
    "withdraw": ConsentAction.WITHDRAW,
}


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
        categories = set(cookies.offered_categories())
    elif action == "save":
        categories = set(request.POST.getlist("categories"))
    else:
        categories = set()
    gpc_refused = cookies.sends_gpc(request) and bool(categories & cookies.GPC_REFUSES)
    if cookies.sends_gpc(request):
        categories -= cookies.GPC_REFUSES
    state = cookies.new_state(request, categories)
    # The response of this very request already obeys the new choice: the middleware expires
    # what was just refused.
    cookies.set_consent(request, state)
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
    cookies.set_consent_cookie(response, request, state)
    return response


@require_GET
def privacy_policy(request):
    """The Privacy & Cookies Policy in force, the cookie table and the reader's controls."""
    policy = PrivacyPolicy.objects.current()
    specs = cookies.registry()
    cookie_groups = [
        {"category": category, **cookies.CATEGORIES[category], "cookies": listed}
        for category in cookies.CATEGORIES
        if (listed := [spec for spec in specs if spec.category == category])
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
