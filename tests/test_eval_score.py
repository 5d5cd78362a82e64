"""P/R/F1 conventions, micro-averaging and scoring one extraction against a gold file."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from kg.evaluate import evaluate_extractions, load_gold
from kg.evaluate.score import Counts
from kg.model import Article, Claim, Entity, Event, Evidence, Extraction, Role


def test_prf_ordinary_case():
    c = Counts(tp=3, fp=1, fn=2)
    assert c.p == pytest.approx(0.75)
    assert c.r == pytest.approx(0.6)
    assert c.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)


def test_prf_empty_denominators():
    # nothing to find, nothing predicted: perfect
    assert (Counts().p, Counts().r, Counts().f1) == (1.0, 1.0, 1.0)
    # gold rows but no prediction (a placeholder extractor): zero, not a flattering precision
    c = Counts(fn=4)
    assert (c.p, c.r, c.f1) == (0.0, 0.0, 0.0)
    # predictions where the gold has none
    c = Counts(fp=2)
    assert (c.p, c.r, c.f1) == (0.0, 0.0, 0.0)


GOLD = """\
doc: a.txt
title: null
published: 2030-05-06
outlet: null
body_first: "Mở đầu"
body_last: "kết thúc."
entities:
  - {name: Alice Ardent, type: Person, aliases: [Ardent]}
  - {name: Acme Corp, type: Organization, aliases: [Tập đoàn Acme]}
  - {name: Oslo, type: Place, aliases: []}
roles:
  - {person: Alice Ardent, role: spokesperson_of, org: Acme Corp}
events:
  - {type: Meeting, where: Oslo, when: "--05-05", participants: [Alice Ardent], evidence: "x"}
claims:
  - {speaker: Alice Ardent, cue: cho biết, when: null, text: "giá dầu sẽ tăng mạnh"}
must_not: [Zenith Bureau, Bergen]
"""


def ev(i: int = 0) -> Evidence:
    return Evidence("a", i, 0, 1, "test")


@pytest.fixture
def gold(tmp_path: Path):
    p = tmp_path / "a.txt.yaml"
    p.write_text(GOLD, encoding="utf-8")
    return load_gold(p)


def extraction(body: str) -> Extraction:
    x = Extraction(article=Article(id="a", source="a.txt", body=body))
    x.entities = {
        "Alice_Ardent": Entity("Alice_Ardent", "Alice Ardent", "Person", aliases={"bà Ardent"}),
        "Acme": Entity("Acme", "Tập đoàn Acme", "Place"),  # wrong type
        "Oslo": Entity("Oslo", "Oslo", "Place"),
        "Bergen": Entity("Bergen", "Bergen", "Place"),  # not in gold, and a must_not name
    }
    x.roles = [
        Role("Alice_Ardent", "spokesperson_of", "Acme", "người phát ngôn", ev()),
        Role("Alice_Ardent", "spokesperson_of", "Acme", "người phát ngôn", ev(1)),  # the same edge again
    ]
    x.events = [Event("e1", "Meeting", "cuộc gặp", where="Oslo", when="2030-05-05", participants=["Alice_Ardent"])]
    x.claims = [
        Claim("c1", "Alice_Ardent", "cho biết", "assert", "Giá dầu sẽ tăng mạnh.", ev(), ev(), when="2030-05-05"),
    ]
    return x


def test_score_one_article(gold):
    report = evaluate_extractions([gold], [extraction("Mở đầu bài. Đoạn giữa, kết thúc.")])
    [a] = report.articles
    assert (a.prf["entities"].tp, a.prf["entities"].fp, a.prf["entities"].fn) == (3, 1, 0)
    assert (a.prf["entities_typed"].tp, a.prf["entities_typed"].fp, a.prf["entities_typed"].fn) == (2, 2, 1)
    assert (a.prf["roles"].tp, a.prf["roles"].fp, a.prf["roles"].fn) == (1, 0, 0)  # duplicate edge counted once
    assert (a.prf["events"].tp, a.prf["events"].fn) == (1, 0)
    assert (a.prf["claims"].tp, a.prf["claims"].fn) == (1, 0)
    assert (a.claim_dates.right, a.claim_dates.total) == (0, 1)  # gold undated, prediction dated
    assert a.contamination == ["Bergen"]
    assert (a.body.right, a.body.total) == (1, 1)
    assert a.details["entities false"] == ["Bergen (Place)"]
    assert a.details["entities wrong type"] == ["Acme Corp: Place, gold Organization"]


def test_micro_sums_counts_not_averages(gold):
    good = extraction("Mở đầu, kết thúc.")
    empty = Extraction(article=Article(id="b", source="b.txt", body="Quảng cáo"))
    report = evaluate_extractions([gold, gold], [good, empty])
    micro = report.micro
    assert (micro.prf["entities"].tp, micro.prf["entities"].fp, micro.prf["entities"].fn) == (3, 1, 3)
    assert micro.prf["entities"].p == pytest.approx(0.75)
    assert micro.prf["entities"].r == pytest.approx(0.5)
    assert (micro.body.right, micro.body.total) == (1, 2)
    assert len(micro.contamination) == 1
    js = report.to_json()
    assert js["micro"]["contamination"] == 1
    assert js["micro"]["body"] == {"right": 1, "total": 2}
    assert js["micro"]["claim_dates"] == {"right": 0, "total": 1}


def test_gold_with_no_rows_and_no_predictions_is_perfect(tmp_path):
    p = tmp_path / "e.yaml"
    p.write_text(textwrap.dedent("""\
        doc: e.txt
        body_first: "A"
        body_last: "B"
        entities: []
        roles: []
        events: []
        claims: []
        must_not: []
    """), encoding="utf-8")
    g = load_gold(p)
    js = evaluate_extractions([g], [Extraction(article=Article(id="e", source="e", body="A B"))]).to_json()
    assert js["articles"]["e.txt"]["roles"]["f1"] == 1.0
    assert js["articles"]["e.txt"]["body"] == {"right": 1, "total": 1}


def test_contamination_searches_the_literals_of_the_graph(gold):
    from rdflib import Graph, Literal, URIRef

    from kg.evaluate.predicted import from_extraction
    from kg.evaluate.runner import graph_literals
    from kg.evaluate.score import score_article

    g = Graph()
    g.add((URIRef("urn:x:a"), URIRef("urn:x:caption"), Literal("Trụ sở Zenith Bureau", lang="vi")))
    g.add((URIRef("urn:x:Bergenhus"), URIRef("urn:x:n"), Literal(3)))  # an IRI is not a literal
    strings = graph_literals(g)
    assert "Trụ sở Zenith Bureau" in strings
    x = Extraction(article=Article(id="a", source="a.txt", body="Mở đầu, kết thúc."))
    assert score_article(gold, from_extraction(x, strings)).contamination == ["Zenith Bureau"]
    # without a graph, the extraction's own strings (here the body) are searched
    x.article.body = "Mở đầu ở Bergen, kết thúc."
    assert score_article(gold, from_extraction(x)).contamination == ["Bergen"]


def test_details_say_why_the_nearest_prediction_missed(gold):
    x = extraction("Mở đầu, kết thúc.")
    x.events = [Event("e1", "Meeting", "cuộc gặp", where="Bergen", when="2030-05-05", participants=["Alice_Ardent"])]
    x.claims = [Claim("c1", "Alice_Ardent", "nói", "assert", "giá vàng sẽ giảm", ev(), ev())]
    [a] = evaluate_extractions([gold], [x]).articles
    [missed_event] = a.details["events missed"]
    assert missed_event.endswith("(closest Meeting: wrong place)")
    [missed_claim] = a.details["claims missed"]
    # "giá", "sẽ" shared by 5 gold and 4 predicted syllables: F1 4/9, below the 0.5 threshold
    assert missed_claim.endswith("(closest F1 0.44: giá vàng sẽ giảm)")


def test_details_show_where_a_must_not_name_was_found(gold):
    [a] = evaluate_extractions([gold], [extraction("Mở đầu, kết thúc.")]).articles
    assert a.details["contamination"] == ["Bergen in 'Bergen'"]
