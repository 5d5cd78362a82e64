"""kg export: every format re-parses to the same triples/quads/edges; writes are atomic."""

from __future__ import annotations

import errno
import json
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph
from test_query_support import build_sample_store, write_sample_store

from kg.cli import cli
from kg.errors import KgError
from kg.export import rdf_text
from kg.export.formats import EXPORT_FORMATS
from kg.export.graphml import flatten, scalar
from kg.export.jsonld import project_context, serialize_jsonld
from kg.export.serialize import default_export_path, write_export
from kg.graph.namespaces import KG, KGD
from kg.graph.terms import from_ox
from kg.graph.view import to_networkx
from kg.query import open_store


@pytest.fixture(scope="module")
def store():
    s = build_sample_store(None)
    yield s
    s.close()


def store_quads(store) -> set[tuple]:
    return {(from_ox(q.subject), from_ox(q.predicate), from_ox(q.object),
             None if isinstance(q.graph_name, ox.DefaultGraph) else from_ox(q.graph_name)) for q in store.ox}


def union_triples(store) -> set[tuple]:
    return {(s, p, o) for s, p, o, _g in store_quads(store)}


def dataset_quads(ds: Dataset) -> set[tuple]:
    return {(s, p, o, g) for s, p, o, g in ds.quads((None, None, None, None))}


def test_every_registered_format_has_a_round_trip_test() -> None:
    assert set(EXPORT_FORMATS.names()) == {"turtle", "nt", "trig", "nq", "jsonld", "graphml"}


@pytest.mark.parametrize("fmt, rdflib_format", [("turtle", "turtle"), ("nt", "nt")])
def test_single_graph_formats_hold_the_union_of_all_graphs(store, tmp_path: Path, fmt: str, rdflib_format: str) -> None:
    path = write_export(store, fmt, tmp_path / f"graph.{fmt}")
    g = Graph().parse(path, format=rdflib_format)
    expected = union_triples(store)
    assert len(expected) < len(store)  # the two articles share triples (labels…): the union is smaller
    assert len(g) == len(expected)
    assert set(g) == expected


@pytest.mark.parametrize("fmt, rdflib_format", [("trig", "trig"), ("nq", "nquads"), ("jsonld", "json-ld")])
def test_dataset_formats_keep_every_named_graph(store, tmp_path: Path, fmt: str, rdflib_format: str) -> None:
    path = write_export(store, fmt, tmp_path / f"graph.{fmt}")
    ds = Dataset()
    ds.parse(path, format=rdflib_format)
    quads = dataset_quads(ds)
    assert len(quads) == len(store)
    assert quads == store_quads(store)
    graphs = {g for *_t, g in quads}
    assert {str(g).rsplit("/", 1)[-1] for g in graphs} == {
        "ontology", "entities", "co-mentions", "summaries", "000_4e6d4f8cfed23223", "004_bfa432a4eb39b96a"}


def test_graphml_round_trips_nodes_edges_and_scalar_attributes(store, tmp_path: Path) -> None:
    expected = to_networkx(store)
    path = write_export(store, "graphml", tmp_path / "graph.graphml")
    g = nx.read_graphml(path, force_multigraph=True)
    assert g.number_of_edges() == expected.number_of_edges() > 0
    assert g.number_of_nodes() == expected.number_of_nodes()
    peskov = g.nodes[str(KGD.Dmitry_Peskov)]
    assert peskov["label"] == "Dmitry Peskov" and peskov["type"] == "Person"
    assert g.nodes[str(KGD.Kremlin)]["label_vi"] == "Điện Kremlin"
    assert any(k == "spokesperson_of" for _u, _v, k in g.edges(str(KGD.Dmitry_Peskov), keys=True))
    for _n, attrs in g.nodes(data=True):
        assert all(isinstance(v, (str, int, float, bool)) for v in attrs.values())
    evidence = json.loads(peskov["evidence"])  # list of dicts -> JSON text, still readable
    assert evidence and all("article" in e for e in evidence)


def test_scalar_flattening() -> None:
    assert scalar(["Peskov", "Dmitry Peskov"]) == "Peskov; Dmitry Peskov"
    assert scalar({"b", "a"}) == "a; b"
    assert json.loads(scalar([{"article": "a1", "start": 3}])) == [{"article": "a1", "start": 3}]
    assert scalar({"x": "Điện"}) == '{"x": "Điện"}'
    assert scalar(None) is None and scalar(3) == 3 and scalar("s") == "s"
    g = nx.MultiDiGraph()
    g.add_node("n", label="N", aliases=["a", "b"], label_vi=None)
    g.add_edge("n", "m", key="said", articles=["a1"])
    flat = flatten(g)
    assert flat.nodes["n"] == {"label": "N", "aliases": "a; b"}
    assert flat.edges["n", "m", "said"] == {"articles": "a1"}


def test_turtle_declares_the_project_prefixes(store, tmp_path: Path) -> None:
    text = write_export(store, "turtle", tmp_path / "g.ttl").read_text(encoding="utf-8")
    assert "@prefix kgd: <https://w3id.org/kg-vn/id/> ." in text
    assert "kgd:Dmitry_Peskov kg:spokesperson_of kgd:Kremlin" in text or (
        "kgd:Dmitry_Peskov" in text and "kg:spokesperson_of kgd:Kremlin" in text
    )
    assert "<https://w3id.org/kg-vn/id/Dmitry_Peskov>" not in text


def test_jsonld_keeps_vietnamese_as_utf8(store, tmp_path: Path) -> None:
    raw = write_export(store, "jsonld", tmp_path / "g.jsonld").read_bytes()
    text = raw.decode("utf-8")
    assert "Điện Kremlin" in text
    assert "\\u" not in text
    doc = json.loads(text)
    assert doc["@context"] == project_context()
    assert '"kgd:Dmitry_Peskov"' in text  # compacted with the context


def test_jsonld_with_a_minimal_context(store) -> None:
    context = {"kgd": str(KGD), "kg": str(KG), "label": {"@id": "http://www.w3.org/2000/01/rdf-schema#label"}}
    text = serialize_jsonld(store.ox, context=context).decode("utf-8")
    doc = json.loads(text)
    assert doc["@context"] == context
    assert '"kg:spokesperson_of"' in text
    ds = Dataset()
    ds.parse(data=text, format="json-ld")  # the context is inline: nothing to fetch
    assert dataset_quads(ds) == store_quads(store)


def test_jsonld_context_file_is_read_from_disk(tmp_path: Path) -> None:
    path = tmp_path / "context.jsonld"
    path.write_text(json.dumps({"@context": {"kgd": str(KGD), "name": "https://schema.org/name"}}), encoding="utf-8")
    assert project_context(path) == {"kgd": str(KGD), "name": "https://schema.org/name"}
    path.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(KgError, match="context"):
        project_context(path)


def test_failed_export_leaves_the_previous_file_intact(store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "graph.ttl"
    target.write_text("previous export\n", encoding="utf-8")
    real = rdf_text.union_triples

    def fails_midway(s):
        for n, t in enumerate(real(s)):
            if n == 50:
                raise OSError(errno.ENOSPC, "No space left on device")
            yield t

    monkeypatch.setattr(rdf_text, "union_triples", fails_midway)
    with pytest.raises(KgError, match="graph.ttl: cannot write the turtle export: No space left on device"):
        write_export(store, "turtle", target)
    assert target.read_text(encoding="utf-8") == "previous export\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.ttl"]  # no temp file left behind

    monkeypatch.setattr(rdf_text, "union_triples", real)
    write_export(store, "turtle", target)
    assert len(Graph().parse(target, format="turtle")) == len(union_triples(store))


def test_write_export_accepts_aliases_and_names_unknown_formats(store, tmp_path: Path) -> None:
    assert write_export(store, "ttl", tmp_path / "a.ttl").is_file()
    with pytest.raises(KgError, match=r"unknown export format 'rdfxml' \(known: ") as err:
        write_export(store, "rdfxml", tmp_path / "a.rdf")
    assert all(name in str(err.value) for name in EXPORT_FORMATS.names())
    assert not (tmp_path / "a.rdf").exists()
    assert default_export_path("jsonld") == Path("exports/graph.jsonld")


# -- the command ---------------------------------------------------------------

@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_sample_store(tmp_path_factory.mktemp("kge") / "store")


def test_cli_default_file_is_exports_graph_ext(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("KG_STORE", raising=False)
    store = write_sample_store(tmp_path / "exports" / "store")  # where `kg build` puts it by default
    r = CliRunner().invoke(cli, ["export", "--format", "trig"])
    assert r.exit_code == 0, r.output
    assert "wrote " in r.stderr and "exports/graph.trig" in r.stderr
    ds = Dataset()
    ds.parse(tmp_path / "exports" / "graph.trig", format="trig")
    with open_store(store) as s:
        assert dataset_quads(ds) == store_quads(s)


def test_cli_default_file_is_beside_the_given_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = write_sample_store(tmp_path / "out" / "store")
    monkeypatch.chdir(tmp_path)
    r = CliRunner().invoke(cli, ["export", "--store", str(store), "--format", "nt"])
    assert r.exit_code == 0, r.output
    assert (tmp_path / "out" / "graph.nt").is_file() and not (tmp_path / "exports").exists()


def test_cli_stdout(store_dir: Path) -> None:
    r = CliRunner().invoke(cli, ["export", "--store", str(store_dir), "--format", "jsonld", "-o", "-"])
    assert r.exit_code == 0, r.output
    assert "Điện Kremlin" in r.stdout and "\\u" not in r.stdout
    json.loads(r.stdout)


def test_cli_missing_store(tmp_path: Path) -> None:
    r = CliRunner().invoke(cli, ["export", "--store", str(tmp_path / "none"), "-o", str(tmp_path / "x.ttl")])
    assert r.exit_code == 2 and "no store here" in r.stderr
    assert not (tmp_path / "x.ttl").exists()


def test_jsonld_is_the_same_file_whatever_the_hash_seed(store_dir: Path, tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"g{seed}.jsonld"
        subprocess.run(
            [sys.executable, "-c", "from kg.cli import main; main()", "export", "--store", str(store_dir),
             "--format", "jsonld", "-o", str(out)],
            check=True, capture_output=True, timeout=120, env={**os.environ, "PYTHONHASHSEED": seed},
        )
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]


def test_canonical_order_keeps_rdf_lists() -> None:
    from kg.export.jsonld import _canonical_order

    doc = {"@graph": [{"@id": "b", "p": [{"@id": "z"}, {"@id": "y"}], "l": {"@list": [3, 1, 2]}}, {"@id": "a"}]}
    assert _canonical_order(doc) == {
        "@graph": [{"@id": "a"}, {"@id": "b", "p": [{"@id": "y"}, {"@id": "z"}], "l": {"@list": [3, 1, 2]}}]
    }
