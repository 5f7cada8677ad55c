"""Which connector and which sign-in serve which platform.

Platform modules are imported lazily: a headless `sync --once` on a sandbox account never
loads the YouTube OAuth code, and a platform whose module is missing reports itself as
unsupported instead of breaking the others.
"""

import importlib
from typing import Any

import httpx

from moderator_app.connectors.base import (
    Connector,
    Credentials,
    CredentialsChanged,
    PlatformSetup,
)
from moderator_app.connectors.errors import NotSupported
from moderator_app.domain import Account, Capability, Platform

# platform -> (module, connector class, setup class)
_PLATFORMS: dict[Platform, tuple[str, str, str]] = {
    Platform.SANDBOX: ("moderator_app.connectors.sandbox", "SandboxConnector", "SandboxSetup"),
    Platform.WORDPRESS: (
        "moderator_app.connectors.wordpress",
        "WordPressConnector",
        "WordPressSetup",
    ),
    Platform.VK: ("moderator_app.connectors.vk", "VkConnector", "VkSetup"),
    Platform.TELEGRAM: ("moderator_app.connectors.telegram", "TelegramConnector", "TelegramSetup"),
    Platform.YOUTUBE: ("moderator_app.connectors.youtube", "YouTubeConnector", "YouTubeSetup"),
}
_SETUP_MODULES = {Platform.SANDBOX: "moderator_app.connectors.sandbox_setup"}


def _load(platform: Platform, which: int) -> Any:
    entry = _PLATFORMS.get(platform)
    if entry is None:
        raise NotSupported(f"{platform.label} accounts are not supported yet")
    module_name = entry[0] if which == 1 else _SETUP_MODULES.get(platform, entry[0])
    try:
        module = importlib.import_module(module_name)
        return getattr(module, entry[which])
    except (ImportError, AttributeError):
        raise NotSupported(f"{platform.label} accounts are not supported yet") from None


def supported_platforms() -> list[Platform]:
    """Platforms whose connector is present, in a stable order."""
    found = []
    for platform in _PLATFORMS:
        try:
            _load(platform, 1)
        except NotSupported:
            continue
        found.append(platform)
    return found


def capabilities_for(platform: Platform) -> frozenset[Capability]:
    """What a platform lets the moderator do (the UI enables buttons from this)."""
    try:
        capabilities: frozenset[Capability] = _load(platform, 1).capabilities
    except NotSupported:
        return frozenset()
    return capabilities


# Seconds between polls by default: what each platform's limits comfortably allow. YouTube's
# 10,000 quota units a day are shared by every account of the Google project.
_POLL_INTERVAL_S = {
    Platform.YOUTUBE: 120.0,
    Platform.WORDPRESS: 60.0,
    Platform.TELEGRAM: 15.0,
    Platform.VK: 20.0,
}


def default_poll_interval(platform: Platform) -> float:
    return _POLL_INTERVAL_S.get(platform, 30.0)


def setup_for(platform: Platform) -> PlatformSetup:
    setup: PlatformSetup = _load(platform, 2)()
    return setup


def make_connector(
    account: Account,
    credentials: Credentials,
    client: httpx.AsyncClient,
    on_credentials: CredentialsChanged | None = None,
) -> Connector:
    """The connector for `account`. `on_credentials` receives refreshed tokens to keep."""
    connector: Connector = _load(account.platform, 1)(account, credentials, client, on_credentials)
    return connector
