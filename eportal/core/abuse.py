"""Abuse defences for every citizen form and API: rate limits, a honeypot, a
self-hosted challenge and idempotent submits.

Nothing here talks to a third-party service; state lives in Django's cache
(local memory by default, Redis in production, so limits hold across
processes there).

Settings
--------
``EPORTAL_ABUSE`` (all keys optional; see ``DEFAULTS``)::

    EPORTAL_ABUSE = {
        "WINDOW": 3600,              # seconds a counter lives
        "IP_LIMIT": 20,              # submit attempts per IP per window
        "EMAIL_LIMIT": 5,            # submit attempts per e-mail per window
        "CHALLENGE_AT": 0.5,         # fraction of a limit after which the challenge is asked
        "CHALLENGE_MAX_AGE": 3600,   # seconds a challenge stays valid
        "IDEMPOTENCY_TTL": 86400,    # seconds a submit's result is remembered
        "SCOPES": {"qa-submit": {"EMAIL_LIMIT": 3}},  # per-scope overrides
    }

Counters per address use ``client_ip(request)``, the one answer to "the real
client address of this request" behind the proxies named in
``EPORTAL_TRUSTED_PROXIES`` (see docs/deployment.md); django-axes and the
audit log use it too.

A *scope* names one kind of submission (``"qa-submit"``, ``"consultation-comment"``):
counters, challenges and idempotency keys are kept apart per scope.

Pages: ``AbuseProtectedFormMixin``
----------------------------------
Mix it into a Django form placed *before* ``forms.Form``. It adds a honeypot
field (``website``, hidden from people, filled by bots), a hidden one-time
``form_token`` and, when the limits are approached, a challenge question
(``challenge_token`` + ``challenge_answer``)::

    class QuestionForm(AbuseProtectedFormMixin, forms.Form):
        abuse_scope = "qa-submit"
        abuse_email_field = "email"      # counted per e-mail too (optional)

    def view(request):
        form = QuestionForm(request.POST or None, request=request)
        if request.method == "POST":
            if (previous := form.previous_result()) is not None:
                return redirect(previous)            # double click / retry
            if (limited := form.rate_limit()) is not None:
                return too_many_requests(request, limited)   # 429 page
            if form.is_valid():
                result_url = ...                      # store, then
                form.remember_result(result_url)
                return redirect(result_url)
        return render(request, "...", {"form": form})

``form.rate_limit()`` counts the attempt; render ``{{ form.website }}`` inside
an element with the ``abuse-honeypot`` class (visually hidden) or include
``abuse/fields.html`` (from ``eportal/core/templates/``), which renders all the abuse fields.

API (django-ninja): ``api_guard`` and the idempotency helpers
-------------------------------------------------------------
::

    @router.post("", response={201: Out, 409: Error, 422: Error, 428: Error, 429: Error})
    def create(request, payload: In):
        if (replay := recall_response(request, "qa-submit")) is not None:
            return replay                             # same Idempotency-Key
        if (refusal := api_guard(request, "qa-submit", email=payload.email,
                                 honeypot=payload.website)) is not None:
            return refusal                            # (429|428|422, body)
        ...
        return remember_response(request, "qa-submit", 201, body)

``api_guard`` answers 429 over a limit (with ``Retry-After`` seconds in the
body), 428 with ``{"challenge": {"token", "question"}}`` when a challenge is due
and the request did not carry a correct answer in the ``X-Challenge-Token`` and
``X-Challenge-Answer`` headers, and 422 when the honeypot is filled.
``recall_response``/``remember_response`` implement the ``Idempotency-Key``
header: a retried request with the same key gets the first response back.
Callers that create rows should also store the key on the row with a unique
constraint, so that two truly simultaneous requests cannot both create one.
"""

from __future__ import annotations

import functools
import hashlib
import ipaddress
import secrets
import unicodedata
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.shortcuts import render
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from eportal.core.forms import strip_controls_from_data

DEFAULTS = {
    "WINDOW": 3600,
    "IP_LIMIT": 20,
    "EMAIL_LIMIT": 5,
    "CHALLENGE_AT": 0.5,
    "CHALLENGE_MAX_AGE": 3600,
    "IDEMPOTENCY_TTL": 86400,
    "SCOPES": {},
}
HONEYPOT_FIELD = "website"
IDEMPOTENCY_HEADER = "Idempotency-Key"
CHALLENGE_TOKEN_HEADER = "X-Challenge-Token"  # noqa: S105 (a header name)
CHALLENGE_ANSWER_HEADER = "X-Challenge-Answer"
_CHALLENGE_SALT = "eportal.abuse.challenge"
_FORM_TOKEN_SALT = "eportal.abuse.form-token"  # noqa: S105 (a signing salt)

RATE_LIMIT_MESSAGE = _(
    "Bạn đã gửi quá nhiều lần trong thời gian ngắn. Vui lòng thử lại sau %(minutes)d phút."
)
HONEYPOT_MESSAGE = _("Không gửi được: trường “Trang web” phải để trống.")
CHALLENGE_MESSAGE = _("Vui lòng trả lời câu hỏi kiểm tra để gửi.")
CHALLENGE_WRONG_MESSAGE = _("Câu trả lời kiểm tra chưa đúng hoặc đã hết hạn, vui lòng thử lại.")


def config(scope: str) -> dict:
    """Return the settings for a scope: defaults, then EPORTAL_ABUSE, then its SCOPES entry."""
    merged = {**DEFAULTS, **getattr(settings, "EPORTAL_ABUSE", {})}
    merged.update(merged.get("SCOPES", {}).get(scope, {}))
    return merged


# --- The client's address --------------------------------------------------


def client_ip(request) -> str | None:
    """Return the real client address of this request, or None when it has none.

    The peer (``REMOTE_ADDR``) is the client unless it is one of
    ``settings.EPORTAL_TRUSTED_PROXIES``; then ``X-Forwarded-For`` is read from
    the right, skipping the trusted proxies, and the first address they did not
    vouch for is the client. Entries left of it were written by the client and
    are never believed. Every caller (rate limits, django-axes through
    ``AXES_CLIENT_IP_CALLABLE``, the audit log) asks here.
    """
    if request is None:
        return None
    client = _parse_address(request.META.get("REMOTE_ADDR", ""))
    if client is None:
        return None
    trusted = _trusted_networks(tuple(getattr(settings, "EPORTAL_TRUSTED_PROXIES", ())))
    if _is_trusted(client, trusted):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        for entry in reversed([entry for entry in forwarded.split(",") if entry.strip()]):
            hop = _parse_address(entry)
            if hop is None:
                # Our proxies append plain addresses, so a trusted proxy did not
                # write this: stop at the last address one of them vouched for.
                break
            client = hop
            if not _is_trusted(hop, trusted):
                break
    return str(client)


_Address = ipaddress.IPv4Address | ipaddress.IPv6Address
_Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@functools.lru_cache(maxsize=8)
def _trusted_networks(proxies: tuple[str, ...]) -> tuple[_Network, ...]:
    return tuple(ipaddress.ip_network(proxy.strip(), strict=False) for proxy in proxies)


def _is_trusted(address: _Address, networks: tuple[_Network, ...]) -> bool:
    return any(address in network for network in networks)


def _parse_address(value: str) -> _Address | None:
    """Return the address in one X-Forwarded-For entry or REMOTE_ADDR, or None if malformed.

    Accepts ``192.0.2.1``, ``192.0.2.1:8080``, ``2001:db8::1``,
    ``[2001:db8::1]:443``, surrounding spaces or quotes; an IPv4-mapped IPv6
    address counts as its IPv4 address and an IPv6 zone is dropped, so that one
    client has one spelling.
    """
    value = (value or "").strip().strip('"').strip()
    if len(value) > 64:
        return None
    if value.startswith("["):
        value, bracket, _port = value[1:].partition("]")
        if not bracket:
            return None
    elif value.count(":") == 1:
        value = value.partition(":")[0]
    value = value.partition("%")[0]
    try:
        address = ipaddress.ip_address(value)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


# --- Rate limits -----------------------------------------------------------


def _digest(value: str) -> str:
    # Counters are keyed by a hash so that no e-mail address sits in the cache.
    return hashlib.sha256(value.strip().lower().encode()).hexdigest()[:32]


def _counter_keys(request, scope: str, email: str | None) -> list[tuple[str, str]]:
    address = client_ip(request) or "unknown"
    keys = [("IP_LIMIT", f"eportal:abuse:rate:{scope}:ip:{_digest(address)}")]
    if email:
        keys.append(("EMAIL_LIMIT", f"eportal:abuse:rate:{scope}:email:{_digest(email)}"))
    return keys


@dataclass(frozen=True)
class RateStatus:
    """Where a client stands against a scope's limits."""

    limited: bool
    challenge: bool
    retry_after: int

    @property
    def message(self) -> str:
        minutes = max(1, -(-self.retry_after // 60))
        return gettext(RATE_LIMIT_MESSAGE) % {"minutes": minutes}


def rate_status(request, scope: str, email: str | None = None) -> RateStatus:
    """Return the client's standing without counting an attempt."""
    conf = config(scope)
    limited = challenge = False
    for limit_name, key in _counter_keys(request, scope, email):
        used = cache.get(key, 0)
        limit = conf[limit_name]
        limited |= used >= limit
        challenge |= used >= max(1, int(limit * conf["CHALLENGE_AT"]))
    return RateStatus(limited=limited, challenge=challenge, retry_after=conf["WINDOW"])


def hit(request, scope: str, email: str | None = None) -> RateStatus:
    """Count one attempt and return the standing *before* it (over the limit → refuse it)."""
    status = rate_status(request, scope, email)
    if status.limited:
        return status
    window = config(scope)["WINDOW"]
    for _limit_name, key in _counter_keys(request, scope, email):
        # add() starts the window on the first attempt; incr() keeps its expiry.
        if not cache.add(key, 1, window):
            try:
                cache.incr(key)
            except ValueError:
                cache.add(key, 1, window)
    return status


def reset(request, scope: str, email: str | None = None) -> None:
    """Forget a client's counters (tests, or an administrator lifting a block)."""
    cache.delete_many([key for _name, key in _counter_keys(request, scope, email)])


# --- Challenge -------------------------------------------------------------


@dataclass(frozen=True)
class Challenge:
    token: str
    question: str


# Common-sense questions whose answer is not in the question's text, so no
# pattern over the rendered form solves them; answers are compared after
# accent folding ("Hà Nội", "ha noi" and "HA NOI" all pass). Each entry is
# (question, accepted answers); the answers of both languages are accepted,
# whichever language the question was shown in (the /en/ site translates it).
QUESTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (_("Thủ đô của Việt Nam là thành phố nào?"), ("Hà Nội", "Ha Noi", "Thành phố Hà Nội", "Hanoi")),
    (_("Tết Nguyên đán thường rơi vào mùa nào trong năm?"), ("mùa xuân", "xuân", "spring")),
    (_("Lá cờ Tổ quốc Việt Nam có nền màu gì?"), ("đỏ", "màu đỏ", "red")),
    (_("Ngôi sao trên lá cờ Tổ quốc có màu gì?"), ("vàng", "màu vàng", "yellow", "gold")),
    (_("Một tuần lễ có mấy ngày? (ghi bằng chữ số)"), ("7", "bảy", "seven")),
    (_("Một năm có bao nhiêu tháng? (ghi bằng chữ số)"), ("12", "mười hai", "twelve")),
    (_("Con vật nào thường bắt chuột trong nhà?"), ("mèo", "con mèo", "cat", "a cat", "the cat")),
    (_("Con vật nào kêu “gâu gâu”?"), ("chó", "con chó", "dog", "a dog", "the dog")),
    (
        _("Con vật nào gáy vào buổi sáng sớm?"),
        ("gà", "gà trống", "con gà", "con gà trống", "rooster", "cock", "a rooster", "chicken"),
    ),
    (_("Mặt trời mọc ở hướng nào?"), ("đông", "hướng đông", "phía đông", "east", "the east")),
    (_("Mặt trời lặn ở hướng nào?"), ("tây", "hướng tây", "phía tây", "west", "the west")),
    (
        _("Bầu trời quang mây ban ngày có màu gì?"),
        ("xanh", "màu xanh", "xanh dương", "xanh lam", "blue"),
    ),
    (_("Lá cây khỏe mạnh thường có màu gì?"), ("xanh", "màu xanh", "xanh lá", "xanh lục", "green")),
    (
        _("Thành phố lớn nhất miền Nam nước ta mang tên vị lãnh tụ nào?"),
        ("Hồ Chí Minh", "Bác Hồ", "Ho Chi Minh", "Uncle Ho"),
    ),
    (
        _("Người ta dùng đồ vật gì để che mưa khi đi bộ?"),
        ("ô", "dù", "cái ô", "cái dù", "áo mưa", "umbrella", "an umbrella", "raincoat"),
    ),
    (_("Nước đóng băng thì thành gì?"), ("đá", "nước đá", "băng", "ice")),
    (
        _("Món bánh gói lá dong, hình vuông, ăn dịp Tết là bánh gì?"),
        ("bánh chưng", "chưng", "banh chung", "chung cake"),
    ),
    (
        _("Ngày Quốc khánh Việt Nam là ngày mấy tháng 9? (ghi bằng chữ số)"),
        ("2", "02", "hai", "two", "second"),
    ),
    (_("Sau thứ Hai là thứ mấy?"), ("thứ ba", "ba", "3", "thứ 3", "Tuesday")),
    (_("Trước thứ Bảy là thứ mấy?"), ("thứ sáu", "sáu", "6", "thứ 6", "Friday")),
    (
        _("Một ngày có bao nhiêu giờ? (ghi bằng chữ số)"),
        ("24", "hai mươi tư", "hai mươi bốn", "twenty-four", "twenty four"),
    ),
    (
        _("Con vật to lớn nào có chiếc mũi dài, ở Tây Nguyên dùng để chở người?"),
        ("voi", "con voi", "elephant", "an elephant", "the elephant"),
    ),
    (
        _("Người bệnh đến đâu để được bác sĩ khám?"),
        (
            "bệnh viện",
            "trạm y tế",
            "phòng khám",
            "hospital",
            "the hospital",
            "clinic",
            "health centre",
            "health center",
        ),
    ),
    (
        _("Học sinh đến đâu để học hằng ngày?"),
        ("trường", "trường học", "lớp", "lớp học", "school", "the school", "class"),
    ),
    (_("Đèn giao thông màu gì báo hiệu phải dừng lại?"), ("đỏ", "màu đỏ", "đèn đỏ", "red")),
    (_("Đèn giao thông màu gì báo hiệu được đi?"), ("xanh", "màu xanh", "đèn xanh", "green")),
    (_("Lúa sau khi xay xát cho ra hạt gì để nấu cơm?"), ("gạo", "hạt gạo", "rice")),
    (
        _("Con vật nào được gọi là “chúa sơn lâm”?"),
        ("hổ", "cọp", "con hổ", "con cọp", "tiger", "the tiger", "a tiger"),
    ),
    (
        _("Ta dùng bộ phận nào của cơ thể để nghe?"),
        ("tai", "đôi tai", "cái tai", "ear", "ears", "the ears"),
    ),
    (
        _("Ta dùng bộ phận nào của cơ thể để nhìn?"),
        ("mắt", "đôi mắt", "con mắt", "eye", "eyes", "the eyes"),
    ),
    (_("Mùa nào trong năm nóng nhất ở miền Bắc?"), ("hè", "mùa hè", "hạ", "mùa hạ", "summer")),
    (_("Quả chuối chín thường có màu gì?"), ("vàng", "màu vàng", "yellow")),
    (
        _("Người Việt thường gắp thức ăn bằng dụng cụ gì?"),
        ("đũa", "đôi đũa", "chiếc đũa", "chopsticks"),
    ),
)


def _challenge_key(nonce: str) -> str:
    return f"eportal:abuse:challenge:{nonce}"


def new_challenge(scope: str) -> Challenge:
    """Return a question from the bank with a signed one-use token.

    The token carries only the scope and a random nonce; which question was
    asked is kept server-side in the cache under the nonce, for
    ``CHALLENGE_MAX_AGE`` seconds, so nothing in the page tells the answer.
    """
    index = secrets.randbelow(len(QUESTIONS))
    nonce = secrets.token_urlsafe(16)
    cache.set(_challenge_key(nonce), {"q": index, "s": scope}, config(scope)["CHALLENGE_MAX_AGE"])
    token = signing.dumps({"s": scope, "n": nonce}, salt=_CHALLENGE_SALT)
    return Challenge(token=token, question=str(QUESTIONS[index][0]))


def _challenge_nonce(scope: str, token: str) -> str | None:
    try:
        data = signing.loads(
            token or "", salt=_CHALLENGE_SALT, max_age=config(scope)["CHALLENGE_MAX_AGE"]
        )
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or data.get("s") != scope or not data.get("n"):
        return None
    return str(data["n"])


def challenge_answers(scope: str, token: str) -> tuple[str, ...]:
    """Return the accepted answers of an issued, unused challenge (for tests), or ()."""
    nonce = _challenge_nonce(scope, token)
    record = cache.get(_challenge_key(nonce)) if nonce else None
    return tuple(QUESTIONS[record["q"]][1]) if record else ()


def _normalise_answer(value) -> str:
    """Fold an answer for comparison: no accents, đ → d, lower case, single spaces.

    (core imports no other app, so this is a small local form of
    ``eportal.vntext.fold``, enough for short answers.)
    """
    text = unicodedata.normalize("NFD", str(value or "")).replace("đ", "d").replace("Đ", "D")
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return " ".join(text.replace(".", " ").replace(",", " ").split())


def check_challenge(scope: str, token: str, answer) -> bool:
    """Return True once for a correct, unexpired answer to a challenge of this scope.

    Any answer, right or wrong, uses the token up: a wrong one cannot be
    retried against the same question, and a solved one cannot be replayed.
    """
    nonce = _challenge_nonce(scope, token)
    if nonce is None:
        return False
    key = _challenge_key(nonce)
    record = cache.get(key)
    # delete() answers whether the key was there, so of two simultaneous
    # answers to one token only one can pass.
    if not record or record.get("s") != scope or not cache.delete(key):
        return False
    given = _normalise_answer(answer)
    return bool(given) and given in {_normalise_answer(a) for a in QUESTIONS[record["q"]][1]}


# --- Idempotency -----------------------------------------------------------


def _idempotency_cache_key(scope: str, key: str) -> str:
    return f"eportal:abuse:idem:{scope}:{_digest(key)}"


def recall(scope: str, key: str | None):
    """Return what ``remember`` stored for this key, or None."""
    if not key:
        return None
    return cache.get(_idempotency_cache_key(scope, key))


def remember(scope: str, key: str | None, value) -> None:
    """Store the result of a submit under its idempotency key."""
    if key:
        cache.set(_idempotency_cache_key(scope, key), value, config(scope)["IDEMPOTENCY_TTL"])


def idempotency_key(request) -> str | None:
    """Return the request's ``Idempotency-Key`` header (1–200 characters), or None."""
    key = (request.headers.get(IDEMPOTENCY_HEADER) or "").strip()
    return key[:200] or None


def recall_response(request, scope: str):
    """Return the stored ``(status, body)`` of an earlier request with the same key, or None."""
    stored = recall(scope, idempotency_key(request))
    return tuple(stored) if stored is not None else None


def remember_response(request, scope: str, status: int, body: dict):
    """Store and return ``(status, body)`` so that a retry with the same key gets it again."""
    remember(scope, idempotency_key(request), (status, body))
    return status, body


def api_guard(request, scope: str, *, email: str | None = None, honeypot: str | None = None):
    """Count an API submit attempt; return ``(status, body)`` to refuse it, or None.

    429 over the limit, 422 when the honeypot is filled, 428 with a challenge
    when one is due and the request's headers do not answer it correctly.
    """
    if honeypot:
        return 422, {
            "detail": str(HONEYPOT_MESSAGE),
            "errors": {HONEYPOT_FIELD: [str(HONEYPOT_MESSAGE)]},
        }
    status = hit(request, scope, email)
    if status.limited:
        return 429, {"detail": status.message, "retry_after": status.retry_after}
    if status.challenge and not check_challenge(
        scope,
        request.headers.get(CHALLENGE_TOKEN_HEADER, ""),
        request.headers.get(CHALLENGE_ANSWER_HEADER, ""),
    ):
        challenge = new_challenge(scope)
        return 428, {
            "detail": str(CHALLENGE_MESSAGE),
            "challenge": {
                "token": challenge.token,
                "question": challenge.question,
                "headers": [CHALLENGE_TOKEN_HEADER, CHALLENGE_ANSWER_HEADER],
            },
        }
    return None


def too_many_requests(request, status: RateStatus, template="abuse/too_many_requests.html"):
    """Render the Vietnamese 429 page."""
    response = render(request, template, {"message": status.message}, status=429)
    response["Retry-After"] = str(status.retry_after)
    return response


# --- Forms -----------------------------------------------------------------


class AbuseProtectedFormMixin:
    """Honeypot, one-time form token and challenge for a citizen form (see module docstring).

    Pass ``request=`` to the constructor. Set ``abuse_scope`` and, to count per
    e-mail as well, ``abuse_email_field``.
    """

    abuse_scope = "default"
    abuse_email_field: str | None = None

    def __init__(self, *args, request, **kwargs):
        super().__init__(*args, **kwargs)
        if self.is_bound:
            # NUL and other control characters are dropped, never stored or
            # refused with Django's English message (see core.forms).
            self.data = strip_controls_from_data(self.data)
        self.request = request
        self.fields[HONEYPOT_FIELD] = forms.CharField(
            label=_("Trang web (để trống)"),
            required=False,
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )
        self.fields["form_token"] = forms.CharField(required=False, widget=forms.HiddenInput)
        if not self.is_bound:
            self.initial["form_token"] = signing.dumps(
                secrets.token_urlsafe(16), salt=_FORM_TOKEN_SALT
            )
        self.challenge = None
        if self._challenge_due():
            self._add_challenge()

    def _email(self) -> str | None:
        if not (self.is_bound and self.abuse_email_field):
            return None
        return (self.data.get(self.add_prefix(self.abuse_email_field)) or "").strip() or None

    def _challenge_due(self) -> bool:
        return rate_status(self.request, self.abuse_scope, self._email()).challenge

    def _add_challenge(self):
        self.challenge = new_challenge(self.abuse_scope)
        self.fields["challenge_token"] = forms.CharField(required=False, widget=forms.HiddenInput)
        self.fields["challenge_answer"] = forms.CharField(
            label=self.challenge.question, required=False, max_length=80
        )
        # A fresh question each time the form is shown; the submitted token is
        # read from self.data, so replacing the initial value is safe.
        self.initial["challenge_token"] = self.challenge.token
        if self.is_bound:
            data = self.data.copy()
            self._submitted_challenge = (
                data.get(self.add_prefix("challenge_token"), ""),
                data.get(self.add_prefix("challenge_answer"), ""),
            )
            data[self.add_prefix("challenge_token")] = self.challenge.token
            data[self.add_prefix("challenge_answer")] = ""
            self.data = data

    def form_token(self) -> str | None:
        """Return the submitted one-time token if its signature is ours, else None."""
        raw = (self.data.get(self.add_prefix("form_token")) or "") if self.is_bound else ""
        try:
            return signing.loads(
                raw, salt=_FORM_TOKEN_SALT, max_age=config(self.abuse_scope)["IDEMPOTENCY_TTL"]
            )
        except signing.BadSignature:
            return None

    def previous_result(self):
        """Return the stored result of an earlier submit of this same form, or None."""
        return recall(self.abuse_scope, self.form_token())

    def remember_result(self, value) -> None:
        remember(self.abuse_scope, self.form_token(), value)

    def rate_limit(self) -> RateStatus | None:
        """Count this submit attempt; return the standing if it is over the limit."""
        status = hit(self.request, self.abuse_scope, self._email())
        return status if status.limited else None

    def clean(self):
        cleaned = super().clean()
        if self.data.get(self.add_prefix(HONEYPOT_FIELD)):
            self.add_error(None, HONEYPOT_MESSAGE)
        submitted = getattr(self, "_submitted_challenge", None)
        if self.challenge is not None:
            token, answer = submitted or ("", "")
            if not answer:
                self.add_error("challenge_answer", CHALLENGE_MESSAGE)
            elif not check_challenge(self.abuse_scope, token, answer):
                self.add_error("challenge_answer", CHALLENGE_WRONG_MESSAGE)
        return cleaned
