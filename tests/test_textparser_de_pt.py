"""German (DIN 1505-2 and author-date) and Portuguese (ABNT NBR 6023) references: their
labels ("Hrsg.", "Aufl.", "Jg.", "Heft", "S."; "org.", "v.", "n.", "p.", "ed.",
"Acesso em:") and name conventions (upper-case ABNT surnames, Chicago's inverted first
name). The strings are made up in the shape of real lists, not taken from any test set."""

from __future__ import annotations

from cslkit.textparser import parse_reference
from cslkit.textparser.names import split_names


def one(text: str) -> dict:
    return parse_reference(text, "ref-1")[0]


def families(names: list[dict] | None) -> list[str]:
    return [n.get("family") or n.get("literal") for n in names or []]


def test_only_the_first_name_inverted():
    names, _ = split_names("Kelleter, Frank, and Daniel Stein")
    assert names == [{"family": "Kelleter", "given": "Frank"}, {"family": "Stein", "given": "Daniel"}]
    names, _ = split_names("Holden, Paul E., Carlton A. Pederson, and Gayton E. Germane")
    assert families(names) == ["Holden", "Pederson", "Germane"]
    assert names[1]["given"] == "Carlton A."
    # Three given-first names stay three names.
    assert families(split_names("Ann Lowe, Bo Tam, and Cy Ode")[0]) == ["Lowe", "Tam", "Ode"]


def test_abnt_upper_case_family_names():
    assert split_names("KIM, J. H.; LEE, S.")[0] == [
        {"family": "KIM", "given": "J. H."}, {"family": "LEE", "given": "S."}]
    assert split_names("SANTOS, Boaventura de Sousa.")[0] == [
        {"family": "SANTOS", "given": "Boaventura de Sousa"}]


def test_organisers_label_is_no_part_of_a_name():
    assert split_names("OLIVEIRA, D. A.; SOUZA, M. (orgs.)")[0] == [
        {"family": "OLIVEIRA", "given": "D. A."}, {"family": "SOUZA", "given": "M."}]
    assert split_names("COSTA, R. (coord.).")[0] == [{"family": "COSTA", "given": "R."}]


def test_two_given_first_names_are_not_one_inverted_name():
    assert split_names("Wolfgang Jantzen, Jan Steffens:")[0] == [
        {"family": "Jantzen", "given": "Wolfgang"}, {"family": "Steffens", "given": "Jan"}]
    # A one-word given name after a two-word family name is still "Family, Given".
    assert split_names("García Márquez, Gabriel")[0] == [
        {"family": "García Márquez", "given": "Gabriel"}]


def test_din_edited_book_with_edition():
    item = one("Lindner, Werner (Hrsg.): Handbuch der offenen Kinder- und Jugendarbeit. "
               "4. Aufl. Weinheim: Beltz Juventa, 2016.")
    assert families(item.get("editor")) == ["Lindner"]
    assert "author" not in item
    assert item["edition"] == "4"
    assert item["title"] == "Handbuch der offenen Kinder- und Jugendarbeit"
    assert (item["publisher-place"], item["publisher"]) == ("Weinheim", "Beltz Juventa")
    assert item["issued"] == {"date-parts": [[2016]]}


def test_abnt_online_document_with_access_date():
    item = one("INSTITUTO NACIONAL DE ESTUDOS E PESQUISAS EDUCACIONAIS. Censo escolar 2019: notas "
               "estatísticas. Brasília, DF: Inep, 2020. Disponível em: https://www.example.gov.br/censo.pdf. "
               "Acesso em: 12 mar. 2021.")
    assert item["URL"] == "https://www.example.gov.br/censo.pdf"
    assert item["accessed"] == {"date-parts": [[2021, 3, 12]]}
    assert item["issued"] == {"date-parts": [[2020]]}


def test_a_quote_taken_from_the_title_does_not_split_the_name():
    assert split_names("Behler, Ernst, “")[0] == [{"family": "Behler", "given": "Ernst"}]


def test_a_year_taken_for_a_citation_number_inside_the_reference_is_the_date():
    from cslkit.textparser.assemble import build_item

    text = ("Jantzen, Wolfgang: Inklusion und Grenze. In: Behinderte Menschen. "
            "Zeitschrift für gemeinsames Leben. 2014, 4/5, 48-53")
    parts = (("author", "Jantzen, Wolfgang:"), ("title", "Inklusion und Grenze."),
             ("container-title", "In: Behinderte Menschen. Zeitschrift für gemeinsames Leben."),
             ("citation-number", "2014,"), ("issue", "4/5,"), ("page", "48-53"))
    spans, at = [], 0
    for label, part in parts:
        start = text.index(part, at)
        spans.append((label, start, start + len(part), 0.6))
        at = start + len(part)
    item, _ = build_item(text, spans)
    assert item["issued"] == {"date-parts": [[2014]]}


def test_din_article_with_jahrgang_and_heft():
    item = one("Kessl, Fabian (2017): Soziale Arbeit in der Transformation des Sozialen. "
               "In: Neue Praxis, Jg. 47, H. 4, S. 318–334.")
    assert families(item["author"]) == ["Kessl"]
    assert item["title"] == "Soziale Arbeit in der Transformation des Sozialen"
    assert item["container-title"] == "Neue Praxis"
    assert (item["volume"], item["issue"], item["page"]) == ("47", "4", "318–334")
    assert item["type"] == "article-journal"


def test_din_article_volume_year_heft():
    item = one("Reckwitz, Andreas: Grundelemente einer Theorie sozialer Praktiken. "
               "In: Zeitschrift für Soziologie 32 (2003), Heft 4, S. 282–301.")
    assert item["container-title"] == "Zeitschrift für Soziologie"
    assert (item["volume"], item["issue"], item["page"]) == ("32", "4", "282–301")
    assert item["issued"] == {"date-parts": [[2003]]}
    assert item["type"] == "article-journal"


def test_din_chapter_in_an_edited_book():
    item = one("Thiersch, Hans: Lebensweltorientierte Soziale Arbeit. In: Otto, Hans-Uwe; "
               "Thiersch, Hans (Hrsg.): Handbuch Soziale Arbeit. München: Reinhardt, 2011, S. 854–863.")
    assert families(item["author"]) == ["Thiersch"]
    assert item["title"] == "Lebensweltorientierte Soziale Arbeit"
    assert families(item["editor"]) == ["Otto", "Thiersch"]
    assert item["container-title"] == "Handbuch Soziale Arbeit"
    assert item["page"] == "854–863"
    assert item["type"] == "chapter"
