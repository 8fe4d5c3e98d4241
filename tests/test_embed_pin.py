"""The published embed script is frozen: gemeenten pin embed/v1/embed.js with its SRI hash, so a
build whose v1 would differ stops with a Dutch message, and /voor-gemeenten/ lists what changed."""
from __future__ import annotations

import pytest

from repo_paths import TODAY
from sitegen.build_site import write_all_pages
from sitegen.data.settings import SiteSettings
from sitegen.errors import BuildError
from sitegen.pages import embed


def test_the_committed_pin_is_the_hash_of_the_script_the_build_publishes():
    data = embed.pinned_embed_script()
    assert embed.PIN_FILE.read_text(encoding="utf-8").strip() == embed.sri_hash(data)


def test_a_changed_v1_stops_the_build_with_a_dutch_message(tmp_path):
    changed = tmp_path / "embed.js"
    changed.write_bytes(embed.EMBED_SOURCE.read_bytes() + b"\n// one more line\n")
    with pytest.raises(BuildError) as caught:
        embed.pinned_embed_script(source=changed)
    message = str(caught.value)
    assert "v2/" in message and "v1.sri" in message and "integrity-code" in message
    assert embed.sri_hash(changed.read_bytes()) in message  # what to pin, while that is still allowed


def test_a_missing_pin_stops_the_build_too(tmp_path):
    with pytest.raises(BuildError, match="leeg"):
        embed.pinned_embed_script(pin_file=tmp_path / "v1.sri")


def test_the_page_build_stops_before_mkdocs_when_v1_would_differ(dataset, tmp_path, monkeypatch):
    changed = tmp_path / "embed.js"
    changed.write_bytes(b"/* new behaviour */\n" + embed.EMBED_SOURCE.read_bytes())
    monkeypatch.setattr(embed, "EMBED_SOURCE", changed)
    with pytest.raises(BuildError, match="nieuwe versie \\(v2/\\)"):
        write_all_pages(dataset, tmp_path / "docs", TODAY, SiteSettings())


def test_the_built_site_serves_the_pinned_v1_and_lists_the_changes(built_site):
    pin = embed.PIN_FILE.read_text(encoding="utf-8").strip()
    assert embed.sri_hash((built_site / "embed" / "v1" / "embed.js").read_bytes()) == pin
    page = (built_site / "voor-gemeenten" / "index.html").read_text(encoding="utf-8")
    assert pin in page
    assert "Wijzigingen in het script" in page and "<td>v1</td>" in page
