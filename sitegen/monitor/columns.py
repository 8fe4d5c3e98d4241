"""The registration format: one row per firm per partner, these columns in this order.

The template (template.py), both readers and the row check use this one list, so a column is
named and explained in one place. Headers are Dutch; keys are what the code calls them.
"""
from __future__ import annotations

from dataclasses import dataclass

DATA_SHEET = "Registraties"
YES_NO = ("ja", "nee", "onbekend")
MAX_TALENT = 500  # persons in one firm's row; more is a typing error, not a traject


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    required: bool
    explanation: str  # Dutch, B1: shown on the template's sheet "Uitleg"


COLUMNS: tuple[Column, ...] = (
    Column("partner", "Partner", True,
           "Wie registreert: de code van jouw organisatie uit de lijst (bijvoorbeeld ibdo)."),
    Column("reference", "Referentie", True,
           "Jullie eigen code voor dit bedrijf, zodat je de rij later terugvindt. Gebruik letters, cijfers, "
           "streepjes, punten of liggende streepjes (hoogstens 40 tekens). Geen KvK-nummer, e-mailadres, "
           "telefoonnummer, adres of naam: de monitor mag niets bevatten dat een bedrijf noemt. "
           "Elke referentie komt één keer voor per partner."),
    Column("start_date", "Startdatum", True,
           "De datum van het intakegesprek of de start van het traject (dag-maand-jaar of jaar-maand-dag). "
           "Niet in de toekomst."),
    Column("gemeente", "Gemeente", True, "De gemeente waar het bedrijf zit. Kies uit de lijst."),
    Column("start_code", "Startcode scan", False,
           "De code van de scan bij de start, zoals v1.CCDDBAE of v1.CCDDBAE.emmen. De trede en het "
           "basisniveau volgen dan uit de code: die hoef je niet zelf in te vullen."),
    Column("start_step", "Starttrede", False,
           "Alleen als er geen scancode is: de trede die de adviseur koos. Kies uit de lijst. "
           "Vul je beide in, dan moeten ze hetzelfde zeggen."),
    Column("follow_up_date", "Vervolgdatum", False,
           "De datum van de vervolgmeting, als die er is. Niet vóór de startdatum en niet in de toekomst."),
    Column("follow_up_code", "Vervolgcode scan", False, "De code van de scan bij de vervolgmeting, als die er is."),
    Column("follow_up_step", "Vervolgtrede", False,
           "Alleen als er geen vervolgcode is: de trede bij de vervolgmeting, gekozen door de adviseur."),
    Column("instruments", "Instrumenten", False,
           "De instrumenten die het bedrijf gebruikte, met hun code uit de lijst. Meer dan één? "
           "Zet een komma ertussen, bijvoorbeeld: adviesvoucher-mkb-drenthe, ibdo-intake."),
    Column("referred_to", "Doorverwezen naar", False,
           "De partner waar je het bedrijf naartoe stuurde, met de code uit de lijst. Leeg als je niet doorverwees."),
    Column("basisniveau", "Basisniveau veiligheid", False,
           "Voldoet het bedrijf aan het basisniveau digitale veiligheid? ja, nee of onbekend. Het gaat om de "
           "laatste meting (de vervolgmeting als die er is). Met een scancode volgt het uit de code."),
    Column("talent", "Talent ingezet", False,
           "Hoeveel studenten of ander digitaal talent er bij het bedrijf aan de slag gingen. Een heel getal; "
           "leeg is 0."),
    Column("talent_kept", "Talent in Drenthe gebleven", False,
           "Bleef dat talent in Drenthe werken? ja, nee of onbekend. Alleen invullen als er talent is ingezet."),
)

HEADERS = tuple(c.header for c in COLUMNS)
BY_HEADER = {c.header.casefold(): c for c in COLUMNS}


def column_label(index: int) -> str:
    """'D (Gemeente)': the spreadsheet letter and the header, as a message names a column."""
    letters, n = "", index + 1
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(65 + rest) + letters
    header = COLUMNS[index].header if index < len(COLUMNS) else ""
    return f"{letters} ({header})" if header else letters
