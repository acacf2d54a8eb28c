"""The one settings module, driven by environment variables.

DEBUG            "1"/"true" for development; off by default.
SECRET_KEY       required when DEBUG is off.
ALLOWED_HOSTS    comma-separated host names (default: localhost names in DEBUG).
SITE_URL         the site's public address (https://news.example.org); required when DEBUG is off.
DATABASE_URL     postgres://… ; `make run`/`make test` set it to the embedded server when unset.
REDIS_URL        optional shared cache (redis://host:6379/0); a file-based cache under var/ otherwise.
DATABASE_REPLICA_URL  optional read replicas (comma-separated postgres://… URLs) for anonymous reads.
AWS_STORAGE_BUCKET_NAME  optional: uploads on object storage (S3 API), with AWS_S3_ENDPOINT_URL,
                 AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and MEDIA_PUBLIC_URL (default /media/).
"""

import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
import xstatic.pkg.jquery_ui
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("NEWSROOM_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


DEBUG = env_bool("DEBUG")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set when DEBUG is off (for local trials use DEBUG=1, "
            "or export SECRET_KEY to a long random string)."
        )
    SECRET_KEY = "django-insecure-development-only-key-never-used-in-production"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if DEBUG else [])
if not DEBUG and not ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "ALLOWED_HOSTS must be set when DEBUG is off: the comma-separated host names this site answers to, "
        "e.g. ALLOWED_HOSTS=news.example.org (for a local trial: ALLOWED_HOSTS=127.0.0.1,localhost)."
    )

INSTALLED_APPS = [
    # modeltranslation must come before the admin so its widgets win.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "ckeditor",
    # Revision history of articles (compare and restore in the admin).
    "reversion",
    "axes",
    "newsroom",
    # Shared web plumbing below the content apps: page cache, rate limits, origin checks, request log.
    "web",
    "articles",
    "comments",
    "consent",
    "readership",
    "ops",
    "redirects",
    "wordpress",
    # The read API (/api/v1/); "ninja" serves its interactive docs' static files.
    "ninja",
    "api",
    # Live blogs and the breaking-news strip.
    "live",
    # The database backend of Django's task framework (purging the proxies: web/purge.py).
    "django_tasks_db",
]

MIDDLEWARE = [
    "web.request_log.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "web.request_log.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before every middleware that sets cookies (sessions, CSRF, messages, language), so that
    # it sees each response last and strips whatever the reader has not consented to; and
    # above the page cache, so that a page served from it still expires refused cookies.
    "consent.middleware.CookieConsentMiddleware",
    # Anonymous readers' pages from the shared cache: below the HTTPS redirect and the security
    # headers, above everything that reads sessions or renders (see web/cache.py).
    "web.cache.PublicPageCacheMiddleware",
    # Below the page cache (a hit needs no database): anonymous public reads from a replica.
    "web.replicas.ReplicaReadsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Below Locale and Common: a 404 for an old (WordPress) address becomes a 301 before they
    # redirect it to a language guessed from the browser (see redirects/middleware.py).
    "redirects.middleware.OldAddressRedirectMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, so that it sees the outcome of authentication (django-axes' documented position).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "newsroom.urls"
WSGI_APPLICATION = "newsroom.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "newsroom.context_processors.site",
            ],
        },
    },
]

# Database: DATABASE_URL always (the Makefile points it at the embedded server when unset).
DATABASE_URL = os.environ.get("DATABASE_URL", "")
if not DATABASE_URL:
    raise ImproperlyConfigured(
        "DATABASE_URL is not set. Use `make run` / `make test` (they start an embedded PostgreSQL), "
        "or export DATABASE_URL=postgres://user:password@host:5432/dbname."
    )
# Persistent connections, checked before each request: after a PostgreSQL restart the first
# request reconnects instead of failing, with no worker restart.
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=600, conn_health_checks=True)}
if not DATABASES["default"]["HOST"] and "host" in DATABASES["default"]["OPTIONS"]:
    # A unix-socket URL (…@/name?host=/socket/dir), as the embedded server gives: make it HOST.
    DATABASES["default"]["HOST"] = DATABASES["default"]["OPTIONS"].pop("host")
# A primary that is away fails the request in seconds, as 503 + Retry-After (web/outage.py).
DATABASES["default"]["OPTIONS"].setdefault("connect_timeout", 5)
OUTAGE_RETRY_AFTER = int(os.environ.get("OUTAGE_RETRY_AFTER", 5))
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Read replicas (web/replicas.py): anonymous public reads go to one that is up, within the lag
# limit and has replayed the last publication; everything else goes to the primary.
DATABASE_REPLICAS = []
for _number, _url in enumerate(env_list("DATABASE_REPLICA_URL", []), start=1):
    _replica = dj_database_url.parse(_url, conn_max_age=600, conn_health_checks=True)
    _replica["OPTIONS"].setdefault("connect_timeout", 2)
    if not _replica["HOST"] and "host" in _replica["OPTIONS"]:
        _replica["HOST"] = _replica["OPTIONS"].pop("host")
    # Tests never create a database on a replica (it is read-only); they read the primary's.
    _replica["TEST"] = {"MIRROR": "default"}
    DATABASES[f"replica{_number}"] = _replica
    DATABASE_REPLICAS.append(f"replica{_number}")
DATABASE_ROUTERS = ["web.replicas.ReplicaRouter"]
REPLICA_MAX_LAG_SECONDS = float(os.environ.get("REPLICA_MAX_LAG_SECONDS", 5))
REPLICA_CHECK_SECONDS = float(os.environ.get("REPLICA_CHECK_SECONDS", 1))

if os.environ.get("REDIS_URL"):
    # Shared by every app server: pages, fragments and the publication generation. An outage
    # degrades to uncached pages (web/redis_cache.py), so the timeouts are short.
    CACHES = {
        "default": {
            "BACKEND": "web.redis_cache.ResilientRedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "OPTIONS": {
                "socket_connect_timeout": float(os.environ.get("REDIS_CONNECT_TIMEOUT", 0.25)),
                "socket_timeout": float(os.environ.get("REDIS_TIMEOUT", 0.5)),
            },
        }
    }
else:
    # Shared by every worker process on this machine; production points REDIS_URL at a cache server.
    CACHES = {
        "default": {
            # Django's file cache, without its directory listing on every write (web/file_cache.py).
            "BACKEND": "web.file_cache.FileCache",
            "LOCATION": os.environ.get("CACHE_DIR", VAR_DIR / "cache"),
            "OPTIONS": {"MAX_ENTRIES": 20000},
        }
    }

# Whole-page cache for anonymous readers (web/cache.py); 0 turns it off.
PUBLIC_PAGE_CACHE_SECONDS = int(os.environ.get("PUBLIC_PAGE_CACHE_SECONDS", 0 if DEBUG else 600))
PUBLIC_PAGE_CACHE_EXCLUDE = (
    "/static/",
    "/media/",
    "/healthz",
    "/readyz",
    "/i18n/",
    "/en/admin/",
    "/ar/admin/",
    # The API caches its own answers after counting the request against its rate limit (web/responses.py).
    "/api/",
    # Live blogs' and breaking news' JSON, cached by the views themselves (live/views.py).
    "/en/live/",
    "/ar/live/",
)
# At most this many search pages (any ?q=) are stored per cache period; more are served uncached.
PUBLIC_PAGE_CACHE_BUDGETS = {"search": int(os.environ.get("PUBLIC_PAGE_CACHE_SEARCH_PAGES", 500))}

# Caching proxies in front (Varnish, ops/varnish/newsroom.vcl): every change to public pages
# enqueues a task that BANs them all (web/purge.py). Pages tell shared caches to keep them
# PROXY_CACHE_SECONDS (s-maxage; never past the next scheduled publication).
PROXY_PURGE_URLS = env_list("PROXY_PURGE_URLS", [])
PROXY_CACHE_SECONDS = int(os.environ.get("PROXY_CACHE_SECONDS", 600 if PROXY_PURGE_URLS else 0))
PROXY_STALE_SECONDS = int(os.environ.get("PROXY_STALE_SECONDS", 0))
# Django's task framework: the purge tasks are rows in PostgreSQL (django-tasks-db), run by
# `manage.py db_worker --backend purge`; other tasks run at once, as Django's default does.
TASKS = {
    "default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"},
    "purge": {"BACKEND": "django_tasks_db.DatabaseBackend"},
    # WordPress imports started in the admin (wordpress/tasks.py): `manage.py db_worker --backend imports`.
    "imports": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}

# Requests per client address per window (seconds), shared by all workers (web/ratelimit.py).
RATE_LIMITS = {
    "search": (int(os.environ.get("RATE_LIMIT_SEARCH", 60)), 60),
    "comment_post": (int(os.environ.get("RATE_LIMIT_COMMENTS", 10)), 600),
    "login": (int(os.environ.get("RATE_LIMIT_LOGIN", 20)), 600),
    # Anonymous API reads per address per minute; partners' keys carry their own limits.
    "api": (int(os.environ.get("RATE_LIMIT_API", 120)), 60),
}

AUTHENTICATION_BACKENDS = [
    # django-axes first: it refuses locked-out credentials before any password check.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Brute-force protection for staff logins (django-axes, database-backed so every worker
# process and machine shares the counts): 5 failures lock that account, and separately that
# address, for 30 minutes.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", 5))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", 0.5))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "web/lockout.html"
# How many proxies of ours stand in front of the site (they append to X-Forwarded-For).
PROXY_COUNT = int(os.environ.get("PROXY_COUNT", 0))
# Lock the client's address, found by the same rule (PROXY_COUNT) as the rate limits and comments
# use, not REMOTE_ADDR, which behind the proxy is the proxy's own address.
AXES_CLIENT_IP_CALLABLE = "web.security.client_ip"
AXES_VERBOSE = False  # its log lines would contain addresses and user names

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: English and Arabic, chosen by URL prefix.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("ar", _("Arabic"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = os.environ.get("TIME_ZONE", "UTC")

# Content translation: an empty Arabic headline must never silently show the English one.
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_LANGUAGES = ("en", "ar")
MODELTRANSLATION_ENABLE_FALLBACKS = False

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static", ("vendor/jquery-ui", xstatic.pkg.jquery_ui.BASE_DIR)]
# modeltranslation's language tabs need jQuery UI; served from our static files, not a CDN.
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
# Uploads (pictures and their renditions) go to object storage when a bucket is named: any S3
# API (Ceph RADOS Gateway, AWS S3, …) through django-storages. Their addresses are MEDIA_URL +
# key, unsigned and permanent (newsroom/storage.py says why): "/media/" when the proxy in front
# of the site maps /media/ to the bucket (ops/varnish/newsroom.vcl), or a CDN's address.
MEDIA_BUCKET = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
MEDIA_URL = os.environ.get("MEDIA_PUBLIC_URL", "/media/").rstrip("/") + "/"
# `make serve` on one machine serves uploads itself; behind a proxy or with object storage, set 0
# (with a bucket and SERVE_MEDIA=1 the app streams them from the bucket: a fallback, not a CDN).
SERVE_MEDIA = env_bool("SERVE_MEDIA", DEBUG and not MEDIA_BUCKET)
if MEDIA_BUCKET:
    from botocore.config import Config as _BotoConfig

    _DEFAULT_STORAGE = {
        "BACKEND": "newsroom.storage.PublicMediaStorage",
        "OPTIONS": {
            "bucket_name": MEDIA_BUCKET,
            # Unset: AWS itself. Keys unset: boto3's chain (instance role, ~/.aws, …).
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "access_key": os.environ.get("AWS_ACCESS_KEY_ID") or None,
            "secret_key": os.environ.get("AWS_SECRET_ACCESS_KEY") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "querystring_auth": False,
            "file_overwrite": False,
            "default_acl": None,  # the bucket's policy makes objects readable, not per-object ACLs
            "object_parameters": {"CacheControl": "public, max-age=31536000, immutable"},
            # A store that is down fails an upload in seconds, not after boto3's long retries.
            "client_config": _BotoConfig(
                s3={"addressing_style": os.environ.get("AWS_S3_ADDRESSING_STYLE", "path")},
                signature_version="s3v4",
                connect_timeout=2,
                read_timeout=20,
                retries={"max_attempts": 2, "mode": "standard"},
            ),
        },
    }
else:
    _DEFAULT_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
STORAGES = {
    "default": _DEFAULT_STORAGE,
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Rich text: CKEditor 4 for editing; every stored body is also sanitised with nh3 (articles.sanitize).
CKEDITOR_BASEPATH = "/static/ckeditor/ckeditor/"
CKEDITOR_CONFIGS = {
    "default": {
        "toolbar": [
            ["Format", "Bold", "Italic", "Strike"],
            ["NumberedList", "BulletedList", "Blockquote"],
            ["Link", "Unlink"],
            # Pictures upload into the image library; embeds: only what articles.sanitize keeps
            # (YouTube privacy-enhanced and Vimeo players).
            ["Image", "Iframe", "Table", "HorizontalRule"],
            ["RemoveFormat", "Source"],
            ["BidiLtr", "BidiRtl"],
        ],
        "format_tags": "p;h2;h3;h4",
        "extraPlugins": "bidi,iframe,uploadimage",
        "removeDialogTabs": "image:advanced;link:advanced;iframe:advanced",
        "height": 360,
        "width": "100%",
        "contentsLangDirection": "ltr",
        "contentsLanguage": "en",
    },
}
# Arabic bodies are written right-to-left.
CKEDITOR_CONFIGS["rtl"] = {
    **CKEDITOR_CONFIGS["default"],
    "contentsLangDirection": "rtl",
    "contentsLanguage": "ar",
}
SILENCED_SYSTEM_CHECKS = [
    # CKEditor 4's end-of-support notice: the editor is staff-only and every body is sanitised
    # server-side with nh3 before it is stored (see README, "Security").
    "ckeditor.W001",
]

# --- Security -------------------------------------------------------------------------------
# HTTPS=1 (the default in production) means: served through a TLS-terminating proxy. Then plain
# HTTP is redirected, HSTS is sent and cookies are Secure. HTTPS=0 allows a local plain-HTTP trial.
HTTPS = env_bool("HTTPS", not DEBUG)
# Trusted by default only where a TLS proxy stands in front (HTTPS=1): there it must overwrite the
# header, and without it every request would look like plain HTTP and be redirected for ever.
# Served directly (HTTPS=0), nobody overwrites what a client sends, so it is not believed.
if env_bool("TRUST_X_FORWARDED_PROTO", HTTPS):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = HTTPS
SECURE_HSTS_SECONDS = int(os.environ.get("HSTS_SECONDS", 31536000)) if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("HSTS_PRELOAD", True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]  # probes talk plain HTTP to the process
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = LANGUAGE_COOKIE_SECURE = HTTPS
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", 8 * 60 * 60))  # a working day
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Content-Security-Policy (Django's built-in middleware). Public pages run no inline script,
# so a cached page never reuses a nonce; the admin gets only what CKEditor 4 needs.
from django.utils.csp import CSP  # noqa: E402


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    # Pictures from a CDN or the bucket's own address, when MEDIA_URL is one.
    "img-src": [CSP.SELF, "data:", *([_media_origin] if (_media_origin := _origin(MEDIA_URL)) else [])],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "frame-src": ["https://www.youtube-nocookie.com", "https://player.vimeo.com"],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
ADMIN_CSP = {
    **SECURE_CSP,
    # CKEditor 4 writes inline styles and evaluates its templates; staff-only pages.
    "script-src": [CSP.SELF, CSP.UNSAFE_INLINE, CSP.UNSAFE_EVAL],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [*SECURE_CSP["img-src"], "blob:"],
    "frame-ancestors": [CSP.SELF],
}
ADMIN_PATH_PREFIXES = tuple(f"/{code}/admin/" for code in ("en", "ar"))

# --- Cookie consent (consent.middleware.CookieConsentMiddleware) ---------------------------
# Nothing outside "necessary" reaches a browser before the reader agrees; a cookie missing from
# this registry is treated as non-essential, removed from the response and logged.
COOKIE_CONSENT_COOKIE_NAME = "cookie_consent"
# How long a choice (accept or refuse) is kept before the banner asks again: six months.
COOKIE_CONSENT_MAX_AGE_DAYS = int(os.environ.get("COOKIE_CONSENT_MAX_AGE_DAYS", 182))
# How long the proof of each choice (ConsentRecord) is kept: the choice's own lifetime plus
# time to answer a complaint about it. `manage.py purge_consent_records` deletes older ones.
COOKIE_CONSENT_RECORD_RETENTION_DAYS = int(os.environ.get("COOKIE_CONSENT_RECORD_RETENTION_DAYS", 395))
# Messages (e.g. "your comment awaits moderation") travel in a short-lived cookie, never in an
# anonymous session: a reader needs no session, and the message is part of the service asked for.
MESSAGE_STORAGE = "django.contrib.messages.storage.cookie.CookieStorage"
# The language cookie only remembers a preference for the bare address "/" (pages carry
# the language in their URL), so it lives a year and only with the reader's consent.
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
# Every cookie the site may set. "name" ending in "*" matches a prefix. Categories: necessary,
# preferences, statistics, marketing. Shown to readers as a table on the privacy policy page.
COOKIE_CONSENT_REGISTRY = [
    {
        "name": COOKIE_CONSENT_COOKIE_NAME,
        "category": "necessary",
        "purpose": _("Remembers your cookie choices, so that we do not ask on every page."),
        "lifetime": _("6 months"),
    },
    {
        "name": "csrftoken",
        "category": "necessary",
        "purpose": _("Protects the forms of the newsroom's staff area against forgery."),
        "lifetime": _("1 year"),
    },
    {
        "name": "sessionid",
        "category": "necessary",
        "purpose": _("Keeps staff members signed in to the editing area. Readers never get it."),
        "lifetime": _("Until the browser is closed"),
    },
    {
        "name": "messages",
        "category": "necessary",
        "purpose": _("Carries a one-time notice to the next page, such as “your comment awaits moderation”."),
        "lifetime": _("Until the notice is shown"),
    },
    {
        "name": "django_language",
        "category": "preferences",
        "purpose": _("Remembers the language you chose, for when you come back to the home address."),
        "lifetime": _("1 year"),
    },
    {
        "name": "comment_author*",
        "category": "preferences",
        "purpose": _(
            "Remembers the name and e-mail address you gave in the comment form, if you ask it to, "
            "so that you need not type them again."
        ),
        "lifetime": _("1 year"),
    },
    {
        "name": "visitor_id",
        "category": "statistics",
        "purpose": _(
            "A random number that lets us count how many different readers read an article, for the "
            "“Most read” list. It says nothing about who you are and is never shared."
        ),
        "lifetime": _("6 months"),
    },
]

SITE_NAME = _("Euphrates Post")


def site_url_from_env(value: str, *, https: bool) -> str:
    """``scheme://host[:port]`` of the public site, or ImproperlyConfigured saying what is wrong."""
    parts = urlsplit(value.strip())
    if parts.scheme not in {"http", "https"} or not parts.netloc or parts.path.strip("/") or parts.query:
        raise ImproperlyConfigured(
            f"SITE_URL must be the site's public address, scheme and host only, "
            f"e.g. SITE_URL=https://news.example.org (got {value!r})."
        )
    if https and parts.scheme != "https":
        raise ImproperlyConfigured(
            "SITE_URL must start with https:// when HTTPS is on (the site redirects plain HTTP)."
        )
    return f"{parts.scheme}://{parts.netloc.lower()}"


# Every absolute link the site gives out (canonical and share links, JSON-LD, feeds, sitemaps,
# robots.txt, e-mails, preview links) is built from this address, never from the request's Host
# or scheme: those vary per request, and cached pages would hand one request's to every reader.
SITE_URL = os.environ.get("SITE_URL", "")
if not SITE_URL:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SITE_URL must be set when DEBUG is off: the public address every absolute link is built "
            "from, e.g. SITE_URL=https://news.example.org (for a local trial: SITE_URL=http://127.0.0.1:8000)."
        )
    SITE_URL = f"{'https' if HTTPS else 'http'}://127.0.0.1:{os.environ.get('PORT', '8000')}"
SITE_URL = site_url_from_env(SITE_URL, https=HTTPS)

# How often an open live blog checks for new updates (a cached JSON document; 304 when nothing changed).
LIVE_POLL_SECONDS = int(os.environ.get("LIVE_POLL_SECONDS", 15))
# How often open pages check for a breaking-news alert (a tiny cached JSON document).
BREAKING_POLL_SECONDS = int(os.environ.get("BREAKING_POLL_SECONDS", 20))
LOGIN_URL = "admin:login"

# Django 6.1's MAILERS replaces EMAIL_BACKEND. Development prints mail to the console;
# production sends through SMTP (EMAIL_HOST, EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD).
EMAIL_BACKEND_PATH = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
MAILERS = {"default": {"BACKEND": EMAIL_BACKEND_PATH}}
if EMAIL_BACKEND_PATH.endswith("smtp.EmailBackend"):
    MAILERS["default"]["OPTIONS"] = {
        "host": os.environ.get("EMAIL_HOST", "localhost"),
        "port": int(os.environ.get("EMAIL_PORT", 587)),
        "username": os.environ.get("EMAIL_HOST_USER", ""),
        "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
        "use_tls": env_bool("EMAIL_USE_TLS", True),
        "timeout": 10,
    }
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "newsroom@localhost")

# --- Comments (comments/) ---------------------------------------------------------------------
# The moderation rules themselves (words, links, flood interval, lengths, closing) are edited by
# an administrator in the admin ("Discussion settings"); these are deployment facts.
# IP address and user agent of commenters are erased after this many days (`purge_comment_ips`).
COMMENTS_IP_RETENTION_DAYS = int(os.environ.get("COMMENTS_IP_RETENTION_DAYS", 30))

# WordPress exports uploaded in the admin wait here until their import succeeds (never served).
WORDPRESS_IMPORT_DIR = Path(os.environ.get("WORDPRESS_IMPORT_DIR", VAR_DIR / "imports"))
# "Remember me" cookie (name and email, read by static/js/comments.js); a preferences cookie.
COMMENTS_AUTHOR_COOKIE = "comment_author"

# One line per request (web.request_log), errors with tracebacks, all to stderr; a filter
# masks e-mail and IP addresses in every record, whoever logs it.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact": {"()": "web.request_log.RedactPersonalData"}},
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["redact"], "formatter": "plain"},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # Our request log replaces runserver's and django.request's per-request lines.
        "django.server": {"level": "WARNING"},
        "django.request": {"level": "ERROR"},
        "axes": {"level": "WARNING"},
    },
}
