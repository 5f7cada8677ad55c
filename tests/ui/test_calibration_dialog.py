"""The Flagging dialog (thresholds, what changed, history, undo) and the Approve action."""

from pytestqt.qtbot import QtBot

from moderator_app.domain import Account, LocalState
from moderator_app.store import Store
from moderator_app.store.feedback import FeedbackLabel
from moderator_app.store.settings import BASE_REVIEW_THRESHOLD, learning_enabled
from moderator_app.toxicity.calibration import Calibration, Correction, Origin, describe_change
from moderator_app.ui.action_bar import ActionBar
from moderator_app.ui.calibration_dialog import FlaggingDialog
from moderator_app.ui.engine_bridge import EngineBridge
from moderator_app.ui.moderation import ModerationActions
from tests.ui.helpers import FakeEngine


def learned(review: float, weights: dict[str, float]) -> Calibration:
    return Calibration(
        review=review,
        toxic=0.8,
        correction=Correction(weights=weights),
        origin=Origin.FEEDBACK,
        hidden=14,
        approved=9,
    )


def dialog(qtbot: QtBot, store: Store, account: Account) -> FlaggingDialog:
    assert account.id is not None
    found = FlaggingDialog(store, account.id)
    qtbot.addWidget(found)
    return found


def test_before_anything_is_learned(qtbot: QtBot, store: Store, account: Account) -> None:
    store.settings.set(BASE_REVIEW_THRESHOLD, 0.4)
    shown = dialog(qtbot, store, account)
    assert (shown.review_spin.value(), shown.toxic_spin.value()) == (0.4, 0.7)
    assert "base model" in shown.state.text()
    assert shown.changes_list.count() == 0
    assert shown.history_list.count() == 0
    assert not shown.undo_button.isEnabled()
    assert not shown.save_button.isEnabled()
    assert "Кофейня" in shown.windowTitle()


def test_shows_what_the_last_recalibration_changed(
    qtbot: QtBot, store: Store, account: Account
) -> None:
    assert account.id is not None
    first = learned(0.4, {"w:нуб": 0.2})
    second = learned(0.45, {"w:нуб": 0.6, "lbl:obscene": -0.9})
    store.calibrations.save(account.id, first, describe_change(Calibration(), first))
    store.calibrations.save(account.id, second, describe_change(first, second))
    shown = dialog(qtbot, store, account)
    assert (shown.review_spin.value(), shown.toxic_spin.value()) == (0.45, 0.8)
    lines = [shown.changes_list.item(i).text() for i in range(shown.changes_list.count())]
    assert lines == [
        "Review threshold 0.40 → 0.45",
        "Learned: words labelled “obscene” are usually fine here (−0.9)",
        "Learned: “нуб” is usually hidden here (+0.4)",
    ]
    assert "Decisions learned from: 23 (14 hidden, 9 approved)" in shown.state.text()
    history = [shown.history_list.item(i).text() for i in range(shown.history_list.count())]
    assert history[0].startswith("Version 2 · ")
    assert history[0].endswith("(in force)")
    assert history[1].startswith("Version 1 · ")


def test_undo_goes_back_one_version_then_to_the_base_model(
    qtbot: QtBot, store: Store, account: Account
) -> None:
    assert account.id is not None
    store.calibrations.save(account.id, learned(0.4, {"w:нуб": 0.2}))
    store.calibrations.save(account.id, learned(0.45, {"w:нуб": 0.6}))
    shown = dialog(qtbot, store, account)
    with qtbot.waitSignal(shown.calibrationChanged) as signal:
        shown.undo_button.click()
    assert signal.args == [account.id]
    active = store.calibrations.active(account.id)
    assert active is not None
    assert active.version == 1
    assert shown.review_spin.value() == 0.4
    assert shown.history_list.item(0).text().endswith("(undone)")
    shown.undo_button.click()
    assert store.calibrations.active(account.id) is None
    assert not shown.undo_button.isEnabled()
    assert shown.review_spin.value() == 0.35


def test_thresholds_saved_by_hand(qtbot: QtBot, store: Store, account: Account) -> None:
    assert account.id is not None
    shown = dialog(qtbot, store, account)
    shown.review_spin.setValue(0.5)
    assert shown.save_button.isEnabled()
    shown.toxic_spin.setValue(0.45)
    assert not shown.save_button.isEnabled()  # review must stay below toxic
    shown.toxic_spin.setValue(0.9)
    with qtbot.waitSignal(shown.calibrationChanged):
        shown.save_button.click()
    active = store.calibrations.active(account.id)
    assert active is not None
    assert (active.origin, active.review, active.toxic) == (Origin.MANUAL, 0.5, 0.9)
    assert shown.changes_list.item(0).text() == "Review threshold 0.35 → 0.50"
    assert "by hand" in shown.history_list.item(0).text()
    assert not shown.save_button.isEnabled()


def test_learning_switch_is_per_account(qtbot: QtBot, store: Store, account: Account) -> None:
    assert account.id is not None
    shown = dialog(qtbot, store, account)
    assert shown.learn_box.isChecked()
    shown.learn_box.click()
    assert store.settings.get(learning_enabled(account.id)) is False
    assert store.settings.get(learning_enabled(account.id + 1)) is True


def test_approve_records_feedback_and_updates_the_bar(
    qtbot: QtBot, store: Store, comment_ids: list[int]
) -> None:
    engine = FakeEngine()
    actions = ModerationActions(store, EngineBridge(engine))
    bar = ActionBar()
    qtbot.addWidget(bar)
    flagged = store.comments.get(comment_ids[1])
    assert flagged is not None
    bar.set_comment(flagged)
    assert bar.approve_button.isEnabled()
    assert bar.approve_button.toolTip() == "Shortcut: A"
    with qtbot.waitSignal(bar.approveRequested):
        bar.approve_button.click()
    with qtbot.waitSignal(actions.commentTouched) as touched:
        assert actions.approve(comment_ids[1])
    assert touched.args == [comment_ids[1]]
    approved = store.comments.get(comment_ids[1])
    assert approved is not None
    assert approved.local_state is LocalState.REVIEWED
    assert store.feedback.get(comment_ids[1]).label is FeedbackLabel.OK  # type: ignore[union-attr]
    bar.set_comment(approved)
    assert not bar.approve_button.isEnabled()  # already reviewed


def test_approving_a_hidden_comment_is_refused_calmly(
    qtbot: QtBot, store: Store, comment_ids: list[int]
) -> None:
    actions = ModerationActions(store, EngineBridge(FakeEngine()))
    assert actions.hide(comment_ids[1])
    with qtbot.waitSignal(actions.actionFailed) as failed:
        assert not actions.approve(comment_ids[1])
    assert "unhide" in failed.args[0]
    bar = ActionBar()
    qtbot.addWidget(bar)
    bar.set_comment(store.comments.get(comment_ids[1]))
    assert not bar.approve_button.isEnabled()


def test_cloud_dialog_keeps_keys_in_the_keyring(qtbot: QtBot, store: Store) -> None:
    from moderator_app.secrets import SecretStore
    from moderator_app.store.settings import CLOUD_OPENAI_ENABLED, CLOUD_PERSPECTIVE_STATUS
    from moderator_app.ui.cloud_dialog import CloudDialog

    store.settings.set(CLOUD_PERSPECTIVE_STATUS, "Perspective API is no longer available")
    shown = CloudDialog(store, SecretStore())
    qtbot.addWidget(shown)
    openai = shown.rows["openai"]
    assert not openai.enabled.isChecked()  # off by default
    assert shown.rows["perspective"].status.text() == "Perspective API is no longer available"
    openai.enabled.setChecked(True)
    openai.key.setText("sk-secret")
    shown.save()
    assert store.settings.get(CLOUD_OPENAI_ENABLED) is True
    assert SecretStore().load_service_key("openai") == "sk-secret"
    assert (
        store.db.execute("SELECT COUNT(*) FROM settings WHERE value LIKE '%sk-secret%'").fetchone()[
            0
        ]
        == 0
    )
    shown.refresh()
    assert openai.key.text() == ""
    assert openai.key.placeholderText() == "Key saved (type to replace)"
