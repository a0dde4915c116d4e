"""Parsing references into CSL-JSON: the public API, rules, names, and the real test sets."""

from __future__ import annotations

import json
import re
from pathlib import Path

import cslkit
from cslkit.model import Items
from cslkit.textparser import parse_reference, parse_references
from cslkit.textparser.names import format_initials, split_names

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data" / "textparser"
SEED = ROOT / "examples" / "maltsev-2013-references.txt"


def one(text: str) -> dict:
    return parse_reference(text, "ref-1")[0]


def norm(value: object) -> str:
    return re.sub(r"[\W_]+", "", str(value).lower())


def test_seed_list_through_the_public_api():
    items = cslkit.parse(str(SEED), format="text")
    assert isinstance(items, Items)
    assert len(items) == 71
    assert [i["id"] for i in items] == [f"ref-{n}" for n in range(1, 72)]
    first = items[0]
    assert first["author"] == [{"family": "Ahmed", "given": "A. R."},
                               {"family": "Gürcan", "given": "H. M."}]
    assert first["issued"] == {"date-parts": [[2011]]}
    assert (first["volume"], first["issue"], first["page"]) == ("25", "9", "1073–9")
    assert first["type"] == "article-journal"
    for item in items:
        custom = item["custom"]
        assert custom["original"]
        assert 0.0 <= custom["confidence"] <= 1.0
        assert isinstance(custom["low-confidence"], list)
    # The detector answers None when a title gives too little evidence; most do not.
    assert sum(item.get("language") == "en" for item in items) >= 60


def test_pasted_string_and_detection():
    text = SEED.read_text(encoding="utf-8")
    assert len(cslkit.parse(text, format="text")) == 71
    from cslkit.registry import detect_format

    assert detect_format(text) == "text"
    assert detect_format(text, SEED) == "text"
    from cslkit.textparser.reader import READER

    assert READER.detect(text) > 0.5
    assert READER.detect('[{"id": "a", "type": "book"}]') == 0.0
    assert READER.detect("@article{x, title={A}}") == 0.0


def test_et_al_is_recorded_not_made_an_author():
    item = one("Branch DW, Peaceman AM, Druzin M et al. A multicenter pilot study. "
               "Am J Obstet Gynecol. 2000; 182(1 Pt 1): 122–7.")
    assert [a["family"] for a in item["author"]] == ["Branch", "Peaceman", "Druzin"]
    assert item["custom"]["et-al"] is True
    assert item["issue"] == "1 Pt 1"
    names, et_al = split_names("Васильев В. А., Петров П. П. и др.")
    assert et_al and [n["family"] for n in names] == ["Васильев", "Петров"]
    assert split_names("Шевченко Т. Г. та ін.")[1] is True


def test_names_in_all_the_usual_shapes():
    assert split_names("Д. В. Мальцев, Ю. Ю. Недопако")[0] == [
        {"family": "Мальцев", "given": "Д. В."}, {"family": "Недопако", "given": "Ю. Ю."}]
    assert split_names("De Zwaan SE, Schlößer RL")[0] == [
        {"family": "De Zwaan", "given": "S. E."}, {"family": "Schlößer", "given": "R. L."}]
    assert split_names("Smith, J. A., & Doe, B.")[0] == [
        {"family": "Smith", "given": "J. A."}, {"family": "Doe", "given": "B."}]
    assert split_names("The Pregnancy Loss Study Group")[0] == [
        {"literal": "The Pregnancy Loss Study Group"}]
    assert format_initials("NIa") == "N. Ia."
    assert format_initials("Д.В.") == "Д. В."


def test_gost_line_with_responsibility_area():
    item = one("Мальцев Д. В. Дефіцит природних кілерів / Д. В. Мальцев, Ю. Ю. Недопако "
               "// Український медичний часопис. – 2013. – № 2 (94). – С. 129–142.")
    assert [a["family"] for a in item["author"]] == ["Мальцев", "Недопако"]
    assert item["container-title"] == "Український медичний часопис"
    assert item["issue"] == "2 (94)"
    assert item["page"] == "129–142"
    assert item["issued"]["date-parts"][0][0] == 2013
    assert item["language"] == "uk"


def test_identifiers_and_notes_by_rule():
    item = one("Karabay O, Leblebicioglu H. Interferon-beta in hepatitis B. Hepatol Res. "
               "2013 May 2. [Epub ahead of print]. doi: 10.1111/hepr.12157. PMID: 23647912. "
               "PMCID: PMC3456789. Available from: https://example.org/a?b=1 [cited 2013 Jun 5].")
    assert item["DOI"] == "10.1111/hepr.12157"
    assert item["PMID"] == "23647912"
    assert item["PMCID"] == "PMC3456789"
    assert item["URL"] == "https://example.org/a?b=1"
    assert item["accessed"] == {"date-parts": [[2013, 6, 5]]}
    assert "Epub ahead of print" in item["note"]
    assert item["issued"]["date-parts"][0][:2] == [2013, 5]
    from cslkit.textparser.assemble import parse_date

    assert parse_date("2013 May 2.") == {"date-parts": [[2013, 5, 2]]}
    assert parse_date("05.01.2013") == {"date-parts": [[2013, 1, 5]]}
    assert parse_date("1998 Mar-Apr") == {"date-parts": [[1998, 3]]}


def test_translated_title_in_brackets():
    item = one("Петров П. П. Лечение инфекций [Treatment of infections] // Терапевтический "
               "архив. – 2001. – Т. 73, № 2. – С. 5–9.")
    assert item["custom"]["translated-title"] == "Treatment of infections"
    assert "[" not in item["title"]


def test_low_confidence_fields_become_problems():
    items = parse_references("1. xq zz 12 // ?? 3 4\n2. Smith J. Title. J Med. 2001;1:1-2.\n")
    low = [p for p in items.problems if p.code == "low-confidence-field"]
    for problem in low:
        assert problem.severity == "warning"
        assert problem.field in items[int(problem.item_id.split("-")[1]) - 1]["custom"]["low-confidence"]
        assert problem.field in problem.message and "guessed" in problem.message
        assert problem.hint.startswith("check")
    flagged = {(p.item_id, p.field) for p in low}
    recorded = {(i["id"], f) for i in items for f in i["custom"]["low-confidence"]}
    assert flagged == recorded


def test_skipped_lines_are_reported():
    items = parse_references("References\n1. Smith J. Title. J Med. 2001;1:1-2.\n")
    assert len(items) == 1
    assert any(p.code == "not-a-reference" for p in items.problems)


def test_jobs_give_the_same_result():
    text = SEED.read_text(encoding="utf-8")
    assert parse_references(text, jobs=2) == parse_references(text)


def _micro_f1(path: Path) -> float:
    tp = fp = fn = 0
    for expected in json.loads(path.read_text(encoding="utf-8")):
        got = one(expected["custom"]["original"])
        for field in ("title", "container-title", "volume", "issue", "page", "type"):
            e, g = expected.get(field), got.get(field)
            if e is not None and g is not None and norm(e) == norm(g):
                tp += 1
            else:
                fp += g is not None
                fn += e is not None
        e_auth = [norm(a.get("family")) for a in expected.get("author", [])]
        g_auth = [norm(a.get("family") or a.get("literal")) for a in got.get("author", [])]
        tp += bool(e_auth) and e_auth == g_auth
        fp += bool(g_auth) and e_auth != g_auth
        fn += bool(e_auth) and e_auth != g_auth
        e_year = expected.get("issued", {}).get("date-parts", [[None]])[0][0]
        g_year = got.get("issued", {}).get("date-parts", [[None]])[0][0]
        tp += e_year is not None and e_year == g_year
        fp += g_year is not None and e_year != g_year
        fn += e_year is not None and e_year != g_year
    return 2 * tp / (2 * tp + fp + fn)


def test_hand_checked_gost_dstu_lines():
    assert _micro_f1(DATA / "gost_dstu_real.json") >= 0.85


def test_hand_checked_seed_list():
    assert _micro_f1(DATA / "maltsev_2013_expected.json") >= 0.9


def _spans(text: str, *parts: tuple[str, str]) -> list[tuple[str, int, int, float]]:
    """Labelled spans over `text` from (label, substring) pairs, in order."""
    spans, at = [], 0
    for label, part in parts:
        start = text.index(part, at)
        spans.append((label, start, start + len(part), 0.6))
        at = start + len(part)
    return spans


def test_title_container_boundaries_by_punctuation():
    from cslkit.textparser.assemble import build_item

    # No title: the sentence at the head of the container is the title.
    text = "Moss, K. 2003. Crop rotation and soil memory. Journal of Field Ecology 12: 44-51."
    item, _ = build_item(text, _spans(text, ("author", "Moss, K."), ("date", "2003."),
                                      ("container-title", "Crop rotation and soil memory. Journal of Field Ecology"),
                                      ("volume", "12:"), ("page", "44-51.")))
    assert (item["title"], item["container-title"]) == ("Crop rotation and soil memory", "Journal of Field Ecology")
    # A title stopping mid-sentence continues up to the container's sentence break.
    text = "Moss K. Soil memory under rotation of ALS. Neurology 12, 44-51 (2003)."
    item, _ = build_item(text, _spans(text, ("author", "Moss K."), ("title", "Soil memory under rotation of"),
                                      ("container-title", "ALS. Neurology"), ("volume", "12,"), ("page", "44-51")))
    assert (item["title"], item["container-title"]) == ("Soil memory under rotation of ALS", "Neurology")
    # A title that did close keeps its end: "Proc. IEEE"-like containers are not split.
    text = "Moss K. Soil memory. Trans. Soil Eng. 12, 44-51 (2003)."
    item, _ = build_item(text, _spans(text, ("author", "Moss K."), ("title", "Soil memory."),
                                      ("container-title", "Trans. Soil Eng."), ("volume", "12,")))
    assert item["title"] == "Soil memory"
    # No container: a title-cased name after the last sentence, before a volume, is the journal.
    text = "Moss, K. (2003). Crop rotation and soil memory. Field Ecology Letters, 12, 44-51."
    item, _ = build_item(text, _spans(text, ("author", "Moss, K."), ("date", "(2003)."),
                                      ("title", "Crop rotation and soil memory. Field Ecology Letters,"),
                                      ("volume", "12,"), ("page", "44-51.")))
    assert (item["title"], item["container-title"]) == ("Crop rotation and soil memory", "Field Ecology Letters")
    # No title and no volume, issue or pages: the "container" is a book's title.
    text = "Moss, K. Soil Memory. London: Field Press, 2003."
    item, _ = build_item(text, _spans(text, ("author", "Moss, K."), ("container-title", "Soil Memory."),
                                      ("publisher-place", "London:"), ("publisher", "Field Press,"), ("date", "2003.")))
    assert item["title"] == "Soil Memory" and "container-title" not in item and item["type"] == "book"


def test_known_journal_recovered_without_period_is_confident():
    item, problems = parse_reference(
        "Ahmed AR, Gürcan HM Use of intravenous immunoglobulin therapy during pregnancy in "
        "patients with pemphigus vulgaris J Eur Acad Dermatol Venereol. 2011;25(9):1073–9.", "ref-1")
    assert item["container-title"] == "J Eur Acad Dermatol Venereol"
    assert "container-title" not in item["custom"]["low-confidence"]
    assert not [p for p in problems if p.field == "container-title"]
    # The journal table also tells where the journal starts when the title ran into it.
    item, _ = parse_reference(
        "Kopeć I, Debski R, Samsel M Hairy cell leukemia in pregnancy Ginekol Pol. 2005; 76(11): 898–901.", "ref-2")
    assert (item["title"], item["container-title"]) == ("Hairy cell leukemia in pregnancy", "Ginekol Pol")


def test_containers_left_inside_the_title_and_glued_tails():
    from cslkit.textparser.assemble import build_item

    text = 'Lowe, R. "Rivers of the north." Northern Review 7 (1990): 12-30.'
    item, _ = build_item(text, _spans(text, ("author", "Lowe, R."),
                                      ("title", '"Rivers of the north." Northern Review'),
                                      ("volume", "7"), ("date", "(1990):"), ("page", "12-30.")))
    assert (item["title"], item["container-title"]) == ("Rivers of the north", "Northern Review")
    text = "Lowe R. 1990. Rivers of the north. In The Atlas of Northern Waters, pp. 12-30."
    item, _ = build_item(text, _spans(text, ("author", "Lowe R."), ("date", "1990."),
                                      ("title", "Rivers of the north. In The Atlas of Northern"),
                                      ("container-title", "Waters,"), ("page", "pp. 12-30.")))
    assert (item["title"], item["container-title"]) == ("Rivers of the north", "The Atlas of Northern Waters")
    text = "Lowe R. Rivers of the north. Northern Review 1990, 7, 12-30."
    item, _ = build_item(text, _spans(text, ("author", "Lowe R."), ("title", "Rivers of the north."),
                                      ("container-title", "Northern Review 1990,"), ("volume", "7,"),
                                      ("page", "12-30.")))
    assert item["container-title"] == "Northern Review" and item["issued"] == {"date-parts": [[1990]]}
    text = "Ann Lowe, Bo Tam, and Cy Ode. Rivers of the north. Northern Review, 7:12-30, 1990."
    item, _ = build_item(text, _spans(text, ("author", "Ann Lowe, Bo Tam,"),
                                      ("title", "and Cy Ode. Rivers of the north."),
                                      ("container-title", "Northern Review,"), ("volume", "7:"),
                                      ("page", "12-30,"), ("date", "1990.")))
    assert [a["family"] for a in item["author"]] == ["Lowe", "Tam", "Ode"]
    assert item["title"] == "Rivers of the north"


def test_title_head_doi_tail_and_glued_volume():
    from cslkit.textparser.assemble import build_item

    text = "A. Lowe and B. Tamsin. SQL Rivers of the North. North Rev, 92 99-115, 1990. doi:10.1000/nr.7,arXiv:1002.2581"
    item, _ = build_item(text, _spans(text, ("author", "A. Lowe and B. Tamsin. SQL"),
                                      ("title", "Rivers of the North."), ("container-title", "North Rev,"),
                                      ("page", "92 99-115,"), ("date", "1990."), ("DOI", "doi:10.1000/nr.7,arXiv")))
    assert item["title"] == "SQL Rivers of the North"
    assert [a["family"] for a in item["author"]] == ["Lowe", "Tamsin"]
    assert (item["volume"], item["page"]) == ("92", "99-115")
    assert item["DOI"] == "10.1000/nr.7"


def test_journal_table_decides_where_an_unpunctuated_title_ends():
    item, _ = parse_reference(
        "Lind G, Cho E Treatment of plaque psoriasis in older patients Rheumatol Int. 2011; 31(1): 113–5.", "ref-1")
    assert (item["title"], item["container-title"]) == (
        "Treatment of plaque psoriasis in older patients", "Rheumatol Int")
    item, _ = parse_reference(
        "Ruiz R, Cano D Response of pemphigus to immunoglobulin therapy Actas Dermosifiliogr. 2011; 102(9): 735–7.",
        "ref-2")
    assert (item["title"], item["container-title"]) == ("Response of pemphigus to immunoglobulin therapy",
                                                        "Actas Dermosifiliogr")


def test_gost_year_run_into_the_next_label_is_the_date():
    from cslkit.textparser.assemble import build_item

    text = "Бойко О. В. Роль вітаміну D // Лікарська справа. 1982. C. 19–43."
    item, _ = build_item(text, _spans(text, ("author", "Бойко О. В."), ("title", "Роль вітаміну D"),
                                      ("container-title", "// Лікарська справа."), ("other", "1982. C."),
                                      ("page", "19–43.")))
    assert item["issued"] == {"date-parts": [[1982]]}
    assert item["container-title"] == "Лікарська справа"


def test_quoted_words_are_the_title_when_none_was_found():
    from cslkit.textparser.assemble import build_item

    text = "Lowe, A., “Rivers Online,” http://rivers.example.org, 2012."
    item, _ = build_item(text, _spans(text, ("author", "Lowe, A.,"), ("other", "“"), ("publisher", "Rivers Online,”"),
                                      ("URL", "http://rivers.example.org,"), ("date", "2012.")))
    assert item["title"] == "Rivers Online" and "publisher" not in item and item["type"] == "webpage"


def test_a_quote_taken_into_the_authors_is_no_author():
    from cslkit.textparser.assemble import build_item

    text = 'W. Lowe, F. Tam and C. Ode, "Rivers of the North," Northern Review, vol. 7, 1990.'
    item, _ = build_item(text, _spans(text, ("author", 'W. Lowe, F. Tam and C. Ode, "'),
                                      ("title", 'Rivers of the North,"'), ("container-title", "Northern Review,"),
                                      ("volume", "vol. 7,"), ("date", "1990.")))
    assert item["author"] == [{"family": "Lowe", "given": "W."}, {"family": "Tam", "given": "F."},
                              {"family": "Ode", "given": "C."}]


def test_vancouver_names_without_a_period_before_the_title():
    from cslkit.textparser.assemble import build_item

    text = "Lowe EE., Reed JL Treatment with rivers improves health Am J Hydrol. 2008; 60(1): 8–16."
    item, _ = build_item(text, _spans(text, ("author", "Lowe EE., Reed JL Treatment with"),
                                      ("title", "rivers improves health"), ("container-title", "Am J Hydrol."),
                                      ("date", "2008;"), ("volume", "60")))
    assert [a["family"] for a in item["author"]] == ["Lowe", "Reed"]
    assert item["title"] == "Treatment with rivers improves health"
    text = "Lowe M, Tam J, Castillo-Rama M Rivers improve health. Am J Hydrol. 2012; 68(1): 75–84."
    item, _ = build_item(text, _spans(text, ("author", "Lowe M, Tam J,"),
                                      ("title", "Castillo-Rama M Rivers improve health."),
                                      ("container-title", "Am J Hydrol."), ("date", "2012;"), ("volume", "68")))
    assert [a["family"] for a in item["author"]] == ["Lowe", "Tam", "Castillo-Rama"]
    assert item["title"] == "Rivers improve health"
    # "Surname, I.," lists are not Vancouver: "Vitamin D" stays in the title.
    text = "Smith, J., Vitamin D Status and Bone Health. J Bone Res, 3, 1-2."
    item, _ = build_item(text, _spans(text, ("author", "Smith, J.,"), ("title", "Vitamin D Status and Bone Health.")))
    assert item["title"] == "Vitamin D Status and Bone Health"


def test_page_labels_are_stripped_whole():
    from cslkit.textparser.assemble import _PAGE_LABEL_RE

    assert _PAGE_LABEL_RE.sub("", "pages 72–76") == "72–76"
    assert _PAGE_LABEL_RE.sub("", "pp. 1-5") == "1-5"
    assert _PAGE_LABEL_RE.sub("", "С. 129–142") == "129–142"
    assert _PAGE_LABEL_RE.sub("", "E231-40") == "E231-40"


def test_unlabelled_vancouver_source_details_are_kept():
    # The tagger sometimes leaves "2012 Apr;" or a whole "2013; 1:CD007885" unlabelled;
    # their shape alone is enough to place each part.
    item = one("Coulam CB, Acacio B Does immunotherapy for treatment of reproductive failure "
               "enhance live births? Am J Reprod Immunol. 2012 Apr; 67(4): 296–304.")
    assert item["issued"] == {"date-parts": [[2012, 4]]}
    assert (item["volume"], item["issue"]) == ("67", "4")
    item = one("Okwundu CI, Afolabi BB Intramuscular versus intravenous anti-D for preventing "
               "Rhesus alloimmunization during pregnancy Cochrane Database Syst Rev. 2013; 1:CD007885.")
    assert item["issued"] == {"date-parts": [[2013]]}
    assert (item["volume"], item["page"]) == ("1", "CD007885")
    assert "note" not in item


def test_no_year_of_the_seed_list_is_lost():
    items = cslkit.parse(str(SEED), format="text")
    undated = [i["id"] for i in items
               if re.search(r"\b(?:19|20)\d\d\b", i["custom"]["original"]) and "issued" not in i]
    assert undated == []


def test_a_title_word_glued_to_the_last_vancouver_name():
    item = one("Tareeva TG, Malinovskaia VV, Poletaev AB Autoimmune disorders in pregnant women with "
               "mixed urogenital infections. Interferon therapy in prophylaxis of obstetric and "
               "perinatal complications Antibiot Khimioter. 2000; 45(12): 23–4.")
    assert item["author"][-1] == {"family": "Poletaev", "given": "A. B."}
    assert item["title"].startswith("Autoimmune disorders")


def test_a_title_broken_by_a_false_container_is_rejoined():
    item = one("Van den Heuvel Mj, Peralta CG, Hatta K et al. Decline in number of elevated blood "
               "CD3(+) CD56(+) NKT cells in response to intravenous immunoglobulin treatment "
               "correlates with successful pregnancy Am J Reprod Immunol. 2007; 58(5): 447–59.")
    assert item["title"].startswith("Decline in number of elevated blood CD3(+) CD56(+) NKT cells")
    assert item["title"].endswith("successful pregnancy")
    assert item["container-title"] == "Am J Reprod Immunol"


def test_an_issue_without_a_volume_is_no_volume():
    item = one("Zul'karneev RSh, Kalinin IuT. Use of recombinant alpha2-interferon in pregnant women. "
               "Zh Mikrobiol Epidemiol Immunobiol. 1998 Mar;(2):115-8.")
    assert item.get("issue") == "2"
    assert "volume" not in item


def test_text_put_in_no_field_is_reported_and_kept():
    # Whatever the tagger makes of this line, words that reach no field must be said.
    line = ("Bydder, S. A., D. J. Joseph, and N. A. Spry. 2004. Publication rates of abstracts "
            "presented at annual scientific meetings: how does the Royal Australian and New Zealand "
            "College of Radiologists compare? Australas Radiol 48:25-28.")
    items = cslkit.parse(line, format="text")
    item = items[0]
    placed = " ".join(str(v) for k, v in item.items() if k != "custom").lower()
    unplaced = item["custom"].get("unplaced", [])
    for word in ("publication", "abstracts", "presented", "radiologists"):
        assert word in placed or any(word in u.lower() for u in unplaced)
    assert bool(unplaced) == any(p.code == "unplaced-text" for p in items.problems)
    report = cslkit.validate(items)
    assert bool(unplaced) == any(p.code == "unplaced-text" for p in report)


def test_the_seed_list_leaves_nothing_unplaced():
    items = cslkit.parse(str(SEED), format="text")
    assert [p.message for p in items.problems if p.code == "unplaced-text"] == []


def test_citing_medicine_part_of_a_book_and_a_state_after_the_city():
    item = one("Taylor HS, Pal L, Seli E. Speroff's clinical gynecologic endocrinology and infertility. 9th ed. "
               "Philadelphia (PA): Wolters Kluwer; 2019. Chapter 29, Endometriosis; p. 1221-48.")
    assert item["type"] == "chapter" and item["title"] == "Endometriosis"
    assert item["container-title"] == "Speroff's clinical gynecologic endocrinology and infertility"
    assert (item["chapter-number"], item["page"]) == ("29", "1221-48")
    assert (item["publisher-place"], item["publisher"]) == ("Philadelphia (PA)", "Wolters Kluwer")
    assert "unplaced" not in item.get("custom", {})
