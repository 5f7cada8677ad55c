"""Telegram connector tests run against the fake Bot API on a loopback port, over real HTTP.

Every answer the fake gave during a test is checked against the official spec afterwards, so
the fake cannot drift from what Telegram documents."""

from collections.abc import Iterator

import pytest

from tests.connectors.telegram.session import Tg
from tests.connectors.telegram.spec import result_problems
from tests.servers.telegram_fake import TelegramFake


@pytest.fixture
def tg() -> Iterator[Tg]:
    with TelegramFake() as fake:
        world = fake.world
        token = world.add_bot()
        channel_id, group_id = world.add_discussion()
        world.set_member(group_id, token)
        user = world.add_user("Ирина", "К.", username="irina_k")
        yield Tg(fake, token, channel_id, group_id, user)
        bad = [p for a in fake.answers if a.ok for p in result_problems(a.method, a.result)]
        assert not bad, f"the fake answered outside the Bot API spec: {bad[:5]}"
