"""The sandbox world's nouns: communities, posts, people and comments."""

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class Post:
    id: str
    community_id: str
    title: str
    text: str
    topic_ru: str  # fits after "про": "новый смартфон"
    topic_en: str  # fits after "about": "the new phone"
    questions_ru: tuple[str, ...] = ()
    questions_en: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Community:
    id: str
    name: str
    language: str  # "ru", "en" or "both"
    posts: tuple[Post, ...]


@dataclass(frozen=True, slots=True)
class Person:
    id: str
    name: str
    language: str
    is_community: bool = False  # replies from the moderator are signed by the community


@dataclass(frozen=True, slots=True)
class Draft:
    """A comment the generator has written but the world has not yet published."""

    post: Post
    author: Person
    text: str
    parent_id: str | None = None


@dataclass(slots=True)
class CommentRecord:
    """A published comment. Mutable, and only ever touched under the world's lock."""

    id: str
    post: Post
    author: Person
    text: str
    created_at: datetime
    parent_id: str | None = None
    edited_at: datetime | None = None
    hidden: bool = False
    by_moderator: bool = False
