"""Roles, events and claims of the five seeds against their gold (FORMAT.md matching).

The seeds go through the whole pipeline once per session (test_roles_support);
the floors sit a little under what the extractors reach, so a regression in
any pattern shows here.
"""

from __future__ import annotations

import pytest
from test_roles_support import seed_extractions

from kg.evaluate.runner import evaluate_extractions


@pytest.fixture(scope="module")
def seeds():
    golds, xs = seed_extractions()
    return {g.doc: x for g, x in zip(golds, xs)}, evaluate_extractions(golds, xs).micro


def test_figures_on_the_seeds(seeds) -> None:
    _, micro = seeds
    # reached when written: roles 1.00, events 0.97, claims 1.00
    assert micro.prf["roles"].f1 >= 0.95
    assert micro.prf["events"].f1 >= 0.85
    assert micro.prf["claims"].f1 >= 0.95


def _label(x, eid):
    e = x.entities.get(eid) if eid else None
    return e.label if e else eid


def test_specific_roles(seeds) -> None:
    by_doc, _ = seeds
    rows = {
        doc: {(_label(x, r.person), r.predicate, _label(x, r.org)) for r in x.roles} for doc, x in by_doc.items()
    }
    assert ("Dmitry Peskov", "spokesperson_of", "Kremlin") in rows["000_4e6d4f8cfed23223.txt"]
    assert ("Anatoly Antonov", "ambassador_of", "Russia") in rows["001_c623d76d32b7e86d.txt"]
    assert ("Anatoly Antonov", "ambassador_to", "United States") in rows["001_c623d76d32b7e86d.txt"]
    assert ("Yuri Ushakov", "adviser_of", "Russia") in rows["004_bfa432a4eb39b96a.txt"]
    # "người đồng cấp Mỹ" after a president's title
    assert ("Donald Trump", "president_of", "United States") in rows["003_b6c83eeecc881ad1.txt"]


def test_specific_events(seeds) -> None:
    by_doc, _ = seeds
    x = by_doc["000_4e6d4f8cfed23223.txt"]
    summits = [e for e in x.events if e.type == "Summit"]
    assert len(summits) == 1  # mentioned four times, one event
    assert _label(x, summits[0].where) == "Geneva" and summits[0].when == "--06-16"
    x = by_doc["003_b6c83eeecc881ad1.txt"]
    talks = [e for e in x.events if e.type == "Negotiation"]
    # the talks in Jeddah are scheduled; the negated round in Saudi Arabia is not an event
    assert [(_label(x, e.where), e.when) for e in talks] == [("Jeddah", "--03-11")]


def test_specific_claims(seeds) -> None:
    by_doc, _ = seeds
    x = by_doc["004_bfa432a4eb39b96a.txt"]
    body = x.article.body
    for c in x.claims:
        assert body[c.content.start : c.content.end] == c.text
    speakers = {_label(x, c.speaker) for c in x.claims if c.cue == "bày tỏ"}
    assert speakers == {"Vladimir Putin", "Joe Biden"}  # coordinated speakers
    x = by_doc["002_0965331b62c00476.txt"]
    theo = [c for c in x.claims if c.cue == "Theo"]
    assert [_label(x, c.speaker) for c in theo] == ["Agence France-Presse"]


def test_figures_on_the_annotated_unc_articles() -> None:
    """Closer to unseen articles than the seeds; floors under what was reached
    (roles 0.88, events 0.85, claims 0.86 when written)."""
    from test_roles_support import unc_gold_extractions

    golds, xs = unc_gold_extractions()
    micro = evaluate_extractions(golds, xs).micro
    assert micro.prf["roles"].f1 >= 0.80
    assert micro.prf["events"].f1 >= 0.75
    assert micro.prf["claims"].f1 >= 0.78
