from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.i18n import set_language

from articles.sitemaps import SITEMAPS, sitemap_index, sitemap_section
from articles.views import robots_txt
from consent import views as consent_views
from newsroom import views
from readership import views as readership_views
from web.ratelimit import rate_limit

handler500 = views.server_error

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("readyz", views.readyz, name="readyz"),
    path("i18n/setlang/", set_language, name="set_language"),
    path("robots.txt", robots_txt, name="robots-txt"),
    # The read API: not language-prefixed (the language is the ?lang= parameter).
    path("api/", include("api.urls")),
    path(
        "sitemap.xml",
        sitemap_index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap-section"},
        name="sitemap-index",
    ),
    path("sitemap-<str:section>.xml", sitemap_section, name="sitemap-section"),
]

urlpatterns += i18n_patterns(
    # Login attempts per address are capped (429) on top of django-axes' per-account lockout.
    path("admin/login/", rate_limit("login", methods=("POST",))(admin.site.login)),
    path("admin/", admin.site.urls),
    # Cookie consent: the policy page (linked from every footer), the choice form, the read beacon.
    path("privacy/", consent_views.privacy_policy, name="privacy_policy"),
    path("cookies/", consent_views.consent_update, name="cookie_consent"),
    path("reads/<int:article_id>.gif", readership_views.read_beacon, name="read_beacon"),
    path("comments/", include("comments.urls")),
    path("live/", include("live.urls")),
    path("coverage/", include(("live.urls_pages", "live_pages"))),
    path("", include("articles.urls")),
    prefix_default_language=True,
)

if (settings.DEBUG or settings.SERVE_MEDIA) and settings.MEDIA_URL.startswith("/"):
    # Uploads carry random, never-reused names, so they may be cached for good. In a larger
    # deployment the proxy serves /media/ from object storage (or a CDN's MEDIA_URL does) and
    # SERVE_MEDIA is off.
    urlpatterns += [
        re_path(rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.*)$", views.media, name="media"),
    ]
