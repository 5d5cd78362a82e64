"""SHACL: the seeds' graph validates clean, and the shapes bite on broken graphs."""

from __future__ import annotations

from click.testing import CliRunner, Result
from rdflib import Literal, URIRef

from test_build_support import copy_seeds_store, sample_store, seeds_build

from kg.cli import cli
from kg.graph import namespaces as N
from kg.graph.namespaces import KG, KGD
from kg.graph.sample import summit_iri
from kg.graph.store import Store
from kg.graph.validate import validate_graph, validate_store


def _kg(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_hand_made_graph_conforms():
    report = validate_store(sample_store())
    assert report.conforms, [v.line() for v in report.violations]


def test_seeds_graph_conforms():
    out, _ = seeds_build()
    with Store(out / "store", read_only=True) as store:
        report = validate_store(store)
    assert report.conforms, [v.line() for v in report.violations[:20]]
    assert report.triples > 1000


def test_examples_graph_conforms(tmp_path, examples_dir):
    from kg.build import build

    with Store(tmp_path / "store") as store:
        summary = build([examples_dir], store=store, exports=False)
        assert summary.built >= 5 and not summary.failed
        report = validate_store(store)
    # one sample prints a date with no year: datePublished stays a partial date (xsd:gMonthDay)
    assert report.conforms, [v.line() for v in report.violations[:20]]


def test_shapes_bite_with_readable_lines():
    g = sample_store().union_graph()
    claim = next(g.subjects(N.RDF.type, KG.Claim))
    g.remove((claim, KG.speaker, None))  # a claim without speaker
    g.remove((claim, N.SDO.appearance, None))  # ... and without source article
    g.add((KGD.Kremlin, KG.spokesperson_of, KGD.Russia))  # a role edge from an organisation
    summit = URIRef(summit_iri())
    g.remove((summit, N.RDF.type, KG.Summit))  # an event without type
    ev = next(g.subjects(N.RDF.type, KG.Evidence))
    g.remove((ev, KG.startOffset, None))  # evidence without offsets
    g.add((KGD.Russia, N.SKOS.prefLabel, Literal("Nga", lang="en")))  # two prefLabels @en
    pair = next(g.subjects(N.RDF.type, KG.CoMention))
    g.remove((pair, KG.articleCount, None))
    g.add((pair, KG.articleCount, Literal(0)))  # a co-mention counted in no article
    report = validate_graph(g)
    assert not report.conforms
    lines = [v.line() for v in report.violations]
    text = "\n".join(lines)
    assert "Kremlin (kgd:Kremlin): the subject of a role edge must be a kg:Person" in text
    assert "[kg:speaker]" in text and "[schema:appearance]" in text
    assert f"Summit in Geneva (--06-16) (kge:{summit_iri().rsplit('/', 1)[1]}) [rdf:type]: an event needs one of the 16" in text
    assert "[kg:startOffset]" in text
    assert "Russia (kgd:Russia) [skos:prefLabel]" in text
    assert "[kg:articleCount]: a co-mention has one article count >= 1" in text
    assert all("\n" not in line for line in lines)


def test_cli_validate_exit_codes(tmp_path):
    out, _ = seeds_build()
    ok = _kg("validate", "--store", str(out / "store"))
    assert ok.exit_code == 0, ok.stderr
    assert ok.stdout.strip().endswith("conform to the shapes")

    broken = copy_seeds_store(tmp_path)
    with Store(broken) as store:  # break one claim: drop its speaker
        (row,) = store.select("SELECT ?c ?g WHERE { GRAPH ?g { ?c a kg:Claim } } ORDER BY ?c LIMIT 1")
        import pyoxigraph as ox
        for q in list(store.ox.quads_for_pattern(ox.NamedNode(str(row["c"])), ox.NamedNode(str(KG.speaker)), None, None)):
            store.ox.remove(q)
    bad = _kg("validate", "--store", str(broken))
    assert bad.exit_code == 1
    assert "[kg:speaker]: a claim needs exactly one speaker" in bad.stdout
    assert "invalid: 1 violations" in bad.stderr

    missing = _kg("validate", "--store", str(tmp_path / "none"))
    assert missing.exit_code == 2
    assert missing.stderr.startswith("kg: error:") and "no store here" in missing.stderr
    assert "Traceback" not in missing.stderr
