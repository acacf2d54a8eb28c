from django.http import HttpResponsePermanentRedirect

from redirects.lookup import find_redirect, record_missed


class OldAddressRedirectMiddleware:
    """Turns a 404 for an old address into a 301 to its page; logs the WordPress-looking misses.

    Only 404s pay for the lookup. Placed below LocaleMiddleware and CommonMiddleware in
    MIDDLEWARE, so it sees the 404 before they redirect an unprefixed path to a language
    guessed from the browser: an old address leads to the page in *its* language. The page
    cache stores only 200 responses, so a redirect is decided afresh for every reader.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in ("GET", "HEAD"):
            return response
        query = request.META.get("QUERY_STRING", "")
        url = find_redirect(request.path, query)
        if url:
            return HttpResponsePermanentRedirect(url)
        record_missed(request.path, query)
        return response
