"""The detail pane shows untrusted text literally and marks the scorer's spans."""

from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from moderator_app.domain import Account, ActionKind, LocalState
from moderator_app.store import Store
from moderator_app.ui import theme
from moderator_app.ui.comment_text_view import CommentTextView, utf16_offset
from moderator_app.ui.detail_pane import DetailPane, safe_web_url
from moderator_app.ui.labels import plain_label
from tests.ui.helpers import ingest, remote, verdict

HOSTILE = "<b>x</b><img src=x>"


def _pane(qtbot: QtBot, store: Store) -> DetailPane:
    pane = DetailPane(store)
    qtbot.addWidget(pane)
    pane.resize(420, 700)
    pane.show()
    return pane


def _background_at(view: CommentTextView, position: int) -> str:
    cursor = QTextCursor(view.document())
    cursor.setPosition(position + 1)  # the format of the character before the cursor
    return cursor.charFormat().background().color().name()


def test_markup_is_shown_literally(qtbot: QtBot, store: Store, account: Account) -> None:
    assert account.id is not None
    [cid] = ingest(store, account.id, [remote(1, HOSTILE, author="<b>boss</b>")])
    pane = _pane(qtbot, store)
    pane.show_comment(cid)
    assert pane.plain_text() == HOSTILE
    assert pane.text_view.toPlainText() == HOSTILE
    assert pane.author.text() == "<b>boss</b>"
    assert "<img" not in pane.text_view.toHtml().split("<body")[1].replace("&lt;img", "")


def test_toxic_spans_are_highlighted(qtbot: QtBot, store: Store, account: Account) -> None:
    assert account.id is not None
    text = "You are an idiot and a clown"
    [cid] = ingest(store, account.id, [remote(1, text)])
    store.comments.set_toxicity([(cid, verdict(0.9, [(11, 16), (23, 28)]))])
    pane = _pane(qtbot, store)
    pane.show_comment(cid)
    highlight = theme.SPAN_HIGHLIGHT[verdict(0.9).level].name()
    view = pane.text_view
    assert _background_at(view, 11) == highlight  # 'i' of idiot
    assert _background_at(view, 15) == highlight  # 't' of idiot
    assert _background_at(view, 16) != highlight  # the space after it
    assert _background_at(view, 10) != highlight
    assert _background_at(view, 23) == highlight
    assert "Score 0.90" in pane.verdict.text()
    assert "insult" in pane.verdict.text()


def test_spans_after_an_emoji_land_on_the_right_characters(
    qtbot: QtBot, store: Store, account: Account
) -> None:
    assert account.id is not None
    text = "👍👍 ну ты и дебил"
    start = text.index("дебил")
    [cid] = ingest(store, account.id, [remote(1, text)])
    store.comments.set_toxicity([(cid, verdict(0.8, [(start, start + 5)]))])
    pane = _pane(qtbot, store)
    pane.show_comment(cid)
    assert utf16_offset(text, start) == start + 2  # each emoji is two UTF-16 units
    cursor = QTextCursor(pane.text_view.document())
    cursor.setPosition(utf16_offset(text, start))
    cursor.setPosition(utf16_offset(text, start + 5), QTextCursor.MoveMode.KeepAnchor)
    assert cursor.selectedText() == "дебил"
    assert _background_at(pane.text_view, utf16_offset(text, start)) != "#000000"


def test_thread_context_and_history(qtbot: QtBot, store: Store, account: Account) -> None:
    assert account.id is not None
    _parent, child, _reply = ingest(
        store,
        account.id,
        [remote(1, "parent text"), remote(2, "child", parent="c1"), remote(3, "re", parent="c2")],
    )
    store.outbox.enqueue(child, ActionKind.HIDE)
    failed = store.outbox.enqueue(child, ActionKind.REPLY, "Спасибо!")
    store.outbox.claim(failed.id)
    store.outbox.fail(failed, "<b>403</b> comments closed")
    store.escalations.escalate(child, "look at this <i>now</i>", author="olga")
    pane = _pane(qtbot, store)
    retried: list[tuple[int, int]] = []
    pane.retryRequested.connect(lambda a, c: retried.append((a, c)))
    pane.show_comment(child)
    assert pane.thread_section.isVisibleTo(pane)
    labels = [w.text() for w in pane.thread_view.findChildren(type(plain_label("", "x")))]
    assert "parent text" in labels
    assert "re" in labels
    history = [w.text() for w in pane.history.findChildren(type(plain_label("", "x")))]
    assert "<b>403</b> comments closed" in history  # the error, literally
    assert "olga: look at this <i>now</i>" in history
    retry = next(
        b for b in pane.history.findChildren(type(pane.open_button)) if b.text() == "Retry"
    )
    retry.click()
    assert retried == [(failed.id, child)]
    assert pane.state_chip.text() == "Escalated"
    assert store.comments.get(child).local_state is LocalState.ESCALATED  # type: ignore[union-attr]


def test_only_web_links_can_be_opened() -> None:
    assert safe_web_url("https://vk.com/wall-1_2?reply=3") is not None
    assert safe_web_url("javascript:alert(1)") is None
    assert safe_web_url("file:///etc/passwd") is None
    assert safe_web_url("") is None


def test_empty_state(qtbot: QtBot, store: Store) -> None:
    pane = _pane(qtbot, store)
    pane.show_comment(None)
    assert pane.currentIndex() == 0
    pane.show_comment(12345)  # a comment deleted meanwhile
    assert pane.comment is None
