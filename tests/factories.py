"""Small builders of domain objects for store tests."""

from datetime import UTC, datetime, timedelta

from moderator_app.domain import Author, PlatformState, RemoteComment, ThreadRef

BASE = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)


def remote(
    n: int,
    text: str | None = None,
    *,
    parent: str | None = None,
    post: str = "p1",
    state: PlatformState = PlatformState.VISIBLE,
) -> RemoteComment:
    return RemoteComment(
        remote_id=f"c{n}",
        thread=ThreadRef(post, f"Post {post}", f"http://example/{post}"),
        author=Author(f"u{n % 7}", f"user{n % 7}"),
        text=text if text is not None else f"comment number {n}",
        created_at=BASE + timedelta(minutes=n),
        permalink=f"http://example/{post}#c{n}",
        parent_remote_id=parent,
        platform_state=state,
    )
