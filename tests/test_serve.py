"""kg serve: a read-only SPARQL 1.1 endpoint on loopback, queried with SPARQLWrapper."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph
from SPARQLWrapper import CSV, GET, JSON, JSONLD, POST, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed
from test_query_support import write_sample_store

from kg.cli import cli
from kg.graph.namespaces import KG, KGD
from kg.query.endpoint import ServerConfig, bind_address, is_loopback

READY_WITHIN = 30.0  # seconds: an upper bound for the server to answer, not a speed assertion
SPOKESPERSONS = (
    "PREFIX kg: <https://w3id.org/kg-vn/ontology#>\n"
    "SELECT ?person ?org WHERE { ?person kg:spokesperson_of ?org } ORDER BY ?person"
)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url + "?" + urllib.parse.urlencode({"query": "ASK {}"}), timeout=2) as r:
            return r.status == 200
    except (urllib.error.URLError, OSError):
        return False


class Served:
    def __init__(self, proc: subprocess.Popen, url: str, port: int, log: Path) -> None:
        self.proc, self.url, self.port, self.log = proc, url, port, log

    def stop(self) -> int:
        """Ctrl-C to `kg serve` only (not its group): it must forward it to the server."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
        return self.proc.wait(timeout=30)

    def kill(self) -> None:
        """Kill whatever is left of the session it started: kg serve and its server."""
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)  # the group outlives its leader while members live
        except ProcessLookupError:
            pass
        self.proc.wait(timeout=30)


def _ignore_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def start(store: Path, tmp: Path, *extra: str, sigint_ignored: bool = False) -> Served:
    """Start `kg serve`; ``sigint_ignored`` starts it as a shell starts a background job."""
    port = free_port()
    log = tmp / f"serve-{port}.log"
    with open(log, "wb") as err:
        proc = subprocess.Popen(
            [sys.executable, "-c", "from kg.cli import main; main()", "serve", "--store", str(store),
             "--host", "127.0.0.1", "--port", str(port), *extra],
            stdout=subprocess.DEVNULL, stderr=err, start_new_session=True,
            preexec_fn=_ignore_sigint if sigint_ignored else None,
        )
    served = Served(proc, f"http://127.0.0.1:{port}/query", port, log)
    deadline = time.monotonic() + READY_WITHIN
    while not answers(served.url):
        if proc.poll() is not None or time.monotonic() > deadline:
            served.kill()
            pytest.fail(f"kg serve did not come up: {log.read_text(errors='replace')}")
        time.sleep(0.1)
    return served


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_sample_store(tmp_path_factory.mktemp("kgs") / "store")


@pytest.fixture(scope="module")
def server(store_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    served = start(store_dir, tmp_path_factory.mktemp("log"), "--timeout", "2")
    try:
        yield served
    finally:
        served.kill()


def client(url: str, query: str, fmt: str, method: str = GET) -> SPARQLWrapper:
    sw = SPARQLWrapper(url)
    sw.setQuery(query)
    sw.setReturnFormat(fmt)
    sw.setMethod(method)
    sw.setTimeout(60)
    return sw


@pytest.mark.parametrize("method", [GET, POST])
def test_select_as_json(server: Served, method: str) -> None:
    doc = client(server.url, SPOKESPERSONS, JSON, method).query().convert()
    assert doc["head"]["vars"] == ["person", "org"]
    assert [(b["person"]["value"], b["org"]["value"]) for b in doc["results"]["bindings"]] == [
        (str(KGD.Dmitry_Peskov), str(KGD.Kremlin)),
        (str(KGD.Jen_Psaki), str(KGD.White_House)),
    ]


def test_select_as_xml(server: Served) -> None:
    dom = client(server.url, SPOKESPERSONS, XML).query().convert()
    uris = [u.firstChild.data for u in dom.getElementsByTagName("uri")]
    assert uris == [str(KGD.Dmitry_Peskov), str(KGD.Kremlin), str(KGD.Jen_Psaki), str(KGD.White_House)]


def test_select_as_csv(server: Served) -> None:
    text = client(server.url, SPOKESPERSONS, CSV).query().convert().decode("utf-8")
    assert text.splitlines() == [
        "person,org", f"{KGD.Dmitry_Peskov},{KGD.Kremlin}", f"{KGD.Jen_Psaki},{KGD.White_House}",
    ]


def test_the_default_graph_is_the_union_of_article_graphs(server: Served) -> None:
    # the two spokesperson edges live in two different article graphs: both seen without GRAPH
    q = "SELECT (COUNT(*) AS ?n) WHERE { ?p <https://w3id.org/kg-vn/ontology#spokesperson_of> ?o }"
    doc = client(server.url, q, JSON).query().convert()
    assert doc["results"]["bindings"][0]["n"]["value"] == "2"


def test_construct_as_turtle_and_jsonld(server: Served) -> None:
    q = ("PREFIX kg: <https://w3id.org/kg-vn/ontology#>\n"
         "CONSTRUCT { ?p kg:spokesperson_of ?o ; <http://www.w3.org/2000/01/rdf-schema#label> ?l } "
         "WHERE { ?p kg:spokesperson_of ?o OPTIONAL { ?o <http://www.w3.org/2000/01/rdf-schema#label> ?l } }")
    turtle = client(server.url, q, TURTLE).query()
    assert turtle.response.headers["Content-Type"].startswith("text/turtle")
    g = Graph().parse(data=turtle.convert(), format="turtle")
    assert (KGD.Dmitry_Peskov, KG.spokesperson_of, KGD.Kremlin) in g
    assert len(set(g.subject_objects(KG.spokesperson_of))) == 2

    jsonld = client(server.url, q, JSONLD).query()
    assert jsonld.response.headers["Content-Type"].startswith("application/ld+json")
    assert set(jsonld.convert()) == set(g)


def test_updates_are_refused(server: Served) -> None:
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    before = client(server.url, count, JSON).query().convert()["results"]["bindings"][0]["n"]["value"]
    base = server.url.rsplit("/", 1)[0]
    sw = SPARQLWrapper(server.url, updateEndpoint=base + "/update")
    sw.setMethod(POST)
    sw.setQuery("INSERT DATA { <http://example.org/a> <http://example.org/b> <http://example.org/c> }")
    with pytest.raises(urllib.error.HTTPError) as err:
        sw.query()
    assert err.value.code == 403
    # an update sent to the query endpoint is not a query either
    bad = SPARQLWrapper(server.url)
    bad.setQuery("DELETE WHERE { ?s ?p ?o }")
    bad.setMethod(POST)
    bad.queryType = "SELECT"  # force it to the query endpoint
    with pytest.raises(QueryBadFormed):  # 400: oxigraph parses it as a query and fails
        bad.query()
    after = client(server.url, count, JSON).query().convert()["results"]["bindings"][0]["n"]["value"]
    assert after == before


def test_a_runaway_query_is_cancelled_by_the_time_limit(server: Served) -> None:
    # ~1200 quads joined five times: far beyond the 2 s limit; the server must give up on it.
    heavy = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?o . ?b ?p ?o2 . ?c ?p ?o3 . ?d ?p ?o4 . ?e ?p ?o5 }"
    req = urllib.request.Request(
        server.url, data=urllib.parse.urlencode({"query": heavy}).encode(),
        headers={"Accept": "application/sparql-results+json"},
    )
    try:
        with urllib.request.urlopen(req, timeout=120) as r:
            body = r.read()
    except urllib.error.HTTPError as exc:
        body = exc.read()
    assert b"cancelled" in body
    assert answers(server.url)  # and it still serves the next query


@pytest.mark.parametrize("sigint_ignored", [False, True], ids=["foreground", "background-job"])
def test_ctrl_c_stops_kg_serve_and_its_server(store_dir: Path, tmp_path: Path, sigint_ignored: bool) -> None:
    # A background job inherits SIGINT ignored; the server must stop all the same.
    served = start(store_dir, tmp_path, sigint_ignored=sigint_ignored)
    try:
        assert served.stop() == 0
        with pytest.raises(OSError):
            socket.create_connection(("127.0.0.1", served.port), timeout=2).close()
        log = served.log.read_text(errors="replace")
        assert "kg serve: SPARQL endpoint http://127.0.0.1:" in log
        assert "Traceback" not in log
    finally:
        served.kill()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux-only")
def test_the_server_does_not_outlive_a_killed_kg_serve(store_dir: Path, tmp_path: Path) -> None:
    served = start(store_dir, tmp_path)
    try:
        served.proc.send_signal(signal.SIGKILL)  # kg serve only: no chance to forward anything
        served.proc.wait(timeout=30)
        deadline = time.monotonic() + READY_WITHIN
        while answers(served.url) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not answers(served.url)
    finally:
        served.kill()


# -- options, without a server -------------------------------------------------

def test_accepted_hosts_are_the_bound_address(tmp_path: Path) -> None:
    hosts = ServerConfig(tmp_path, "127.0.0.1", 7000).accepted_hosts()
    assert {"127.0.0.1:7000", "localhost:7000", "[::1]:7000", "127.0.0.1"} <= hosts
    assert "evil.example:7000" not in hosts and "127.0.0.1:7001" not in hosts
    assert ServerConfig(tmp_path, "::1", 7000).url == "http://[::1]:7000/query"
    assert "kg.lan:7000" in ServerConfig(tmp_path, "0.0.0.0", 7000, allow_hosts=("kg.lan",)).accepted_hosts()


def test_loopback_detection() -> None:
    assert is_loopback("127.0.0.1") and is_loopback("localhost") and is_loopback("::1") and is_loopback("[::1]")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.4") and not is_loopback("example.org")
    assert bind_address("::1", 80) == "[::1]:80" and bind_address("localhost", 80) == "localhost:80"


def test_sigterm_stops_kg_serve_and_its_server(store_dir: Path, tmp_path: Path) -> None:
    served = start(store_dir, tmp_path)
    try:
        served.proc.send_signal(signal.SIGTERM)
        assert served.proc.wait(timeout=30) == 0
        assert not answers(served.url)
    finally:
        served.kill()


def test_non_loopback_host_warns_loudly(store_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[ServerConfig] = []
    monkeypatch.setattr("kg.cli.serve.run_server", lambda config, on_start=None: seen.append(config) or 0)
    r = CliRunner().invoke(cli, ["serve", "--store", str(store_dir), "--host", "0.0.0.0"])
    assert r.exit_code == 0, r.output
    assert "WARNING: listening on 0.0.0.0" in r.stderr
    assert seen[0].host == "0.0.0.0"
    r = CliRunner().invoke(cli, ["serve", "--store", str(store_dir)])
    assert "WARNING" not in r.stderr and seen[1].host == "127.0.0.1"


def test_missing_store_is_one_line(tmp_path: Path) -> None:
    r = CliRunner().invoke(cli, ["serve", "--store", str(tmp_path / "none"), "--port", str(free_port())])
    assert r.exit_code == 2 and "no store here" in r.stderr


def test_port_in_use_is_one_line(store_dir: Path) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        r = subprocess.run(
            [sys.executable, "-c", "from kg.cli import main; main()", "serve", "--store", str(store_dir),
             "--port", str(port)],
            capture_output=True, text=True, timeout=60,
        )
    assert r.returncode == 2
    assert f"is port {port} already in use?" in r.stderr
    assert "Traceback" not in r.stderr
