"""Hand-made extractions of two short articles: a known-good input for the graph layer.

Why it exists: the graph, the store, the canned queries and the explorer must be
testable without the NLP pipeline (slow, and still changing). These records
are what the extractors are meant to produce for articles like two of the seeds
(``shared/seeds/000_…`` and ``004_…``): the same people, roles, events and
claims, told in sentences written for this project (no text of the seeds is
copied), with exact offsets computed from the body, so every fact in the
resulting graph can be checked by hand.
"""

from __future__ import annotations

from ..model import Article, Claim, Entity, Event, Evidence, Extraction, Mention, Role, Sentence


def _article(aid: str, source: str, sentences: list[str], **meta: object) -> Article:
    body = "\n".join(sentences)
    sents, pos = [], 0
    for i, text in enumerate(sentences):
        sents.append(Sentence(index=i, start=pos, end=pos + len(text), text=text, paragraph=i))
        pos += len(text) + 1
    return Article(id=aid, source=source, body=body, sentences=sents, **meta)  # type: ignore[arg-type]


class _Builder:
    """Finds spans in an article's body and makes Evidence/Mention records for them."""

    def __init__(self, article: Article) -> None:
        self.a = article
        self.x = Extraction(article=article)

    def ev(self, text: str, extractor: str, nth: int = 0, confidence: float = 0.9) -> Evidence:
        start = -1
        for _ in range(nth + 1):
            start = self.a.body.index(text, start + 1)
        sent = next(s.index for s in self.a.sentences if s.start <= start < s.end + 1)
        return Evidence(self.a.id, sent, start, start + len(text), extractor, confidence)

    def sentence_ev(self, text: str, extractor: str) -> Evidence:
        e = self.ev(text, extractor)
        s = self.a.sentences[e.sentence]
        return Evidence(self.a.id, s.index, s.start, s.end, extractor, e.confidence)

    def entity(self, eid: str, label: str, etype: str, label_vi: str | None, surfaces: list[str], **ext: str) -> None:
        ent = Entity(id=eid, label=label, type=etype, label_vi=label_vi, external_ids=dict(ext))
        for surface in surfaces:
            n = 0
            while True:
                try:
                    e = self.ev(surface, "entities", nth=n, confidence=1.0)
                except ValueError:
                    break
                self.x.mentions.append(Mention(text=surface, type=etype, evidence=e, entity=eid, head=surface))
                ent.mentions.append(e)
                ent.aliases.add(surface)
                n += 1
        self.x.entities[eid] = ent


def seed_000() -> Extraction:
    """Seed 000 (Kinhtedothi): Peskov on the Putin–Biden summit in Geneva."""
    a = _article(
        "000_4e6d4f8cfed23223",
        "seeds/000_4e6d4f8cfed23223.txt",
        [
            "Trả lời phỏng vấn đài Rossiya-24 ngày 29/6 trong bản tin buổi tối, người phát ngôn Điện Kremlin Dmitry Peskov "
            "thẳng thắn cho biết, Moscow chưa thấy đủ dấu hiệu để khẳng định rằng quan hệ với Washington đã ấm lên.",
            "Hội nghị thượng đỉnh Nga - Mỹ tổ chức ngày 16/6 tại TP Geneva (Thụy Sĩ) là dịp để Tổng thống Putin "
            "lần đầu gặp trực tiếp ông Biden, với chương trình nghị sự xoay quanh ổn định chiến lược và an ninh mạng.",
            "Trao đổi với một tờ báo Italia cùng ngày 29/6, Ngoại trưởng Mỹ Antony Blinken nói rằng cuộc gặp thượng đỉnh "
            "Nga - Mỹ ở Geneva đã mở ra khả năng để hai bên bàn thảo nghiêm túc hơn về việc hạn chế vũ khí hạt nhân.",
        ],
        title="Điện Kremlin: Chưa thể nói quan hệ Nga - Mỹ đã \"tan băng\"",
        outlet="Kinhtedothi",
        published=None,
    )
    b = _Builder(a)
    b.entity("Dmitry_Peskov", "Dmitry Peskov", "Person", None, ["Dmitry Peskov"])
    b.entity("Kremlin", "Kremlin", "Organization", "Điện Kremlin", ["Điện Kremlin"])
    b.entity("Vladimir_Putin", "Vladimir Putin", "Person", None, ["Putin"])
    b.entity("Joe_Biden", "Joe Biden", "Person", None, ["Biden"])
    b.entity("Antony_Blinken", "Antony Blinken", "Person", None, ["Antony Blinken"])
    b.entity("Geneva", "Geneva", "Place", "Geneva", ["Geneva"], geonames="2660646")
    b.entity("Switzerland", "Switzerland", "Country", "Thụy Sĩ", ["Thụy Sĩ"], iso3166="CH")
    b.entity("Russia", "Russia", "Country", "Nga", ["Nga"], iso3166="RU", geonames="2017370")
    b.entity("United_States", "United States", "Country", "Mỹ", ["Mỹ"], iso3166="US")
    b.entity("Moscow", "Moscow", "Place", "Moscow", ["Moscow"])
    b.entity("Washington", "Washington", "Place", "Washington", ["Washington"])
    b.entity("Rossiya-24", "Rossiya-24", "Organization", None, ["Rossiya-24"])
    b.x.roles += [
        Role("Dmitry_Peskov", "spokesperson_of", "Kremlin", "người phát ngôn Điện Kremlin",
             b.ev("người phát ngôn Điện Kremlin Dmitry Peskov", "roles")),
        Role("Antony_Blinken", "foreign_minister_of", "United_States", "Ngoại trưởng Mỹ",
             b.ev("Ngoại trưởng Mỹ Antony Blinken", "roles")),
        Role("Vladimir_Putin", "president_of", None, "Tổng thống", b.ev("Tổng thống Putin", "roles")),
    ]
    b.x.events += [
        Event("Summit_Geneva_--06-16", "Summit", "Hội nghị thượng đỉnh", "Geneva", "--06-16",
              ["Vladimir_Putin", "Joe_Biden"],
              [b.ev("Hội nghị thượng đỉnh Nga - Mỹ tổ chức ngày 16/6 tại TP Geneva (Thụy Sĩ)", "events"),
               b.ev("cuộc gặp thượng đỉnh Nga - Mỹ ở Geneva", "events", confidence=0.7)]),
        Event("Interview_Rossiya-24_--06-29", "Interview", "phỏng vấn", None, "--06-29",
              ["Dmitry_Peskov", "Rossiya-24"], [b.ev("Trả lời phỏng vấn đài Rossiya-24 ngày 29/6", "events")]),
    ]
    content1 = "Moscow chưa thấy đủ dấu hiệu để khẳng định rằng quan hệ với Washington đã ấm lên"
    content2 = ("cuộc gặp thượng đỉnh Nga - Mỹ ở Geneva đã mở ra khả năng để hai bên bàn thảo nghiêm túc hơn "
                "về việc hạn chế vũ khí hạt nhân")
    b.x.claims += [
        Claim("c1", "Dmitry_Peskov", "cho biết", "assert", content1, b.ev(content1, "claims"),
              b.sentence_ev(content1, "claims"), when="--06-29"),
        Claim("c2", "Antony_Blinken", "nói rằng", "assess", content2, b.ev(content2, "claims"),
              b.sentence_ev(content2, "claims"), when="--06-29"),
    ]
    return b.x


def seed_004() -> Extraction:
    """Seed 004: the Biden–Putin phone call; Ushakov and Psaki."""
    a = _article(
        "004_bfa432a4eb39b96a",
        "seeds/004_bfa432a4eb39b96a.txt",
        [
            "Sáng sớm 31/12 (giờ Việt Nam), Tổng thống Mỹ Joe Biden đã có cuộc điện đàm gần một giờ với người đồng cấp "
            "Nga Vladimir Putin, xoay quanh những bất đồng ngày một sâu sắc giữa Nga với NATO liên quan tới Ukraine.",
            "Sau cuộc gọi, Cố vấn đối ngoại Nga Yuri Ushakov cho biết, về tổng thể Tổng thống Putin “hài lòng” "
            "với cuộc trao đổi và coi đây là một cuộc nói chuyện thẳng thắn.",
            "Ở phía bên kia, người phát ngôn Nhà Trắng Jen Psaki thông báo, trong cuộc gọi, Tổng thống Biden đã cảnh báo "
            "người đồng cấp rằng Washington và các đồng minh sẵn sàng đáp trả mạnh mẽ nếu Moskva tiếp tục leo thang quân sự.",
            "Theo TTXVN",
        ],
        title="Lãnh đạo Nga và Mỹ trao đổi qua điện thoại về Ukraine",
        published="2021-12-31",
        credits=["TTXVN"],
    )
    b = _Builder(a)
    b.entity("Joe_Biden", "Joe Biden", "Person", None, ["Joe Biden", "Biden"])
    b.entity("Vladimir_Putin", "Vladimir Putin", "Person", None, ["Vladimir Putin"])
    b.entity("Yuri_Ushakov", "Yuri Ushakov", "Person", None, ["Yuri Ushakov"])
    b.entity("Jen_Psaki", "Jen Psaki", "Person", None, ["Jen Psaki"])
    b.entity("White_House", "White House", "Organization", "Nhà Trắng", ["Nhà Trắng"])
    b.entity("Russia", "Russia", "Country", "Nga", ["Nga"], iso3166="RU", geonames="2017370")
    b.entity("United_States", "United States", "Country", "Mỹ", ["Mỹ"], iso3166="US")
    b.entity("Ukraine", "Ukraine", "Country", "Ukraine", ["Ukraine"], iso3166="UA")
    b.entity("Moscow", "Moscow", "Place", "Moscow", ["Moskva"])
    b.entity("Washington", "Washington", "Place", "Washington", ["Washington"])
    b.entity("TTXVN", "Vietnam News Agency", "Organization", "TTXVN", ["TTXVN"])
    b.x.roles += [
        Role("Joe_Biden", "president_of", "United_States", "Tổng thống Mỹ", b.ev("Tổng thống Mỹ Joe Biden", "roles")),
        Role("Vladimir_Putin", "president_of", "Russia", "người đồng cấp Nga",
             b.ev("người đồng cấp Nga Vladimir Putin", "roles", confidence=0.8)),
        Role("Yuri_Ushakov", "adviser_of", "Russia", "Cố vấn đối ngoại Nga",
             b.ev("Cố vấn đối ngoại Nga Yuri Ushakov", "roles")),
        Role("Jen_Psaki", "spokesperson_of", "White_House", "người phát ngôn Nhà Trắng",
             b.ev("người phát ngôn Nhà Trắng Jen Psaki", "roles")),
    ]
    b.x.events += [
        Event("PhoneCall_2021-12-31_Joe_Biden_Vladimir_Putin", "PhoneCall", "điện đàm", None, "2021-12-31",
              ["Joe_Biden", "Vladimir_Putin"], [b.ev("đã có cuộc điện đàm", "events")]),
    ]
    c1 = "về tổng thể Tổng thống Putin “hài lòng” với cuộc trao đổi"
    c2 = "Washington và các đồng minh sẵn sàng đáp trả mạnh mẽ nếu Moskva tiếp tục leo thang quân sự"
    b.x.claims += [
        Claim("c1", "Yuri_Ushakov", "cho biết", "assert", c1, b.ev(c1, "claims"), b.sentence_ev(c1, "claims"),
              when="2021-12-31"),
        Claim("c2", "Joe_Biden", "cảnh báo", "warn", c2, b.ev(c2, "claims"), b.sentence_ev(c2, "claims"),
              when="2021-12-31", source="TTXVN"),
    ]
    return b.x


def sample_extractions() -> list[Extraction]:
    """Both hand-made extractions, in seed order."""
    return [seed_000(), seed_004()]


def summit_iri() -> str:
    """The node of seed 000's Geneva summit: its article's own (a date without a year merges nothing)."""
    from .iris import event_iris

    x = seed_000()
    return str(event_iris(x.article.id, x.events)[0])
