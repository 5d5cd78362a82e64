"""Hand-made articles for the fact extractors' tests (no tests here).

The extractors read the body, the sentences, the linked mentions and the
entities; these helpers build exactly that from a text written for the test
and a list of actors, without underthesea or the entity stage, so a test
shows which pattern it exercises. The seeds are built once per session by
:func:`seed_extractions` for the gold-based tests.
"""

from __future__ import annotations

import re
from functools import cache

from conftest import GOLD, SEEDS

from kg.extract.claims import claims
from kg.extract.events import events
from kg.extract.roles import roles
from kg.extract.time import time
from kg.model import AnalysedSentence, Article, Doc, Entity, Evidence, Extraction, Mention, Sentence

_SPLIT = re.compile(r"(?<=[.!?…])[”\"]?\s+(?=[“\"]?[A-ZĐÀ-Ỹ0-9])")


def sentences_of(body: str) -> list[Sentence]:
    """Lines, cut after a full stop followed by a capital (enough for test texts)."""
    spans: list[tuple[int, int]] = []
    for para in re.finditer(r"[^\n]+", body):
        start = para.start()
        for b in _SPLIT.finditer(body, para.start(), para.end()):
            spans.append((start, b.start() + len(b.group(0).rstrip())))
            start = b.end()
        spans.append((start, para.end()))
    return [Sentence(i, s, e, body[s:e]) for i, (s, e) in enumerate(spans) if body[s:e].strip()]


def make(
    body: str,
    actors: dict[str, tuple[str, str]],
    published: str | None = None,
    run: tuple[str, ...] = ("time", "roles", "events", "claims"),
) -> Extraction:
    """An Extraction of ``body`` with the given actors linked, after running ``run``.

    ``actors`` maps a surface form to (entity id, type); every occurrence of
    the form (whole words, longest forms first) becomes a linked mention.
    """
    sents = sentences_of(body)
    art = Article(id="test", source="test", body=body, published=published, sentences=sents)
    doc = Doc(art, [AnalysedSentence(s, []) for s in sents])
    found = Extraction(article=art)
    taken = [False] * len(body)
    for form in sorted(actors, key=len, reverse=True):
        eid, etype = actors[form]
        ent = found.entities.setdefault(eid, Entity(id=eid, label=eid.replace("_", " "), type=etype))
        ent.aliases.add(form)
        for m in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", body):
            if any(taken[m.start() : m.end()]):
                continue
            for i in range(m.start(), m.end()):
                taken[i] = True
            idx = next((s.index for s in sents if s.start <= m.start() < s.end), 0)
            ev = Evidence(art.id, idx, m.start(), m.end(), "entities")
            found.mentions.append(Mention(form, etype, ev, entity=eid, head=form))
    found.mentions.sort(key=lambda m: m.evidence.start)
    steps = {"time": time, "roles": roles, "events": events, "claims": claims}
    for name in run:
        steps[name](doc, found)
    return found


@cache
def seed_extractions() -> tuple[list, list[Extraction]]:
    """(gold articles, extractions) of the five seeds, built once per session
    through the whole pipeline (reader, NLP, entities, linking), each alone."""
    from kg.evaluate.gold import load_gold_dir
    from kg.link.across import link_across
    from kg.pipeline import process
    from kg.read import read_file

    golds = load_gold_dir(GOLD)
    xs = []
    for g in golds:
        (article,) = read_file(SEEDS / g.doc)
        xs.append(link_across([process(article)])[0])
    return golds, xs


@cache
def unc_gold_extractions() -> tuple[list, list[Extraction]]:
    """(gold articles, extractions) of the ten annotated UNC articles, built once."""
    from conftest import GOLD_UNC, UNC

    from kg.evaluate.gold import load_gold_dir
    from kg.link.across import link_across
    from kg.pipeline import process
    from kg.read import read_file

    golds = load_gold_dir(GOLD_UNC)
    xs = []
    for g in golds:
        (article,) = read_file(UNC / g.doc)
        xs.append(link_across([process(article)])[0])
    return golds, xs
