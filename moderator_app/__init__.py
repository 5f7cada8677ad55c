"""Moderator: one calm inbox for community moderators."""

__version__ = "0.1.0"
APP_NAME = "Moderator"
APP_ID = "moderator_app"
