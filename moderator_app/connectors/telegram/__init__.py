"""Telegram: comments under channel posts, which live in the channel's discussion group.

`TelegramConnector` reads them through a bot that is an admin there; `TelegramSetup` signs
the bot in and finds the groups. Account settings: see `settings.py`.
"""

from moderator_app.connectors.telegram.connector import Pacing, TelegramConnector
from moderator_app.connectors.telegram.setup import TelegramSetup

__all__ = ["Pacing", "TelegramConnector", "TelegramSetup"]
