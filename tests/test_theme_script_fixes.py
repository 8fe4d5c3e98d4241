"""The changes to mkdocs-material's minified script (sitegen/engine/theme_fixes.SCRIPT_FIXES) either
apply exactly once or stop the build with a message that says what to do: after a theme update, a
fix that quietly matched nothing would bring the search index back onto every page."""
from __future__ import annotations

from pathlib import Path

import pytest

from sitegen.engine.theme_fixes import BUNDLE, fix_theme_script
from sitegen.errors import BuildError

MATERIAL = Path(pytest.importorskip("material").__file__).parent / "templates"


def copy_bundle(site: Path, text: str | None = None) -> Path:
    source = next(MATERIAL.glob(BUNDLE))
    target = site / source.relative_to(MATERIAL)
    target.parent.mkdir(parents=True)
    target.write_text(text if text is not None else source.read_text(encoding="utf-8"), encoding="utf-8")
    return target


def test_the_installed_theme_script_takes_both_changes(tmp_path):
    bundle = copy_bundle(tmp_path)
    fix_theme_script(tmp_path)
    script = bundle.read_text(encoding="utf-8")
    assert 'location.protocol!=="file:"' not in script
    assert 'new URLSearchParams(location.search).get("h")' in script


def test_a_theme_script_that_changed_stops_the_build_with_a_dutch_message(tmp_path):
    copy_bundle(tmp_path, "console.log('een ander thema')")
    with pytest.raises(BuildError) as caught:
        fix_theme_script(tmp_path)
    message = str(caught.value)
    assert "search-index-on-demand" in message and "0 keer" in message
    assert "overrides/README.md" in message
