"""kg query: inline, file and named queries; output formats; refusals; errors."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph
from test_query_support import build_sample_store, write_sample_store

from kg.cli import cli
from kg.errors import QueryError
from kg.graph.namespaces import KG, KGD
from kg.graph.sample import summit_iri
from kg.query import canned
from kg.query.guard import is_update
from kg.query.runner import run_query

SPOKESPERSONS = "SELECT ?person ?org WHERE { ?person kg:spokesperson_of ?org } ORDER BY ?person"


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_sample_store(tmp_path_factory.mktemp("kgq") / "store")


def kg(*args: str, input: str | None = None):
    result = CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)
    return result


def quad_count(store_dir: Path) -> int:
    from kg.graph.store import Store

    with Store(store_dir, read_only=True) as s:
        return len(s)


# -- sources of the query ------------------------------------------------------

def test_inline_query_prints_a_table_with_prefixed_names(store_dir: Path) -> None:
    r = kg("query", "--store", str(store_dir), SPOKESPERSONS)
    assert r.exit_code == 0, r.output
    assert "kgd:Dmitry_Peskov" in r.stdout and "kgd:Kremlin" in r.stdout
    assert "kgd:Jen_Psaki" in r.stdout and "kgd:White_House" in r.stdout
    assert "2 rows" in r.stdout


def test_query_from_file(store_dir: Path, tmp_path: Path) -> None:
    q = tmp_path / "q.rq"
    q.write_text("# who speaks for whom\n" + SPOKESPERSONS, encoding="utf-8-sig")  # with a BOM, as some editors save
    r = kg("query", "--store", str(store_dir), "-f", str(q), "--format", "csv")
    assert r.exit_code == 0, r.output
    rows = list(csv.reader(io.StringIO(r.stdout)))
    assert rows[0] == ["person", "org"]
    assert rows[1:] == [
        [str(KGD.Dmitry_Peskov), str(KGD.Kremlin)],
        [str(KGD.Jen_Psaki), str(KGD.White_House)],
    ]


def test_query_from_stdin(store_dir: Path) -> None:
    r = kg("query", "--store", str(store_dir), "-f", "-", "--format", "tsv", input=SPOKESPERSONS)
    assert r.exit_code == 0, r.output
    lines = r.stdout.strip().splitlines()
    assert lines[0] == "?person\t?org"
    assert lines[1] == f"<{KGD.Dmitry_Peskov}>\t<{KGD.Kremlin}>"


@pytest.fixture
def queries_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "queries"
    folder.mkdir()
    (folder / "spokespersons.rq").write_text("# Who speaks for which organisation\n\n" + SPOKESPERSONS, encoding="utf-8")
    (folder / "summits.rq").write_text(
        "# Summits and where they were held\nSELECT ?e ?place WHERE { ?e a kg:Summit ; kg:held_in ?place }",
        encoding="utf-8",
    )
    monkeypatch.setattr(canned, "queries_dir", lambda: folder)
    return folder


def test_named_query_and_list(store_dir: Path, queries_dir: Path) -> None:
    r = kg("query", "--list")
    assert r.exit_code == 0
    lines = r.stdout.splitlines()
    assert lines[0].split(None, 1) == ["spokespersons", "Who speaks for which organisation"]
    assert lines[1].split(None, 1) == ["summits", "Summits and where they were held"]

    r = kg("query", "--store", str(store_dir), "--name", "summits", "--format", "json")
    assert r.exit_code == 0, r.output
    doc = json.loads(r.stdout)
    assert [(b["e"]["value"], b["place"]["value"]) for b in doc["results"]["bindings"]] == [
        (summit_iri(), str(KGD.Geneva))
    ]


def test_unknown_name_lists_the_known_ones(store_dir: Path, queries_dir: Path) -> None:
    r = kg("query", "--store", str(store_dir), "--name", "nope")
    assert r.exit_code == 2
    assert "no canned query named 'nope'" in r.stderr
    assert "spokespersons, summits" in r.stderr
    assert "Traceback" not in r.output


def test_exactly_one_query_source(store_dir: Path) -> None:
    r = kg("query", "--store", str(store_dir))
    assert r.exit_code == 2 and "exactly one of" in r.stderr


# What each shipped query must answer on the sample store (kg/graph/sample.py: seeds 000 and 004 by hand),
# as tuples of the named columns (labels, not IRIs). An empty or partial answer fails.
CANNED_ANSWERS: dict[str, tuple[tuple[str, ...], set[tuple[str, ...]]]] = {
    "spokespersons": (("personLabel", "orgLabel", "articles"),
                      {("Dmitry Peskov", "Kremlin", "1"), ("Jen Psaki", "White House", "1")}),
    "roles-of-person": (("personLabel", "role", "orgLabel", "titles"), {
        ("Antony Blinken", "foreign_minister_of", "United States", "Ngoại trưởng Mỹ"),
        ("Dmitry Peskov", "spokesperson_of", "Kremlin", "người phát ngôn Điện Kremlin"),
        ("Jen Psaki", "spokesperson_of", "White House", "người phát ngôn Nhà Trắng"),
        ("Joe Biden", "president_of", "United States", "Tổng thống Mỹ"),
        ("Vladimir Putin", "president_of", "", "Tổng thống"),
        ("Vladimir Putin", "president_of", "Russia", "người đồng cấp Nga"),
        ("Yuri Ushakov", "adviser_of", "Russia", "Cố vấn đối ngoại Nga")}),
    "who-met-whom": (("aLabel", "bLabel", "type", "when", "placeLabel"), {
        ("Joe Biden", "Vladimir Putin", "Summit", "--06-16", "Geneva"),
        ("Joe Biden", "Vladimir Putin", "PhoneCall", "2021-12-31", "")}),
    "events-by-place": (("placeLabel", "type", "when", "articles"), {
        ("Geneva", "Summit", "--06-16", "1"), ("", "Interview", "--06-29", "1"), ("", "PhoneCall", "2021-12-31", "1")}),
    "who-said-what": (("speakerLabel", "when", "cue", "stance"), {
        ("Antony Blinken", "--06-29", "nói rằng", "assess"), ("Dmitry Peskov", "--06-29", "cho biết", "assert"),
        ("Joe Biden", "2021-12-31", "cảnh báo", "warn"), ("Yuri Ushakov", "2021-12-31", "cho biết", "assert")}),
}


def _answer(store_dir: Path, name: str) -> list[dict[str, str]]:
    r = kg("query", "--store", str(store_dir), "--name", name, "--format", "json")
    assert r.exit_code == 0, f"{name}: {r.stderr}"
    return [{k: v["value"] for k, v in b.items()} for b in json.loads(r.stdout)["results"]["bindings"]]


def test_shipped_canned_queries_run_on_the_sample_store(store_dir: Path) -> None:
    from kg.graph.sample import seed_000, seed_004

    shipped = {q.name: q for q in canned.canned_queries()}
    assert set(shipped) == {*CANNED_ANSWERS, "co-mentioned", "article-assertions"}, "a query without expected rows"
    for name, q in shipped.items():
        assert q.description, f"{q.path} has no first-line comment"
        rows = _answer(store_dir, name)
        assert rows, f"{name}: no rows"
        if name in CANNED_ANSWERS:
            cols, expected = CANNED_ANSWERS[name]
            got = [tuple(row.get(c, "") for c in cols) for row in rows]
            assert len(got) == len(set(got)), f"{name}: duplicate rows"
            assert set(got) == expected, name
    # co-mentions: the four actors both articles name make six pairs counted twice; no pair counted zero
    pairs = {(r["aLabel"], r["bLabel"]): int(r["articles"]) for r in _answer(store_dir, "co-mentioned")}
    both = sorted(["Joe Biden", "Russia", "United States", "Vladimir Putin"])
    assert {p for p, n in pairs.items() if n == 2} == {(a, b) for i, a in enumerate(both) for b in both[i + 1 :]}
    assert min(pairs.values()) == 1
    # article assertions: every role, event and claim of each article (an event has a row per participant)
    statements: dict[tuple[str, str], set[str]] = {}
    for r in _answer(store_dir, "article-assertions"):
        statements.setdefault((r["article"].rsplit("/", 1)[1], r["kind"]), set()).add(r["statement"])
    kinds = {k: len(v) for k, v in statements.items()}
    for x in (seed_000(), seed_004()):
        for kind, facts in (("role", x.roles), ("event", x.events), ("claim", x.claims)):
            assert kinds.get((x.article.id, kind), 0) == len(facts), (x.article.id, kind)


# -- output formats ------------------------------------------------------------

def test_json_is_sparql_results_json(store_dir: Path) -> None:
    r = kg("query", "--store", str(store_dir), "--format", "json", SPOKESPERSONS)
    doc = json.loads(r.stdout)
    assert doc["head"]["vars"] == ["person", "org"]
    first = doc["results"]["bindings"][0]
    assert first["person"] == {"type": "uri", "value": str(KGD.Dmitry_Peskov)}


def test_xml_results(store_dir: Path) -> None:
    r = kg("query", "--store", str(store_dir), "--format", "xml", SPOKESPERSONS)
    ns = {"s": "http://www.w3.org/2005/sparql-results#"}
    root = ET.fromstring(r.stdout_bytes)
    uris = [u.text for u in root.findall(".//s:result/s:binding[@name='person']/s:uri", ns)]
    assert uris == [str(KGD.Dmitry_Peskov), str(KGD.Jen_Psaki)]


def test_literals_keep_vietnamese_in_every_format(store_dir: Path) -> None:
    q = 'SELECT ?l WHERE { kgd:Kremlin skos:prefLabel|rdfs:label|schema:name ?l FILTER(lang(?l) = "vi") }'
    for fmt in ("table", "csv", "tsv", "json", "xml"):
        r = kg("query", "--store", str(store_dir), "--format", fmt, q)
        assert r.exit_code == 0, r.output
        assert "Điện Kremlin" in r.stdout, fmt


def test_ask(store_dir: Path) -> None:
    r = kg("query", "--store", str(store_dir), "ASK { kgd:Dmitry_Peskov kg:spokesperson_of kgd:Kremlin }")
    assert r.stdout.strip() == "true"
    r = kg("query", "--store", str(store_dir), "--format", "json", "ASK { kgd:Kremlin kg:spokesperson_of ?x }")
    assert json.loads(r.stdout) == {"head": {}, "boolean": False}


def test_construct_prints_turtle_or_jsonld(store_dir: Path) -> None:
    q = "CONSTRUCT { ?p kg:spokesperson_of ?o } WHERE { ?p kg:spokesperson_of ?o }"
    r = kg("query", "--store", str(store_dir), q)
    assert r.exit_code == 0, r.output
    assert "kgd:Dmitry_Peskov kg:spokesperson_of kgd:Kremlin" in r.stdout
    g = Graph().parse(data=r.stdout, format="turtle")
    assert set(g) == {
        (KGD.Dmitry_Peskov, KG.spokesperson_of, KGD.Kremlin),
        (KGD.Jen_Psaki, KG.spokesperson_of, KGD.White_House),
    }
    r = kg("query", "--store", str(store_dir), "--format", "json", q)
    assert len(Graph().parse(data=r.stdout, format="json-ld")) == 2
    r = kg("query", "--store", str(store_dir), "--format", "csv", q)
    assert r.exit_code == 2 and "has no CSV form" in r.stderr


def test_default_graph_is_the_union_of_article_graphs(store_dir: Path) -> None:
    # Peskov is in article 000's graph, Psaki in 004's: one query without GRAPH sees both.
    r = kg("query", "--store", str(store_dir), "--format", "csv",
           "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?p kg:spokesperson_of ?o } }")
    assert r.stdout.splitlines()[1] == "2"


def test_user_prefix_declaration_wins(store_dir: Path) -> None:
    q = "PREFIX kg: <http://example.org/other#> ASK { ?p kg:spokesperson_of ?o }"
    assert kg("query", "--store", str(store_dir), q).stdout.strip() == "false"


# -- refusals and errors -------------------------------------------------------

UPDATES = [
    "INSERT DATA { kgd:X kg:spokesperson_of kgd:Kremlin }",
    "# SELECT * WHERE { ?s ?p ?o }\ninsert data { kgd:X kg:spokesperson_of kgd:Kremlin }",
    "PREFIX ex: <http://example.org/>\n  delete where { ?s ?p ?o }",
    "DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
    "LOAD <http://example.org/data.ttl>",
    "clear all",
    "DROP GRAPH <https://w3id.org/kg-vn/graph/ontology>",
    "CREATE GRAPH <http://example.org/g>",
    "ADD DEFAULT TO <http://example.org/g> ; CLEAR DEFAULT",
]


@pytest.mark.parametrize("update", UPDATES)
def test_updates_are_refused_and_nothing_changes(store_dir: Path, update: str) -> None:
    before = quad_count(store_dir)
    r = kg("query", "--store", str(store_dir), update)
    assert r.exit_code == 2
    assert r.stderr.startswith("kg: error: refused: this is a SPARQL UPDATE")
    assert len(r.stderr.strip().splitlines()) == 1
    assert quad_count(store_dir) == before


def test_an_update_in_a_comment_does_not_refuse_a_query(store_dir: Path) -> None:
    r = kg("query", "--store", str(store_dir), "# INSERT DATA { <a> <b> <c> }\n" + SPOKESPERSONS)
    assert r.exit_code == 0 and "kgd:Dmitry_Peskov" in r.stdout


def test_is_update_parses_rather_than_greps() -> None:
    assert is_update("insert data { <http://a> <http://b> <http://c> }")
    assert is_update("# nothing to see\nCLEAR SILENT GRAPH <http://g>")
    assert not is_update("SELECT ?insert WHERE { ?insert <http://p> 'DELETE' }")
    assert not is_update("# INSERT DATA { <http://a> <http://b> <http://c> }\nASK {}")
    assert not is_update("")  # empty Update grammar, but not a request to write anything
    assert not is_update("PREFIX kg: <http://x/>")


def test_syntax_error_shows_line_and_column(store_dir: Path) -> None:
    r = kg("query", "--store", str(store_dir), "SELECT ?s WHERE {\n  ?s kg:said }")
    assert r.exit_code == 2
    assert r.stderr.startswith("kg: error: SPARQL syntax error at line 2, column ")
    assert len(r.stderr.strip().splitlines()) == 1
    assert "Traceback" not in r.output


def test_run_query_raises_query_error_for_a_typo() -> None:
    store = build_sample_store(None)
    with pytest.raises(QueryError, match=r"line 1, column \d+"):
        run_query(store, "SELEC ?x WHERE { ?x ?y ?z }")


def test_missing_store_is_one_line(tmp_path: Path) -> None:
    r = kg("query", "--store", str(tmp_path / "nowhere"), SPOKESPERSONS)
    assert r.exit_code == 2
    assert "no store here" in r.stderr and "Traceback" not in r.output


def test_default_store_comes_from_kg_store_env(store_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KG_STORE", str(store_dir))
    r = kg("query", "ASK { kgd:Dmitry_Peskov kg:spokesperson_of kgd:Kremlin }")
    assert r.stdout.strip() == "true"


def test_query_reads_while_a_writer_holds_the_store(tmp_path: Path) -> None:
    from kg.graph.store import Store

    path = write_sample_store(tmp_path / "store")
    writer = Store(path)  # what a running `kg build` holds: the read-write lock
    try:
        r = kg("query", "--store", str(path), "ASK { kgd:Jen_Psaki kg:spokesperson_of kgd:White_House }")
        assert r.exit_code == 0, r.output
        assert r.stdout.strip() == "true"
    finally:
        writer.close()


def test_runner_accepts_a_bare_pyoxigraph_store() -> None:
    import pyoxigraph as ox

    s = ox.Store()
    s.add(ox.Quad(ox.NamedNode(str(KGD.A)), ox.NamedNode(str(KG.member_of)), ox.NamedNode(str(KGD.B)),
                  ox.NamedNode("https://w3id.org/kg-vn/graph/x")))
    result = run_query(s, "SELECT ?a WHERE { ?a kg:member_of kgd:B }")
    assert [row["a"].value for row in result.raw] == [str(KGD.A)]


def test_syntax_error_names_an_undeclared_prefix(store_dir: Path) -> None:
    r = kg("query", "--store", str(store_dir), 'SELECT ?s WHERE { ?s foaf:name "kg:x" } # dc:title')
    assert r.exit_code == 2
    assert r.stderr.rstrip().endswith("(undeclared prefix foaf:)")


def test_bind_gives_a_canned_query_its_parameter(store_dir: Path) -> None:
    r = kg("query", "--store", str(store_dir), "--name", "roles-of-person", "--format", "csv",
           "--bind", "person=kgd:Dmitry_Peskov")
    assert r.exit_code == 0, r.output
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert {row["person"] for row in rows} == {str(KGD.Dmitry_Peskov)}
    assert any(row["org"] == str(KGD.Kremlin) for row in rows)


def test_bound_text_is_a_value_not_syntax(store_dir: Path) -> None:
    # A value that looks like SPARQL stays one literal: it cannot close the query and add a pattern.
    q = "SELECT ?l WHERE { ?x rdfs:label ?l }"
    r = kg("query", "--store", str(store_dir), "--format", "csv", q, "--bind", 'l=x" } UNION { ?a ?b ?c')
    assert r.exit_code == 0, r.output
    assert r.stdout.strip().splitlines() == ["l"]
    r = kg("query", "--store", str(store_dir), "--format", "csv", q, "--bind", 'l="Điện Kremlin"@vi')
    assert r.stdout.strip().splitlines() == ["l", "Điện Kremlin"]


def test_bind_errors_are_one_line(store_dir: Path) -> None:
    r = kg("query", "--store", str(store_dir), "SELECT ?s WHERE { ?s ?p ?o }", "--bind", "nope=1")
    assert r.exit_code == 2 and "cannot bind" in r.stderr and "Traceback" not in r.output
    r = kg("query", "--store", str(store_dir), "SELECT ?s WHERE { ?s ?p ?o }", "--bind", "no equals")
    assert r.exit_code == 2 and "expected NAME=VALUE" in r.stderr


def test_service_is_refused_before_any_network_access(store_dir: Path) -> None:
    import socket

    with socket.socket() as srv:  # a loopback endpoint: it must never see a connection
        srv.bind(("127.0.0.1", 0))
        srv.listen()
        srv.settimeout(0.5)
        port = srv.getsockname()[1]
        for q in (f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}",
                  f"select * where {{ ?s ?p ?o . service silent <http://127.0.0.1:{port}/> {{ ?s ?p ?x }} }}"):
            r = kg("query", "--store", str(store_dir), q)
            assert r.exit_code == 2
            assert r.stderr.startswith("kg: error: refused: SERVICE") and len(r.stderr.strip().splitlines()) == 1
        with pytest.raises(socket.timeout):
            srv.accept()


def test_service_is_judged_as_a_keyword_not_as_text() -> None:
    from kg.query.guard import refuse_service

    for ok in ('SELECT ?service WHERE { ?service <http://x/SERVICE> "SERVICE" }  # SERVICE',
               "PREFIX service: <http://x/> SELECT * WHERE { ?s service:p ?o . ?s kg:SERVICE ?o }"):
        refuse_service(ok)  # no error
    with pytest.raises(QueryError, match="SERVICE"):
        refuse_service("SELECT * WHERE {\n  SERVICE\t<http://x/> { ?s ?p ?o } }")
