"""Untrusted styles (a path): XXE, entity bombs and invalid CSL are refused, naming the line."""

from __future__ import annotations

import pytest

import cslkit
from cslkit.errors import UnsafeStyleError
from cslkit.rendering.styles import resolve_style

ITEM = {"id": "a", "type": "book", "title": "Title", "issued": {"date-parts": [[2020]]}}


def minimal_style(body: str = '<text variable="title"/>', prolog: str = "") -> str:
    return f"""<?xml version="1.0" encoding="utf-8"?>
{prolog}<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info>
    <title>Test</title>
    <id>urn:test</id>
    <updated>2026-01-01T00:00:00+00:00</updated>
  </info>
  <citation><layout>{body}</layout></citation>
</style>
"""


def write(tmp_path, text: str):
    path = tmp_path / "style.csl"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_a_valid_style_from_a_path_renders(tmp_path) -> None:
    assert cslkit.render([ITEM], style=write(tmp_path, minimal_style())) == ["Title"]


def test_external_entity_is_refused(tmp_path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET", encoding="utf-8")
    prolog = f'<!DOCTYPE style [<!ENTITY xxe SYSTEM "file://{secret}">]>\n'
    path = write(tmp_path, minimal_style('<text value="&xxe;"/>', prolog))
    with pytest.raises(UnsafeStyleError, match=r"line 2: .*external entity") as caught:
        cslkit.render([ITEM], style=path)
    assert "TOP SECRET" not in str(caught.value)


def test_entity_expansion_bomb_is_refused(tmp_path) -> None:
    entities = ['<!ENTITY lol "lol">'] + [
        f'<!ENTITY lol{n} "{("&lol" + str(n - 1) + ";") * 10 if n > 1 else "&lol;" * 10}">' for n in range(1, 10)
    ]
    prolog = "<!DOCTYPE style [\n" + "\n".join(entities) + "\n]>\n"
    path = write(tmp_path, minimal_style('<text value="&lol9;"/>', prolog))
    with pytest.raises(UnsafeStyleError, match="entity-expansion bomb"):
        cslkit.render([ITEM], style=path)


def test_invalid_csl_names_the_line(tmp_path) -> None:
    path = write(tmp_path, minimal_style('<text variable="title"/>\n<bogus-element/>'))
    with pytest.raises(UnsafeStyleError, match=r"line 9: invalid CSL 1\.0\.2"):
        cslkit.render([ITEM], style=path)


def test_broken_xml_names_the_line(tmp_path) -> None:
    path = write(tmp_path, minimal_style('<text variable="title">'))
    with pytest.raises(UnsafeStyleError, match=r"not well-formed XML at line \d+"):
        cslkit.render([ITEM], style=path)


def test_not_a_style_at_all(tmp_path) -> None:
    path = write(tmp_path, '<?xml version="1.0"?>\n<html><body/></html>\n')
    with pytest.raises(UnsafeStyleError, match="not a CSL <style>"):
        cslkit.render([ITEM], style=path)


def test_shipped_styles_pass_the_schema() -> None:
    from cslkit.rendering.safety import check_style_bytes

    for name in ("vancouver", "apa", "dstu-8302-2015", "dstu-8302-2015-short"):
        resolved = resolve_style(name)
        check_style_bytes(resolved.data, name)


def test_style_given_as_xml_text_is_untrusted_too(tmp_path) -> None:
    assert cslkit.render([ITEM], style=minimal_style()) == ["Title"]
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET", encoding="utf-8")
    prolog = f'<!DOCTYPE style [<!ENTITY xxe SYSTEM "file://{secret}">]>\n'
    with pytest.raises(UnsafeStyleError, match=r"the style text|<style text>") as caught:
        cslkit.render([ITEM], style=minimal_style('<text value="&xxe;"/>', prolog))
    assert "TOP SECRET" not in str(caught.value)
    with pytest.raises(UnsafeStyleError, match=r"line 9: invalid CSL 1\.0\.2"):
        cslkit.render([ITEM], style=minimal_style('<text variable="title"/>\n<bogus-element/>'))
