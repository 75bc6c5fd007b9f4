"""One settings module for every environment, driven by environment variables.

Nothing needs to be set for local use: the defaults give an embedded SQLite
database under ``var/`` and a development server. Production sets at least
``SECRET_KEY``, ``DATABASE_URL``, ``ALLOWED_HOSTS`` and ``DEBUG=0``
(see docs/deployment.md).
"""

import ipaddress
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

PROJECT_DIR = Path(__file__).resolve().parent
BASE_DIR = PROJECT_DIR.parent
VAR_DIR = Path(os.environ.get("EPORTAL_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if not value:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


DEBUG = env_bool("DEBUG", default=True)
# With DEBUG on, a missing page and an error still show the portal's own
# Vietnamese 404 and 500 pages (eportal/core/errors.py); EPORTAL_DEBUG_ERROR_PAGES=1
# shows Django's debug pages instead (the URL patterns tried, the traceback).
EPORTAL_DEBUG_ERROR_PAGES = env_bool("EPORTAL_DEBUG_ERROR_PAGES", default=False)
DEFAULT_EXCEPTION_REPORTER = "eportal.core.errors.FriendlyExceptionReporter"

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    # Development only: a fixed key so sessions survive restarts of `make run`.
    SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production"  # noqa: S105

# The province's domain: the main portal answers at www.<domain>, component
# portals at <label>.<domain> (Art. 6.3).
EPORTAL_DOMAIN = os.environ.get("EPORTAL_DOMAIN", "thaibinh.gov.vn").strip().lower()

# Unknown hosts fall back to the main portal (Wagtail's default site), so in
# development every host is accepted. Production lists its own hosts.
ALLOWED_HOSTS = env_list(
    "ALLOWED_HOSTS",
    ["*"] if DEBUG else [f".{EPORTAL_DOMAIN}", "localhost", "127.0.0.1"],
)
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "eportal.core",
    "eportal.vntext",
    "eportal.workdays",
    "eportal.portals",
    "eportal.editorial",
    "eportal.news",
    "eportal.legal",
    "eportal.procedures",
    "eportal.citizens",
    "eportal.dossiers",
    "eportal.qa",
    "eportal.consultations",
    "eportal.organisation",
    "eportal.translations",
    "eportal.search",
    "eportal.watch",
    "eportal.api",
    "eportal.demo",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.simple_translation",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.locales",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_otp_webauthn",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.sitemaps",
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Outside sessions and CSRF: it must see the cookies they set.
    "eportal.core.cache_control.CacheControlMiddleware",
    # Before LocaleMiddleware: /p/<slug>/en/… must be seen as /en/….
    "eportal.portals.middleware.PortalMiddleware",
    # Counts public page views in memory (traffic watch); needs request.portal.
    "eportal.watch.middleware.TrafficMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Second factor for /admin/ (eportal/portals/two_factor.py).
    "django_otp.middleware.OTPMiddleware",
    "eportal.portals.two_factor.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Content-Security-Policy (strict on public pages, relaxed for /admin/) and
    # Permissions-Policy (eportal/core/security.py).
    "eportal.core.security.PathPolicyCSPMiddleware",
    "eportal.core.security.PermissionsPolicyMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # The portal's 404 page, not Django's debug page, when DEBUG is on.
    "eportal.core.errors.FriendlyNotFoundMiddleware",
    # Last, so that it sees the result of authentication for lockouts.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "eportal.urls"
WSGI_APPLICATION = "eportal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "eportal.portals.context_processors.portal",
                "eportal.news.context_processors.site_alert",
            ],
        },
    },
]

# --- Database --------------------------------------------------------------
VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASE_URL = os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'eportal.sqlite3'}"
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers and one writer work at once; the busy timeout makes a
    # writer wait instead of failing with "database is locked". Connections
    # are kept as on PostgreSQL: opening one (and its pragmas) on every request
    # cost more than some pages' rendering.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
# A streaming replica of the primary (docs/scaling.md): reads go there, writes
# and a user's reads just after a write go to the primary (eportal.core.db_router).
# Unset (one machine): everything uses "default", nothing is routed.
DATABASE_REPLICA_URL = os.environ.get("DATABASE_REPLICA_URL", "")
# How long a user's requests keep reading the primary after they wrote.
EPORTAL_REPLICA_STICKY_SECONDS = int(os.environ.get("EPORTAL_REPLICA_STICKY_SECONDS", "5"))
# Apps whose rows are read right after another process wrote them: a new
# session, a task just queued (the worker's select_for_update). Always the primary.
DATABASE_PRIMARY_APPS = ["sessions", "django_tasks_database"]
if DATABASE_REPLICA_URL:
    DATABASES["replica"] = dj_database_url.parse(DATABASE_REPLICA_URL, conn_max_age=60)
    # Tests run against the primary's test database through this alias too.
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["eportal.core.db_router.PrimaryReplicaRouter"]
    # Inside the cache control (which must see its cookie), outside sessions
    # (whose save is a write).
    MIDDLEWARE.insert(
        MIDDLEWARE.index("eportal.core.cache_control.CacheControlMiddleware") + 1,
        "eportal.core.db_router.ReadYourWritesMiddleware",
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache -----------------------------------------------------------------
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    # Django's RedisCache, but a stopped Redis is a cache miss, not a 500:
    # everything in it can be made again from the database (eportal/core/cache.py).
    CACHES = {
        "default": {"BACKEND": "eportal.core.cache.TolerantRedisCache", "LOCATION": REDIS_URL}
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    # Each worker's own memory. Pages and lists are kept in it (portals/caching.py):
    # room for a few thousand, not Django's default 300, which a busy portal's
    # pages would keep pushing out.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 3000},
        }
    }
# The generation numbers of cached fragments (eportal/core/fragments.py): a
# change made in one process (the admin's worker, the task worker, a timer's
# command) must drop what every other process keeps. Redis when there is one;
# else small files in the var directory, which every process of the machine sees.
CACHES["generations"] = (
    dict(CACHES["default"])
    if REDIS_URL
    else {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(VAR_DIR / "cache" / "generations"),
        "OPTIONS": {"MAX_ENTRIES": 100_000},
    }
)

# --- Authentication --------------------------------------------------------
AUTHENTICATION_BACKENDS = [
    # django-axes first: it refuses a locked-out user before any password check.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "eportal.core.passwords.CharacterClassValidator"},
]
LOGIN_URL = "wagtailadmin_login"

# Repeated failed logins: lock the username from that address after
# AXES_FAILURE_LIMIT failures, for AXES_COOLOFF_MINUTES.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = int(os.environ.get("AXES_COOLOFF_MINUTES", "15")) / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "portals/lockout.html"
AXES_RESET_ON_SUCCESS = True
# Two-factor sign-in to /admin/: the name shown in authenticator apps, and how
# many wrong codes lock the second step for how long (eportal/portals/two_factor.py).
OTP_TOTP_ISSUER = os.environ.get("EPORTAL_OTP_ISSUER", "Cổng TTĐT tỉnh")
EPORTAL_2FA_FAILURE_LIMIT = int(os.environ.get("EPORTAL_2FA_FAILURE_LIMIT", "5"))
EPORTAL_2FA_LOCK_MINUTES = int(os.environ.get("EPORTAL_2FA_LOCK_MINUTES", "15"))
# Passkeys (WebAuthn) as the second factor instead of a code (eportal/portals/
# passkeys.py). A passkey belongs to the relying party ID and works on every
# host under it: the province's domain covers all portals (www.<domain>,
# <label>.<domain>). Changing it later makes every registered passkey useless.
# WebAuthn needs a secure context and a domain name: https in production,
# http://localhost (not 127.0.0.1) in development.
OTP_WEBAUTHN_RP_ID = (
    os.environ.get("EPORTAL_PASSKEY_RP_ID", "localhost" if DEBUG else EPORTAL_DOMAIN)
    .strip()
    .lower()
)
OTP_WEBAUTHN_RP_NAME = os.environ.get("EPORTAL_PASSKEY_RP_NAME", OTP_TOTP_ISSUER)
# Origins accepted besides the request's own (which is accepted when its host
# is under the RP ID and secure: passkeys.PasskeyHelper).
OTP_WEBAUTHN_ALLOWED_ORIGINS = env_list(
    "EPORTAL_PASSKEY_ORIGINS",
    ["http://localhost:8000"] if DEBUG else [f"https://www.{EPORTAL_DOMAIN}"],
)
OTP_WEBAUTHN_HELPER_CLASS = "eportal.portals.passkeys.PasskeyHelper"
# A passkey is a second factor after the password, never a sign-in of its own.
OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = False
AXES_VERBOSE = False
AXES_ENABLE_ACCESS_FAILURE_LOG = True
# Lock by the real client address behind nginx, not nginx's own (see below).
AXES_CLIENT_IP_CALLABLE = "eportal.core.abuse.client_ip"

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", default=not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"
# HTTPS only (docs/deployment.md): redirect http to https and send HSTS. Off by
# default (local use and tests are plain http); production sets EPORTAL_HTTPS=1.
EPORTAL_HTTPS = env_bool("EPORTAL_HTTPS", default=False)
if EPORTAL_HTTPS:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(365 * 24 * 3600)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=False)
    # The health check of the load balancer / nginx on the machine itself.
    SECURE_REDIRECT_EXEMPT = [r"^healthz/?$"]
SILENCED_SYSTEM_CHECKS = [
    # X_FRAME_OPTIONS stays SAMEORIGIN (and CSP frame-ancestors 'self'): the
    # Wagtail admin shows its live preview of a page in a same-origin frame.
    "security.W019",
    # HSTS preload is a commitment for every host under the domain, for the
    # province to take (SECURE_HSTS_PRELOAD=1), not a default of the software.
    *([] if env_bool("SECURE_HSTS_PRELOAD", default=False) else ["security.W021"]),
]

# Content-Security-Policy (django-csp). Public pages: only this site's own files;
# an inline <script> must carry {{ request.csp_nonce }}; no inline style. No
# embedded third-party maps or videos are used (wagtail.embeds has no provider
# in the demo), so frames are only this site's own.
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE  # noqa: E402

_CSP_COMMON = {
    "default-src": [SELF],
    "img-src": [SELF, "data:"],
    "font-src": [SELF],
    "connect-src": [SELF],
    "frame-src": [SELF],
    "frame-ancestors": [SELF],
    "object-src": [NONE],
    "base-uri": [SELF],
    "form-action": [SELF],
}
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {**_CSP_COMMON, "script-src": [SELF, NONCE], "style-src": [SELF]},
}
# The Wagtail 8 admin renders inline <script> (date pickers, inline panels) and
# style="" attributes without a nonce: 'unsafe-inline' there, and only there.
# (No nonce in these lists: a nonce would make browsers ignore 'unsafe-inline'.)
EPORTAL_CSP_PATH_POLICIES = [
    (
        "/admin/",
        {
            **_CSP_COMMON,
            "img-src": [SELF, "data:", "blob:"],
            "script-src": [SELF, UNSAFE_INLINE],
            "style-src": [SELF, UNSAFE_INLINE],
        },
    ),
]
# Browser features no page of the portal uses.
EPORTAL_PERMISSIONS_POLICY = {
    "camera": [],
    "microphone": [],
    "geolocation": [],
    "payment": [],
    "usb": [],
    "interest-cohort": [],
    "browsing-topics": [],
}
if env_bool("BEHIND_TLS_PROXY", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# The reverse proxies (addresses and CIDR networks, comma-separated) whose
# X-Forwarded-For is believed when they are the peer. Default none: the header
# is ignored and REMOTE_ADDR is the client. Behind the documented nginx on the
# same machine: EPORTAL_TRUSTED_PROXIES=127.0.0.1,::1 (docs/deployment.md).
EPORTAL_TRUSTED_PROXIES = env_list("EPORTAL_TRUSTED_PROXIES", [])
for _proxy in EPORTAL_TRUSTED_PROXIES:
    try:
        ipaddress.ip_network(_proxy, strict=False)
    except ValueError as error:
        raise ImproperlyConfigured(
            f"EPORTAL_TRUSTED_PROXIES: {_proxy!r} is not an IP address or network."
        ) from error

# --- Shared cache in front (nginx, deploy/; docs/deployment.md) --------------
# Anonymous pages, feeds and sitemaps are kept this long by the shared cache,
# which is purged of every URL a publication makes stale; anything a purge
# cannot name (a menu, a hot-news alert's time window) is at most this old.
EPORTAL_SHARED_CACHE_SECONDS = int(os.environ.get("EPORTAL_SHARED_CACHE_SECONDS", "60"))
# Where purge requests go (nginx with ngx_cache_purge), e.g. http://127.0.0.1:8080.
# Empty (development): no cache in front, nothing is purged.
EPORTAL_FRONTEND_CACHE_URL = os.environ.get("EPORTAL_FRONTEND_CACHE_URL", "")
# Hosts that serve portals by /p/<slug>/ or as the fallback to the main portal
# (e.g. 127.0.0.1:8080 in `make stack`): their copies are purged too.
EPORTAL_FRONTEND_CACHE_ALIAS_HOSTS = env_list("EPORTAL_FRONTEND_CACHE_ALIAS_HOSTS", [])
if EPORTAL_FRONTEND_CACHE_URL:
    WAGTAILFRONTENDCACHE = {
        "nginx": {
            "BACKEND": "eportal.core.frontend_cache.NginxPurgeBackend",
            "LOCATION": EPORTAL_FRONTEND_CACHE_URL,
        }
    }
# eportal.core.frontend_cache names each language's URL itself (translations).
WAGTAILFRONTENDCACHE_LANGUAGES: list[str] = []
# Behind nginx, private files (dossier files, Q&A attachments under
# EPORTAL_PRIVATE_ROOT) are sent by nginx from this `internal` location after
# the application's permission check (X-Accel-Redirect); empty: streamed by Django.
EPORTAL_PRIVATE_ACCEL_PREFIX = os.environ.get("EPORTAL_PRIVATE_ACCEL_PREFIX", "")

# --- Language and time -----------------------------------------------------
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
LOCALE_PATHS = [PROJECT_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAILSIMPLETRANSLATION_SYNC_PAGE_TREE = False

# --- Static and uploaded files ---------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
# Uploaded files live outside the code tree and outside any web root.
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
FILE_UPLOAD_PERMISSIONS = 0o640

# --- Backups (eportal.core.backup, `eportal backup` / `eportal restore`) ------
# Where the daily archives go and how many of the newest are kept there; copy
# them off the machine too (docs/huong-dan-quan-tri.md, section 7).
EPORTAL_BACKUP_DIR = Path(os.environ.get("EPORTAL_BACKUP_DIR", VAR_DIR / "backups"))
EPORTAL_BACKUP_KEEP = int(os.environ.get("EPORTAL_BACKUP_KEEP", "14"))

# --- E-mail ----------------------------------------------------------------
# In development every mail is written to a file of its own under var/mail/
# (Django's file backend) instead of over the console's output; production
# sends by SMTP. EMAIL_BACKEND and EMAIL_FILE_PATH override either.
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.filebased.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_FILE_PATH = Path(os.environ.get("EMAIL_FILE_PATH", VAR_DIR / "mail"))
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", f"no-reply@{EPORTAL_DOMAIN}")

# --- Wagtail ---------------------------------------------------------------
WAGTAIL_SITE_NAME = os.environ.get("EPORTAL_SITE_NAME", "Cổng thông tin điện tử")
# The local server of `make run` (e.g. http://127.0.0.1:8000), set by the
# Makefile: then links made without a request (the admin's "view live", mails)
# point to it, by /p/<slug>/ paths, instead of the production hosts
# (eportal/portals/routing.py). Empty (production, tests): the portals' hosts.
EPORTAL_LOCAL_URL = os.environ.get("EPORTAL_LOCAL_URL", "").strip().rstrip("/")
WAGTAILADMIN_BASE_URL = os.environ.get(
    "WAGTAILADMIN_BASE_URL", EPORTAL_LOCAL_URL or f"https://www.{EPORTAL_DOMAIN}"
)
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "doc", "docx", "odt", "xls", "xlsx", "ods", "csv", "txt", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
WAGTAIL_WORKFLOW_CANCEL_ON_PUBLISH = True
WAGTAIL_FINISH_WORKFLOW_ACTION = "eportal.portals.workflows.publish_approved"
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_PASSWORD_RESET_ENABLED = True
WAGTAILUSERS_PASSWORD_REQUIRED = True
WAGTAIL_USER_TIME_ZONES = ["Asia/Ho_Chi_Minh"]

# Background work (mail, PDFs, indexing): queued in the database and run by
# `eportal db_worker` (started by `make run`; a systemd unit in deploy/).
# EPORTAL_TASKS=immediate runs each task inside the call that queues it
# (the test suite does so; never in production: requests would wait).
TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}
TASKS = {"default": {"BACKEND": TASK_BACKENDS[os.environ.get("EPORTAL_TASKS", "database")]}}
# How often a mail is tried before it is left as failed (`eportal mail retry`).
EPORTAL_MAIL_ATTEMPTS = int(os.environ.get("EPORTAL_MAIL_ATTEMPTS", "5"))
# Generated PDFs (receipts, print versions), made once by the worker.
EPORTAL_GENERATED_ROOT = Path(
    os.environ.get("EPORTAL_GENERATED_ROOT", VAR_DIR / "private" / "generated")
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "axes": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        # WeasyPrint logs each step of every PDF at INFO (worker and demo output).
        "weasyprint": {"level": "WARNING"},
    },
}

# --- Newsroom (eportal.news, eportal.editorial) -----------------------------
# Tables in article bodies (Art. 9: rich text with images, tables, documents).
INSTALLED_APPS += ["wagtail.contrib.table_block"]

# --- Procedures, citizens and dossiers of online public services -----------
# Dossier files are kept here, outside MEDIA_ROOT and any web root; they are
# served only through the permission-checked dossier file view.
EPORTAL_PRIVATE_ROOT = Path(os.environ.get("EPORTAL_PRIVATE_ROOT", VAR_DIR / "private"))
# Page views of procedures are added up in each process and written this often.
EPORTAL_VIEW_FLUSH_SECONDS = int(os.environ.get("EPORTAL_VIEW_FLUSH_SECONDS", "300"))
# nginx's access log in the ``eportal_traffic`` format (deploy/nginx.conf): the
# page views served from its cache, which Django never sees, are read from it
# by ``eportal watch-traffic``. Empty: no cache in front, nothing to read.
EPORTAL_NGINX_TRAFFIC_LOG = os.environ.get("EPORTAL_NGINX_TRAFFIC_LOG", "")
EPORTAL_DOSSIER_MAX_BYTES = int(os.environ.get("EPORTAL_DOSSIER_MAX_MB", "10")) * 1024 * 1024
# Payment providers offered to applicants; the offline test provider (no money
# moves) is shown only while EPORTAL_PAYMENT_TEST_PROVIDER is on (default: DEBUG).
EPORTAL_PAYMENT_PROVIDERS = [
    "eportal.dossiers.payments.CounterOrTransferProvider",
    "eportal.dossiers.payments.OfflineTestProvider",
]
EPORTAL_PAYMENT_TEST_PROVIDER = env_bool("EPORTAL_PAYMENT_TEST_PROVIDER", default=DEBUG)
EPORTAL_PAYMENT_BANK_ACCOUNT = {
    "number": os.environ.get("EPORTAL_PAYMENT_BANK_NUMBER", ""),
    "name": os.environ.get("EPORTAL_PAYMENT_BANK_NAME", ""),
    "bank": os.environ.get("EPORTAL_PAYMENT_BANK", ""),
}
# An OpenID Connect login for citizens (e.g. VNeID) is added by configuration:
# see docs/architecture.md, section "Procedures and online public services".
EPORTAL_CITIZEN_OIDC_LOGIN_URL = os.environ.get("EPORTAL_CITIZEN_OIDC_LOGIN_URL", "")

# --- Q&A (eportal.qa) and the abuse defences of citizen forms (eportal.core.abuse) ---
# Attachments of questions: outside any public URL, served to staff by a checked view.
EPORTAL_QA_ATTACHMENT_ROOT = Path(
    os.environ.get("EPORTAL_QA_ATTACHMENT_ROOT", VAR_DIR / "private" / "qa")
)
# Rate limits of citizen submissions (per IP and per e-mail, per hour), the share
# of a limit after which a challenge is asked, and per-form overrides.
EPORTAL_ABUSE = {
    "WINDOW": int(os.environ.get("EPORTAL_ABUSE_WINDOW", "3600")),
    "IP_LIMIT": int(os.environ.get("EPORTAL_ABUSE_IP_LIMIT", "20")),
    "EMAIL_LIMIT": int(os.environ.get("EPORTAL_ABUSE_EMAIL_LIMIT", "5")),
    "CHALLENGE_AT": float(os.environ.get("EPORTAL_ABUSE_CHALLENGE_AT", "0.5")),
    "SCOPES": {},
}

# Audit trail (watch/audit.py): log entries older than this are removed by the
# daily `eportal prune-audit` (five years by default).
EPORTAL_AUDIT_RETENTION_DAYS = int(os.environ.get("EPORTAL_AUDIT_RETENTION_DAYS", "1825"))

# No avatars from a third party: Gravatar would tell it which staff use the
# admin (a hash of their e-mail), and the admin's CSP allows only our own images.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# --- Leaders' work schedule (Art. 21.1) --------------------------------------
# From this weekday on (0 = Monday … 4 = Friday), a portal whose schedule for
# next week is not published gets a deadline item for its board (`eportal
# schedules remind`, run by the hourly timer).
EPORTAL_SCHEDULE_REMINDER_WEEKDAY = int(os.environ.get("EPORTAL_SCHEDULE_REMINDER_WEEKDAY", "4"))
