"""YouTube: comments under a channel's videos, through the Data API v3 with Google OAuth."""

from moderator_app.connectors.youtube.connector import YouTubeConnector
from moderator_app.connectors.youtube.setup import YouTubeSetup

__all__ = ["YouTubeConnector", "YouTubeSetup"]
