"""`kg eval` on the five seeds: the JSON shape scripts rely on, and the plain table.

Extraction quality numbers belong to the extractor tests; here the shape, the
arithmetic that holds whatever the extractors find (each P/R/F1 from its counts),
and the body check
(which depends on the reader alone) are asserted.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.evaluate import load_gold_dir
from kg.read import read_file

PRF = ("entities", "entities_typed", "roles", "events", "claims")
KEYS = {*PRF, "claim_dates", "contamination", "body"}


def _prf_of(c: dict) -> tuple[float, float, float]:
    """P, R, F1 from the counts, with score.py's rule for empty denominators."""
    tp, fp, fn = c["tp"], c["fp"], c["fn"]
    p = tp / (tp + fp) if tp + fp else (1.0 if tp + fn == 0 else 0.0)
    r = tp / (tp + fn) if tp + fn else (1.0 if tp + fp == 0 else 0.0)
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f1


def _check_figures(fig: dict) -> None:
    """Every figure is what its counts make it: P = tp/(tp+fp), R = tp/(tp+fn), F1 their harmonic mean."""
    assert KEYS <= fig.keys()
    assert {"location", "date", "participants"} == fig["event_args"].keys()
    for k, c in [*((k, fig[k]) for k in PRF), *fig["event_args"].items()]:
        assert all(isinstance(c[x], int) and c[x] >= 0 for x in ("tp", "fp", "fn")), k
        for x, want in zip(("p", "r", "f1"), _prf_of(c)):
            assert c[x] == pytest.approx(want, abs=5e-5), (k, x)
    # typed entity matches are a subset of untyped ones over the same gold and predicted rows
    e, t = fig["entities"], fig["entities_typed"]
    assert t["tp"] <= e["tp"] and t["tp"] + t["fn"] == e["tp"] + e["fn"] and t["tp"] + t["fp"] == e["tp"] + e["fp"]
    for k in ("claim_dates", "body"):
        assert set(fig[k]) == {"right", "total"}
        assert 0 <= fig[k]["right"] <= fig[k]["total"]
    assert fig["claim_dates"]["total"] == fig["claims"]["tp"]  # one date checked per matched claim
    assert isinstance(fig["contamination"], int) and fig["contamination"] >= 0


@pytest.fixture(scope="module")
def seeds_json(gold_dir, seeds_dir):
    # --details adds a "details" key per article and changes nothing else
    r = CliRunner().invoke(cli, ["eval", str(gold_dir), str(seeds_dir), "--json", "--details"])
    assert r.exit_code == 0, r.stderr
    return json.loads(r.stdout)  # stdout holds the JSON and nothing else


def test_json_shape(seeds_json, gold_dir):
    assert set(seeds_json) == {"micro", "articles"}
    docs = {g.doc for g in load_gold_dir(gold_dir)}
    assert set(seeds_json["articles"]) == docs
    _check_figures(seeds_json["micro"])
    for fig in seeds_json["articles"].values():
        _check_figures(fig)
        assert fig["body"]["total"] == 1


def test_micro_is_the_sum_of_the_articles(seeds_json, gold_dir):
    arts = seeds_json["articles"].values()
    micro = seeds_json["micro"]
    for k in PRF:
        for c in ("tp", "fp", "fn"):
            assert micro[k][c] == sum(a[k][c] for a in arts)
    golds = load_gold_dir(gold_dir)
    # every gold row is either found or missed, whatever the extractors do
    assert micro["entities"]["tp"] + micro["entities"]["fn"] == sum(len(g.entities) for g in golds)
    assert micro["claims"]["tp"] + micro["claims"]["fn"] == sum(len(g.claims) for g in golds)
    assert micro["claim_dates"]["total"] == micro["claims"]["tp"]
    assert micro["contamination"] == sum(a["contamination"] for a in arts)
    assert micro["body"]["total"] == len(golds)


def test_body_agrees_with_the_reader(seeds_json, gold_dir, seeds_dir):
    right = 0
    for g in load_gold_dir(gold_dir):
        [article] = read_file(seeds_dir / g.doc)
        body = " ".join(article.body.split())
        ok = body.startswith(" ".join(g.body_first.split())) and body.endswith(" ".join(g.body_last.split()))
        assert seeds_json["articles"][g.doc]["body"]["right"] == int(ok), g.doc
        right += ok
    assert seeds_json["micro"]["body"] == {"right": right, "total": 5}


def test_plain_output_ends_with_the_micro_summary(gold_dir, seeds_dir):
    r = CliRunner().invoke(cli, ["eval", str(gold_dir), str(seeds_dir)])
    assert r.exit_code == 0, r.stderr
    tail = r.stdout.rstrip().splitlines()[-25:]
    text = "\n".join(tail)
    assert "micro-averaged over 5 articles" in text
    for label in ("entities (typed)", "roles", "events", "event participants", "claims", "contamination"):
        assert label in text


def test_details_list_the_missed_gold_rows(seeds_json, gold_dir):
    js = seeds_json
    for g in load_gold_dir(gold_dir):
        art = js["articles"][g.doc]
        d = art["details"]
        assert len(d["entities missed"]) == art["entities"]["fn"]
        assert len(d["entities false"]) == art["entities"]["fp"]
        assert len(d["claims missed"]) == art["claims"]["fn"]
        assert len(d["roles false"]) == art["roles"]["fp"]
