"""VK community walls: comments through Bots Long Poll and a backfill of recent posts; reply,
hide, unhide and report with a community administrator's user token."""

from moderator_app.connectors.vk.connector import VkConnector
from moderator_app.connectors.vk.oauth import authorize_url, parse_redirect
from moderator_app.connectors.vk.setup import VkSetup

__all__ = ["VkConnector", "VkSetup", "authorize_url", "parse_redirect"]
