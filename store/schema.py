"""The database schema: SQLAlchemy 2.0 typed models. Changes go through an Alembic migration
(store/migrations/versions); tests/test_store.py checks that the models and the migrations agree."""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, BigInteger, Float, ForeignKey, Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Run(Base):
    __tablename__ = "runs"

    id: Mapped[int] = mapped_column(primary_key=True)
    started_at: Mapped[str] = mapped_column(String(32))
    finished_at: Mapped[str | None] = mapped_column(String(32))
    version: Mapped[str] = mapped_column(String(32))
    command: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default="running")
    counts: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    seconds: Mapped[float | None] = mapped_column(Float)


class Story(Base):
    __tablename__ = "stories"

    id: Mapped[int] = mapped_column(primary_key=True)
    # No foreign key: stories and articles point at each other, and SQLite cannot add one later.
    representative_id: Mapped[int | None] = mapped_column(Integer)
    languages: Mapped[str] = mapped_column(String(64), default="")
    first_seen: Mapped[str | None] = mapped_column(String(32))
    last_seen: Mapped[str | None] = mapped_column(String(32))
    member_count: Mapped[int] = mapped_column(Integer, default=0)
    # What its reports agree on: kind, day, place and the votes for them (store/story_event.py), kept by
    # store/matching.py refresh_stories whenever its members change.
    event: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    # "kind|place" of that event where two or more of its texts name the place first: stories that agree on
    # one are looked up by it to be merged (store/matching.py Matcher._merge_agreeing).
    event_key: Mapped[str | None] = mapped_column(Text, index=True)


class Article(Base):
    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(primary_key=True)
    # Null for failed and skipped rows: they have no text to hash.
    content_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    source: Mapped[str] = mapped_column(Text)
    kind: Mapped[str | None] = mapped_column(String(16))
    encoding: Mapped[str | None] = mapped_column(String(64))
    title: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    published: Mapped[str | None] = mapped_column(String(10))
    published_precision: Mapped[str | None] = mapped_column(String(8))
    credit: Mapped[str | None] = mapped_column(Text)
    lang: Mapped[str | None] = mapped_column(String(8), index=True)
    lang_confidence: Mapped[float | None] = mapped_column(Float)
    lang_reason: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text, default="")
    text_en: Mapped[str | None] = mapped_column(Text)
    translation_status: Mapped[str | None] = mapped_column(String(16))
    translation_model: Mapped[str | None] = mapped_column(String(128))
    translation_error: Mapped[str | None] = mapped_column(Text)
    translation_seconds: Mapped[float | None] = mapped_column(Float)
    status: Mapped[str] = mapped_column(String(16), index=True)
    error: Mapped[str | None] = mapped_column(Text)
    # Set when only the text's first N characters were analysed (ingest/record.py MAX_ANALYSED_CHARS).
    analysed_chars: Mapped[int | None] = mapped_column(Integer)
    duplicate_of: Mapped[int | None] = mapped_column(ForeignKey("articles.id"), index=True)
    story_id: Mapped[int | None] = mapped_column(ForeignKey("stories.id"), index=True)
    # JSON: what linked the article to its story or original (store/story_score.py _evidence), for show/stories.
    link_evidence: Mapped[str | None] = mapped_column(Text)
    run_id: Mapped[int | None] = mapped_column(ForeignKey("runs.id"))
    created_at: Mapped[str] = mapped_column(String(32))
    updated_at: Mapped[str] = mapped_column(String(32))

    sightings: Mapped[list[Sighting]] = relationship(
        back_populates="article", cascade="all, delete-orphan", order_by="Sighting.id"
    )
    entities: Mapped[list[Entity]] = relationship(cascade="all, delete-orphan", order_by="Entity.id")
    facts: Mapped[list[Fact]] = relationship(cascade="all, delete-orphan", order_by="Fact.id")


class Sighting(Base):
    """One place an article was seen: a file path or URL. A second copy of an article is a second sighting."""

    __tablename__ = "sightings"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    source: Mapped[str] = mapped_column(Text)
    location: Mapped[str] = mapped_column(Text, unique=True)
    raw_hash: Mapped[str | None] = mapped_column(String(64))
    size: Mapped[int | None] = mapped_column(Integer)
    # With size, what lets an unchanged file be skipped on stat() alone, without reading it.
    mtime_ns: Mapped[int | None] = mapped_column(BigInteger)
    status: Mapped[str] = mapped_column(String(16))
    error: Mapped[str | None] = mapped_column(Text)
    first_seen: Mapped[str] = mapped_column(String(32))
    last_seen: Mapped[str] = mapped_column(String(32))
    run_id: Mapped[int | None] = mapped_column(ForeignKey("runs.id"))

    article: Mapped[Article] = relationship(back_populates="sightings")


class Entity(Base):
    __tablename__ = "entities"
    __table_args__ = (Index("ix_entities_canonical_label", "canonical", "label"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text)
    label: Mapped[str] = mapped_column(String(16))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    canonical: Mapped[str] = mapped_column(Text)
    origin: Mapped[str] = mapped_column(String(16))
    lang: Mapped[str] = mapped_column(String(8))


class Fact(Base):
    __tablename__ = "facts"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    evidence: Mapped[str] = mapped_column(Text)
    confidence: Mapped[float] = mapped_column(Float)


class TranslationCache(Base):
    """Sentences already translated, keyed by model and source sentence: re-ingesting, a duplicate, or a
    second article sharing a sentence costs no model call."""

    __tablename__ = "translation_cache"

    model_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    source_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    source: Mapped[str] = mapped_column(Text)
    target: Mapped[str] = mapped_column(Text)
    created_at: Mapped[str] = mapped_column(String(32))


class Fingerprint(Base):
    """What matching needs of an article, computed once when it is stored and never again."""

    __tablename__ = "fingerprints"

    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)
    lang: Mapped[str | None] = mapped_column(String(8))
    published: Mapped[str | None] = mapped_column(String(10))
    minhash: Mapped[bytes] = mapped_column(LargeBinary)
    minhash_en: Mapped[bytes | None] = mapped_column(LargeBinary)
    anchors: Mapped[list[str]] = mapped_column(JSON)
    shingles: Mapped[int | None] = mapped_column(Integer)
    """Distinct shingles of the text: with the MinHash, how much of one text another contains."""


class LshBand(Base):
    """MinHash LSH buckets: articles whose signatures agree on one band are near-duplicate candidates.

    WITHOUT ROWID, keyed (key, article_id): a look-up by key reads one clustered range, and each row costs one
    B-tree instead of a table plus two indexes."""

    __tablename__ = "lsh_bands"
    __table_args__ = (Index("ix_lsh_bands_article_id", "article_id"), {"sqlite_with_rowid": False})

    key: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    """Hash of (language, band number, the band's MinHash values)."""
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)


class Anchor(Base):
    """Language-independent anchors (numbers, names in Latin script, codes...), hashed to 64 bits."""

    __tablename__ = "anchors"
    __table_args__ = (Index("ix_anchors_article_id", "article_id"), {"sqlite_with_rowid": False})

    key: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)


class AnchorKey(Base):
    """How many articles hold each anchor (document frequency), kept as articles are indexed and forgotten.

    Candidate look-ups skip anchors held by more than ``max_anchor_df`` articles before touching their
    postings, so the cost of matching one article does not grow with the database (the window count it
    replaces read every posting of "y:2024")."""

    __tablename__ = "anchor_keys"
    __table_args__ = ({"sqlite_with_rowid": False},)

    key: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    df: Mapped[int] = mapped_column(Integer, default=0)


class ArticleVersion(Base):
    """An earlier text of an article whose source changed: the article keeps its id, the old text stays here."""

    __tablename__ = "article_versions"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    content_hash: Mapped[str | None] = mapped_column(String(64))
    title: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    replaced_at: Mapped[str] = mapped_column(String(32))
    run_id: Mapped[int | None] = mapped_column(ForeignKey("runs.id"))


class Feed(Base):
    """A feed polled by `ingest --feed`: validators for conditional GET, and what the last poll found."""

    __tablename__ = "feeds"

    url: Mapped[str] = mapped_column(Text, primary_key=True)
    etag: Mapped[str | None] = mapped_column(Text)
    last_modified: Mapped[str | None] = mapped_column(Text)
    last_status: Mapped[str | None] = mapped_column(Text)
    last_polled: Mapped[str | None] = mapped_column(String(32))
