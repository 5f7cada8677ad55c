"""Saved views round-trip their question, relative periods stay relative."""

from moderator_app.domain import LocalState, Platform, ToxicityLevel
from moderator_app.store import SortOrder, Store
from moderator_app.store.view_spec import Period, ViewSpec
from moderator_app.store.views import SavedViewRepository


def test_saved_views_round_trip_rename_delete(store: Store) -> None:
    views = SavedViewRepository(store.db)
    spec = ViewSpec(
        platform=Platform.VK,
        min_level=ToxicityLevel.TOXIC,
        period=Period.DAY,
        local_states=(LocalState.NEW,),
        score_min=0.8,
        language="ru",
        sort=SortOrder.RISK,
    )
    first = views.add("Toxic, last 24 h, VK", spec)
    views.add("Mine", ViewSpec(author_name="Иван"))
    assert [v.name for v in views.list()] == ["Toxic, last 24 h, VK", "Mine"]
    assert views.get(first.id).spec == spec  # type: ignore[union-attr]
    assert views.rename(first.id, "VK toxic")
    assert views.delete(first.id)
    assert [v.name for v in views.list()] == ["Mine"]


def test_relative_period_is_computed_at_query_time() -> None:
    spec = ViewSpec(period=Period.DAY, since_ts=5.0)
    assert spec.to_filter(100_000.0).since_ts == 100_000.0 - 86_400.0
    assert ViewSpec(period=Period.CUSTOM, since_ts=5.0, until_ts=9.0).to_filter(1e9).until_ts == 9.0
    assert ViewSpec(since_ts=5.0).to_filter(1e9).since_ts is None


def test_broken_json_reads_as_no_restriction() -> None:
    assert ViewSpec.from_json("not json") == ViewSpec()
    odd = ViewSpec.from_json(
        '{"platform": "myspace", "score_min": "x", "local_states": ["new", 3]}'
    )
    assert odd == ViewSpec(local_states=(LocalState.NEW,))
