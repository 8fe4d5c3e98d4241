"""From a result to a conversation: whom to contact, and the plain text to send or print.

Addresses come only from the scan data (a partner's or gemeente's `contact`, each with a source),
never from the page's URL or an embed attribute: a crafted link cannot send answers elsewhere.
"""
from __future__ import annotations

from .recommend import first_offers

CONTACT_FIELDS = ("email", "phone", "page")
# regions.yaml `kind: algemeen`: the gemeente's general route, which is not the ondernemersloket itself.
GENERAL_NOTE = "algemeen nummer van de gemeente; vraag naar het ondernemersloket"
PARTNER_GENERAL_NOTE = "algemeen nummer; vraag naar wie over dit aanbod gaat"
NO_ROUTE = "geen openbaar contact gevonden; zie de pagina van de partner op de site"
# Issue 22: what a partner may do with the code, said as it is (the code holds the answers).
REGISTER_NOTE = ("Een adviseur mag je code noteren in het register van de regio; in die code staan je antwoorden, "
                 "en uit het register worden alleen aantallen gepubliceerd, nooit gegevens van één bedrijf.")


def contacts(data: dict, phase: int, gemeente: str | None) -> list[dict]:
    """The phase's route partner(s), then the intake partner, then the gemeente's ondernemersloket."""
    ladder = data["ladder"]
    partners = {p["id"]: p for p in data.get("partners", [])}
    out, seen = [], set()
    route_ids = list(ladder["steps"][phase]["route"]["partners"])
    for role, ids in (("route", route_ids), ("intake", [ladder["intake"]["partner"]])):
        for pid in ids:
            partner = partners.get(pid)
            if partner is None or pid in seen:
                continue
            seen.add(pid)
            out.append(_contact(role, pid, partner["name"], partner["url"], partner.get("contact")))
    if gemeente:
        g = next((g for g in data["gemeenten"] if g["slug"] == gemeente), None)
        if g and g.get("contact"):
            general = g["contact"].get("kind") == "algemeen"
            name = f"Gemeente {g['name']}" if general else f"Ondernemersloket gemeente {g['name']}"
            out.append(_contact("gemeente", f"gemeente-{gemeente}", name, None, g["contact"]))
    return out


def _contact(role: str, ident: str, name: str, url: str | None, contact: dict | None) -> dict:
    contact = contact or {}
    return {"role": role, "id": ident, "name": name, "url": url,
            **{k: contact.get(k) for k in CONTACT_FIELDS},
            "note": (GENERAL_NOTE if role == "gemeente" else PARTNER_GENERAL_NOTE)
            if contact.get("kind") == "algemeen" else None}


def mail_subject(phase_name: str) -> str:
    return f"Mijn uitkomst van de digitale zelfscan: fase {phase_name}"


def summary_text(result, intake_id: str, theme_names: dict[str, str]) -> str:
    """Phase, answers, priorities and the first offers, as plain text (mail body and card)."""
    lines = [f"Fase: {result.phase.name} ({result.meaning})"]
    if result.between:
        lines[0] += f", tegen {result.between.name} aan"
    lines.append(f"Eén concrete actie: {result.action}")
    if result.gemeente:
        lines.append(f"Gemeente: {result.gemeente['name']}")
    lines += ["", "Mijn antwoorden:"]
    lines += [f"{a.number}. {a.title}: {a.letter}. {a.answer}" for a in result.answers]
    titles = {a.id: a.title for a in result.answers}
    lines += ["", "Eerst aandacht voor: " + ", ".join(titles.get(p, theme_names.get(p, p)) for p in result.priorities)]
    offers = first_offers(result.recommendations, intake_id)
    if offers:
        lines += ["", "Hulp die past:"]
        for r in offers:
            extra = [r.kind_word, r.status_label]
            if r.open_until:
                extra.append(f"sluit {dutch_date(r.open_until)}")
            if r.partner:
                extra.append(r.partner["name"])
            lines.append(f"- {r.name} ({', '.join(x for x in extra if x)})")
    if result.basisniveau:
        lines += ["", result.basisniveau["line"]]
    lines += ["", f"Code: {result.code} (uitkomst van {dutch_date(result.date)})", REGISTER_NOTE]
    return "\n".join(lines)


MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december")


def dutch_date(iso: str) -> str:
    year, month, day = iso.split("-")
    return f"{int(day)} {MONTHS[int(month) - 1]} {year}"


def card_text(result, summary: str) -> str:
    """The gesprekskaart as text (python -m scan_core CODE --card): the summary and room for notes."""
    rule = "-" * 60
    contact_lines = []
    for c in result.handoff.get("contacts", []):
        ways = [c[k] for k in CONTACT_FIELDS if c.get(k)]
        line = f"  {c['name']}: " + (", ".join(ways) if ways else NO_ROUTE)
        contact_lines.append(line + (f" ({c['note']})" if c.get("note") else ""))
    return "\n".join(["GESPREKSKAART - digitale zelfscan Drenthe Digitaal", rule, summary, rule,
                      "Praat erover met:", *contact_lines, rule, "Notities:", *([""] + ["_" * 60] * 6)])
