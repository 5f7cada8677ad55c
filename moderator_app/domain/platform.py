"""Which social platforms exist and what a connector to one of them may do."""

from enum import StrEnum


class Platform(StrEnum):
    SANDBOX = "sandbox"
    VK = "vk"
    TELEGRAM = "telegram"
    YOUTUBE = "youtube"
    WORDPRESS = "wordpress"
    FACEBOOK = "facebook"
    INSTAGRAM = "instagram"
    REDDIT = "reddit"
    MASTODON = "mastodon"
    MATRIX = "matrix"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    Platform.SANDBOX: "Sandbox",
    Platform.VK: "VK",
    Platform.TELEGRAM: "Telegram",
    Platform.YOUTUBE: "YouTube",
    Platform.WORDPRESS: "WordPress",
    Platform.FACEBOOK: "Facebook",
    Platform.INSTAGRAM: "Instagram",
    Platform.REDDIT: "Reddit",
    Platform.MASTODON: "Mastodon",
    Platform.MATRIX: "Matrix",
}


class Capability(StrEnum):
    """What a platform lets a moderator do to someone else's comment.

    Platforms differ: Telegram can only delete, Mastodon can only report, YouTube can hold
    a comment for review. The UI enables a button only when the capability is present.
    """

    REPLY = "reply"
    HIDE = "hide"
    UNHIDE = "unhide"
    DELETE = "delete"
    REPORT = "report"
    BAN_AUTHOR = "ban_author"
