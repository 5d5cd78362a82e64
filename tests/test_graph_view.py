"""to_networkx: the attribute contract the explorer relies on (docs/CONTRACTS.md)."""

from __future__ import annotations

import networkx as nx

from test_build_support import sample_store, seeds_build

from kg.graph.namespaces import KGD
from kg.graph.sample import summit_iri
from kg.graph.store import Store
from kg.graph.view import to_networkx

A0, A4 = "000_4e6d4f8cfed23223", "004_bfa432a4eb39b96a"
EVIDENCE_KEYS = {"article", "sentence", "start", "end", "text", "title", "outlet", "published", "extractor"}


def test_nodes_have_the_contract_attributes():
    G = to_networkx(sample_store())
    assert isinstance(G, nx.MultiDiGraph)
    for n, d in G.nodes(data=True):
        assert d["type"] in {"Person", "Organization", "Country", "Place", "Event", "Claim"}, n
        assert isinstance(d["label"], str) and d["label"]
        assert isinstance(d["aliases"], list) and isinstance(d["articles"], list)
        assert d["articles"] == sorted(d["articles"])
        for ev in d["evidence"]:
            assert set(ev) == EVIDENCE_KEYS
    putin = G.nodes[str(KGD.Vladimir_Putin)]
    assert putin["label"] == "Vladimir Putin" and putin["type"] == "Person"
    assert putin["articles"] == [A0, A4]
    assert putin["titles"] == ["Tổng thống"]
    russia = G.nodes[str(KGD.Russia)]
    assert russia["label_vi"] == "Nga"


def test_event_and_claim_nodes_carry_their_fields():
    G = to_networkx(sample_store())
    summit = G.nodes[summit_iri()]
    assert summit["type"] == "Event" and summit["event_type"] == "Summit" and summit["when"] == "--06-16"
    assert len(summit["evidence"]) == 2
    assert summit["evidence"][0]["title"].startswith("Điện Kremlin")
    assert summit["evidence"][0]["outlet"] == "Kinhtedothi"
    claims = [d for _, d in G.nodes(data=True) if d["type"] == "Claim"]
    assert len(claims) == 4
    warn = [c for c in claims if c["stance"] == "warn"][0]
    assert warn["cue"] == "cảnh báo" and warn["when"] == "2021-12-31" and warn["text"].startswith("Washington")
    assert warn["evidence"][0]["published"] == "2021-12-31"


def test_edges_are_keyed_by_predicate_with_evidence():
    G = to_networkx(sample_store())
    peskov, kremlin = str(KGD.Dmitry_Peskov), str(KGD.Kremlin)
    assert G.has_edge(peskov, kremlin, key="spokesperson_of")
    e = G.edges[peskov, kremlin, "spokesperson_of"]
    assert e["predicate"].endswith("#spokesperson_of") and e["articles"] == [A0]
    (ev,) = e["evidence"]
    assert set(ev) == EVIDENCE_KEYS and ev["extractor"] == "roles"
    assert ev["text"].startswith("Trả lời phỏng vấn")
    keys = {k for _, _, k in G.edges(keys=True)}
    assert {"spokesperson_of", "held_in", "participant", "said", "about", "president_of"} <= keys
    # 000's bare title ("Tổng thống Putin") draws no edge: Putin's only president_of edge is 004's
    putin_roles = [(v, d["articles"]) for _, v, k, d in G.out_edges(str(KGD.Vladimir_Putin), keys=True, data=True)
                   if k == "president_of"]
    assert putin_roles == [(str(KGD.Russia), [A4])]
    said = [(u, v) for u, v, k in G.edges(keys=True) if k == "said"]
    assert (peskov, [v for u, v in said if u == peskov][0]) in said


def test_dataset_input_gives_the_same_graph():
    store = sample_store()
    G1, G2 = to_networkx(store), to_networkx(store.dataset())
    assert dict(G1.nodes(data=True)) == dict(G2.nodes(data=True))
    assert sorted(G1.edges(keys=True)) == sorted(G2.edges(keys=True))


def test_seeds_view_has_the_key_actors():
    out, _ = seeds_build()
    with Store(out / "store", read_only=True) as store:
        G = to_networkx(store)
    assert G.nodes[str(KGD.Dmitry_Peskov)]["type"] == "Person"
    assert len(G.nodes[str(KGD.Dmitry_Peskov)]["articles"]) >= 3
    assert G.has_edge(str(KGD.Dmitry_Peskov), str(KGD.Kremlin), key="spokesperson_of")
