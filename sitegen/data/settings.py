"""The owner's settings from mkdocs.yml `extra.drenthe`: what only the province can decide."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlencode

import yaml


@dataclass
class SiteSettings:
    """Settings only the owner can decide (mkdocs.yml `extra.drenthe`); empty hides the feature."""

    repository_url: str = ""
    branch: str = "main"
    open_data_licence: str = ""
    site_url: str = ""

    def edit_url(self, file: str, line: int) -> str:
        if not self.repository_url:
            return ""
        return f"{self.repository_url.rstrip('/')}/blob/{self.branch}/{file}#L{line}"

    def form_url(self, page_path: str, name: str = "", changes: str = "", note: str = "") -> str:
        """The issue form (.github/ISSUE_TEMPLATE/gegevens-wijzigen.yml) with 'which entry' filled in:
        GitHub fills a form field from the query parameter with the field's id. Optional: the title
        names the entry, `changes` prefills 'wijzigingen', `note` prefills 'toelichting'. Every value
        is URL-encoded."""
        if not self.repository_url:
            return ""
        fields = {"template": "gegevens-wijzigen.yml", "gegeven": page_path.strip("/")}
        if name:
            fields["title"] = f"Gegevens wijzigen: {name}"
        if changes:
            fields["wijzigingen"] = changes
        if note:
            fields["toelichting"] = note
        query = urlencode(fields, safe="/", quote_via=quote)
        return f"{self.repository_url.rstrip('/')}/issues/new?{query}"


    def event_form_url(self, instrument_page: str = "") -> str:
        """The form 'Bijeenkomst toevoegen' (.github/ISSUE_TEMPLATE/bijeenkomst-toevoegen.yml), with
        the instrument filled in when the link stands on its page; empty until the repository is known."""
        if not self.repository_url:
            return ""
        fields = {"template": "bijeenkomst-toevoegen.yml"}
        if instrument_page:
            fields["instrument"] = instrument_page.strip("/")
        return f"{self.repository_url.rstrip('/')}/issues/new?{urlencode(fields, safe='/', quote_via=quote)}"


def read_settings(config_file: Path) -> SiteSettings:
    """The owner's settings from mkdocs.yml `extra.drenthe` (empty means: not decided yet)."""
    raw = yaml.safe_load(config_file.read_text(encoding="utf-8")) or {}
    own = ((raw.get("extra") or {}).get("drenthe") or {})
    return SiteSettings(repository_url=own.get("repository_url") or "", branch=own.get("branch") or "main",
                        open_data_licence=own.get("open_data_licence") or "",
                        site_url=(raw.get("site_url") or "").strip())
