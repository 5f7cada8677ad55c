"""A message's text for the inbox: its text or caption, or a short placeholder for media.

Telegram sends plain text (formatting travels separately as entities), so nothing here has
markup to strip.
"""

from collections.abc import Mapping
from typing import Any

# Message fields that make a message content (rather than a service message), in the order
# Telegram documents them, with the placeholder shown when there is no caption.
MEDIA = {
    "animation": "[GIF]",
    "audio": "[audio]",
    "document": "[file]",
    "live_photo": "[photo]",
    "photo": "[photo]",
    "sticker": "[sticker]",
    "story": "[story]",
    "video": "[video]",
    "video_note": "[video message]",
    "voice": "[voice message]",
    "contact": "[contact]",
    "dice": "[dice]",
    "game": "[game]",
    "poll": "[poll]",
    "venue": "[venue]",
    "location": "[location]",
    "checklist": "[checklist]",
    "paid_media": "[paid media]",
    "invoice": "[invoice]",
    "giveaway": "[giveaway]",
}


def media_kind(message: Mapping[str, Any]) -> str | None:
    return next((kind for kind in MEDIA if message.get(kind) is not None), None)


def message_text(message: Mapping[str, Any]) -> str | None:
    """The text to show and score, or None for a service message (member joined, pinned…)."""
    text = message.get("text")
    if isinstance(text, str) and text:
        return text
    caption = message.get("caption")
    if isinstance(caption, str) and caption:
        return caption
    kind = media_kind(message)
    if kind is None:
        return None
    return _placeholder(kind, message)


def _placeholder(kind: str, message: Mapping[str, Any]) -> str:
    value = message.get(kind)
    if kind == "sticker" and isinstance(value, dict):
        emoji = value.get("emoji")
        if isinstance(emoji, str) and emoji:
            return f"[sticker {emoji}]"
    if kind == "poll" and isinstance(value, dict):
        question = value.get("question")
        if isinstance(question, str) and question:
            return f"[poll] {question}"
    if kind == "document" and isinstance(value, dict):
        name = value.get("file_name")
        if isinstance(name, str) and name:
            return f"[file {name}]"
    return MEDIA[kind]
