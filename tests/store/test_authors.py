"""An author's history across every connected account."""

from dataclasses import replace

from moderator_app.domain import Account, ActionKind, Author, Platform
from moderator_app.store import Store
from moderator_app.store.authors import AuthorRepository
from tests.factories import remote


def test_author_stats_span_accounts(store: Store) -> None:
    vk = store.accounts.add(Account(Platform.VK, "vk"))
    tg = store.accounts.add(Account(Platform.TELEGRAM, "tg"))
    assert vk.id is not None
    assert tg.id is not None
    troll = Author("x", "troll")
    a = [replace(remote(1), author=troll), replace(remote(2), author=troll)]
    b = [replace(remote(3), author=troll)]
    vk_ids = store.comments.ingest(vk.id, a, None).added_ids
    tg_ids = store.comments.ingest(tg.id, b, None).added_ids
    store.outbox.enqueue(vk_ids[0], ActionKind.HIDE)
    store.feedback.approve(tg_ids[0])
    authors = AuthorRepository(store.db)
    stats = authors.stats("troll")
    assert (stats.comments, stats.accounts, stats.hidden, stats.approved) == (3, 2, 1, 1)
    recent = authors.recent("troll", exclude=vk_ids[1])
    assert [c.id for c in recent] == [tg_ids[0], vk_ids[0]]
