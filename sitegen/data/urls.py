"""Page paths, relative to the site root. One place, so links and exports agree."""
from urllib.parse import urlencode


def partner_url(partner_id: str) -> str:
    return f"partners/{partner_id}/"


def instrument_url(instrument_id: str) -> str:
    return f"instrumenten/{instrument_id}/"


def step_url(slug: str) -> str:
    return f"ladder/{slug}/"


def theme_url(slug: str) -> str:
    return f"themas/{slug}/"


def activity_url(slug: str) -> str:
    return f"activiteiten/{slug}/"


def gemeente_url(slug: str) -> str:
    return f"gemeenten/{slug}/"


FINDER_PATH = "vind-hulp/"


def finder_url(**filters: list[str]) -> str:
    """The help finder with filters preset, e.g. finder_url(gemeente=["emmen"], trede=["funderen"]).
    The keys are the finder's query parameters (sitegen/pages/finder.py FILTER_KEYS)."""
    pairs = [(key, value) for key, values in filters.items() for value in values]
    return FINDER_PATH + ("?" + urlencode(pairs) if pairs else "")


# --- Addresses from the data: web addresses and e-mail addresses -------------------------------
#
# One rule, parsed once by the WHATWG URL parser (ada_url, what browsers follow), so what Python
# checks is what a browser opens. Decisions (issue 26):
# - the value is written as the parser serializes it: lower-case scheme and host, no default port,
#   no %-escapes or non-ASCII in the host (so `HTTPS://X.nl/` and `https://%65vil.nl/` are refused
#   with the written-out form to use). Only one thing is completed, not refused: a bare origin
#   (`https://www.rvo.nl`) is stored with its "/" (`https://www.rvo.nl/`), as the parser writes it;
# - only printable ASCII from RFC 3986 (letters, digits, -._~:/?#[]@!$&'()*+,;=%): no spaces, tabs,
#   line breaks, backslash, ", <, >, {, }, |, ^ or `, no invisible characters;
# - `https` only; no user name or password (`https://x.nl:80@evil/` goes to "evil");
# - a host is a domain name of at least two labels (letters, digits, hyphens), no trailing dot, no
#   IP address (`https://0x7f.1/` is 127.0.0.1), no port, and no `xn--` label: an international
#   domain name is written in ASCII as punycode, and a reviewer cannot see which letters it shows
#   (`аpple.com` with a Cyrillic а). None of our partners has one; if one comes, decide then.
# E-mail addresses (`email_problem`): a local part of letters, digits and . _ + - (no %, no comma,
# no quotes: a mail program that decodes %2C before it splits would add a recipient) and a host by
# the same host rule.

from ada_url import URL as _WhatwgUrl  # noqa: E402  (the rule above belongs with its import)
import re as _re  # noqa: E402

ADDRESS_MAX = 2000
_URL_CHARACTERS = _re.compile(r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+")
_LABEL = _re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")
_LOCAL_PART = _re.compile(r"[A-Za-z0-9_+-]+(?:\.[A-Za-z0-9_+-]+)*")
EMAIL_MAX = 120
# The same rule as a JSON Schema pattern, for editors' completion help (schemas/); email_problem decides.
EMAIL_PATTERN = r"^[A-Za-z0-9_+-]+(\.[A-Za-z0-9_+-]+)*@[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$"
_WRITE_URL = "schrijf een volledig webadres dat begint met https://, bijv. https://www.voorbeeld.nl/pagina"


def _shown(value: str) -> str:
    """A value quoted in a message: short, and with invisible characters written out."""
    text = value if len(value) <= 80 else value[:80] + "…"
    return "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in text)


def _parsed(value: str) -> "_WhatwgUrl | None":
    try:
        return _WhatwgUrl(value)
    except ValueError:
        return None


def host_problem(host: str) -> str | None:
    """None when host is a domain name by the rule above, as the parser writes it; else Dutch."""
    labels = host.split(".")
    if host.endswith("."):
        return f"'{_shown(host)}' eindigt op een punt; haal de punt aan het eind weg"
    if len(labels) < 2 or len(host) > 253 or not all(_LABEL.fullmatch(label) for label in labels):
        return (f"'{_shown(host)}' is geen domeinnaam; schrijf een naam als www.voorbeeld.nl "
                f"(kleine letters, cijfers, streepjes en punten; geen IP-adres)")
    if labels[-1].isdigit():
        return f"'{_shown(host)}' is een IP-adres; schrijf de domeinnaam van de site"
    if any(label.startswith("xn--") for label in labels):
        return (f"'{_shown(host)}' is een internationale domeinnaam (xn--); die nemen we niet op, "
                f"omdat je niet kunt zien welke letters hij toont. Schrijf een adres met gewone letters")
    return None


def web_address_problem(value: str) -> str | None:
    """None when value is an https address by the rule above, written as the parser writes it."""
    if not isinstance(value, str) or not value:
        return f"een leeg webadres; {_WRITE_URL}"
    if len(value) > ADDRESS_MAX:
        return f"het webadres is te lang (meer dan {ADDRESS_MAX} tekens); {_WRITE_URL}"
    if not _URL_CHARACTERS.fullmatch(value):
        bad = next(c for c in value if not _URL_CHARACTERS.fullmatch(c))
        what = "een spatie" if bad == " " else f"het teken '{_shown(bad)}' (U+{ord(bad):04X})"
        return (f"'{_shown(value)}' is geen geldig webadres: er staat {what} in. Een webadres heeft "
                f"geen spaties, aanhalingstekens, < > of \\; {_WRITE_URL}")
    parsed = _parsed(value)
    if parsed is None or parsed.protocol != "https:":
        return f"'{_shown(value)}' is geen geldig webadres; het moet beginnen met https://"
    if parsed.username or parsed.password:
        return (f"'{_shown(value)}' heeft een naam of wachtwoord vóór de @ en gaat dan naar "
                f"'{_shown(parsed.hostname)}'; schrijf alleen het adres van de pagina")
    if parsed.port:
        return f"'{_shown(value)}' heeft een poortnummer (:{parsed.port}); schrijf het adres zonder poort"
    if problem := host_problem(parsed.hostname):
        return f"'{_shown(value)}': {problem}"
    if parsed.href not in (value, value + "/"):
        return (f"'{_shown(value)}' leest een browser als '{_shown(parsed.href)}'; "
                f"schrijf het adres zo als de browser het leest")
    return None


def web_address(value: str) -> str:
    """The address as the parser writes it (a bare origin gets its "/"); ValueError (Dutch) when refused."""
    if problem := web_address_problem(value):
        raise ValueError(problem)
    return _WhatwgUrl(value).href


def is_web_address(value: object) -> bool:
    """What an export may carry: passes the rule and is already written as the parser writes it."""
    return isinstance(value, str) and web_address_problem(value) is None and _WhatwgUrl(value).href == value


def email_problem(value: str) -> str | None:
    """None when value is local@host by the rule above; else a Dutch message."""
    if not isinstance(value, str) or len(value) > EMAIL_MAX or value.count("@") != 1:
        return (f"'{_shown(str(value))}' is geen geldig e-mailadres; schrijf één adres als "
                f"naam@voorbeeld.nl (hooguit {EMAIL_MAX} tekens)")
    local, host = value.split("@")
    if not _LOCAL_PART.fullmatch(local):
        return (f"'{_shown(value)}' is geen geldig e-mailadres: vóór de @ mogen alleen letters, cijfers "
                f"en . _ + - staan (geen %, komma of spatie); schrijf één adres als naam@voorbeeld.nl")
    if problem := host_problem(host):
        return f"'{_shown(value)}' is geen geldig e-mailadres: {problem}"
    return None


def email_address(value: str) -> str:
    if problem := email_problem(value):
        raise ValueError(problem)
    return value


def mailto(address: str = "", subject: str = "", body: str = "") -> str:
    """A mailto: link with every part %-encoded (RFC 6068): an address that passes the rule, or none."""
    from urllib.parse import quote
    to = ""
    if address:
        email_address(address)
        local, host = address.split("@")
        to = f"{quote(local, safe='')}@{quote(host, safe='')}"
    query = "&".join(f"{name}={quote(text, safe='')}" for name, text in (("subject", subject), ("body", body)) if text)
    return f"mailto:{to}" + (f"?{query}" if query else "")
