"""The pipeline's records.

Every stage takes and returns these plain dataclasses; only ``kg.graph`` and
later stages know about RDF, files or screens. Each fact carries an
:class:`Evidence` so that any edge of the graph can be checked against the
sentence it came from.

Offsets are always character offsets into :attr:`Article.body` (Python ``str``
indices, after normalisation), so ``article.body[ev.start:ev.end]`` is the
evidence text.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

EntityType = Literal["Person", "Organization", "Country", "Place"]
ENTITY_TYPES: tuple[str, ...] = ("Person", "Organization", "Country", "Place")

ROLE_PREDICATES: tuple[str, ...] = (
    "spokesperson_of",
    "president_of",
    "prime_minister_of",
    "foreign_minister_of",
    "minister_of",
    "ambassador_of",
    "ambassador_to",
    "adviser_of",
    "leader_of",
    "official_of",
    "member_of",
)

EVENT_TYPES: tuple[str, ...] = (
    "Summit",
    "Meeting",
    "PhoneCall",
    "Negotiation",
    "Interview",
    "PressConference",
    "Statement",
    "Inauguration",
    "Visit",
    "Cyberattack",
    "Attack",
    "Arrest",
    "Sanction",
    "Election",
    "Agreement",
    "Vote",
)

STANCES: tuple[str, ...] = (
    "assert",
    "warn",
    "hope",
    "deny",
    "admit",
    "announce",
    "assess",
    "demand",
    "accuse",
    "express",
    "reject",
    "propose",
)


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a fact comes from: article, sentence, span, and who found it."""

    article_id: str
    sentence: int  # index into Article.sentences
    start: int  # offset into Article.body
    end: int
    extractor: str  # name of the registered component that produced the fact
    confidence: float = 1.0


@dataclass(slots=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str  # == article.body[start:end]
    paragraph: int = 0


@dataclass(slots=True)
class Article:
    """One cleaned article: what the extractors read.

    ``id`` is derived from the content (see ``kg.clean``), so the same text read
    twice gets the same id and the same IRIs.
    """

    id: str
    source: str  # path (and ":line" for JSONL) it was read from
    body: str
    title: str | None = None
    published: str | None = None  # ISO 8601 date or datetime as printed; None if not printed
    outlet: str | None = None
    url: str | None = None
    credits: list[str] = field(default_factory=list)  # "TTXVN", "Hãng tin AFP"
    captions: list[str] = field(default_factory=list)  # photo captions, kept out of the body
    sentences: list[Sentence] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)  # anything else the reader saw (doc_id …)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Token:
    """One underthesea word with its tags, aligned to the article body."""

    text: str
    start: int
    end: int
    pos: str  # underthesea POS tag: N, Np, V, A, CH, …
    chunk: str  # B-NP, I-NP, …
    ner: str  # B-PER, I-LOC, O, …


@dataclass(slots=True)
class AnalysedSentence:
    sentence: Sentence
    tokens: list[Token]


@dataclass(slots=True)
class Doc:
    """An article after NLP: each sentence analysed exactly once."""

    article: Article
    sentences: list[AnalysedSentence]


@dataclass(slots=True)
class Mention:
    """A surface form of an actor in the body."""

    text: str  # as written in the body
    type: str  # one of ENTITY_TYPES
    evidence: Evidence
    entity: str | None = None  # Entity.id once linked
    head: str | None = None  # normalised lookup key (lexicon key or person name)


@dataclass(slots=True)
class Entity:
    """One canonical real-world actor.

    ``id`` is stable across articles and runs (it becomes the IRI local name):
    "Dmitry_Peskov", "Russia", "Kremlin", "Geneva".
    """

    id: str
    label: str  # canonical (English / Wikidata-style) name: "Russia"
    type: str  # one of ENTITY_TYPES
    label_vi: str | None = None  # Vietnamese label: "Nga"
    aliases: set[str] = field(default_factory=set)  # every surface form seen
    external_ids: dict[str, str] = field(default_factory=dict)  # {"geonames": "524901", "iso3166": "RU"}
    mentions: list[Evidence] = field(default_factory=list)


@dataclass(slots=True)
class Role:
    """person --predicate--> org (org None when the text gives a bare title)."""

    person: str  # Entity.id
    predicate: str  # one of ROLE_PREDICATES
    org: str | None  # Entity.id or None
    title: str  # the title as written: "Người phát ngôn Điện Kremlin"
    evidence: Evidence
    former: bool = False  # "cựu/nguyên Thủ tướng": held before, not now (the title keeps the word)


@dataclass(slots=True)
class Event:
    id: str  # stable within the graph: derived from type, date, place, participants
    type: str  # one of EVENT_TYPES
    trigger: str  # the event noun/verb as written: "hội nghị thượng đỉnh"
    where: str | None = None  # Entity.id
    when: str | None = None  # ISO date, or "--MM-DD" when no year is known
    participants: list[str] = field(default_factory=list)  # Entity.ids
    evidence: list[Evidence] = field(default_factory=list)  # every mention of the same event


@dataclass(slots=True)
class Claim:
    id: str
    speaker: str  # Entity.id
    cue: str  # reporting verb as written: "cho biết"
    stance: str  # one of STANCES
    text: str  # the content, as written
    content: Evidence  # span of the content in the body
    evidence: Evidence  # the whole sentence (or quote + attribution) stating it
    when: str | None = None  # ISO date or "--MM-DD"
    source: str | None = None  # Entity.id of the credited source ("theo Hãng tin AFP")
    quote: bool = False  # direct quotation


@dataclass(frozen=True, slots=True)
class TimeMention:
    """A date expression found by the ``time`` component.

    ``value`` is an ISO date ("2021-06-29"), "--MM-DD" when no year is known,
    or None when the expression names no single day ("tuần này", "tháng 1");
    vague expressions are kept so that later components know a time was given.
    """

    text: str  # as written in the body
    start: int  # offset into Article.body
    end: int
    sentence: int  # index into Article.sentences
    value: str | None
    kind: str = "date"  # date | weekday | relative | month | year | period


@dataclass(slots=True)
class Extraction:
    """Everything found in one article. The unit that goes into one named graph."""

    article: Article
    mentions: list[Mention] = field(default_factory=list)
    entities: dict[str, Entity] = field(default_factory=dict)
    roles: list[Role] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    # Added for the time component: every date expression, in body order
    # (read them through kg.extract.time.dates_in).
    times: list[TimeMention] = field(default_factory=list)
