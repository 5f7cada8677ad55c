"""WordPress: the comments of a self-hosted site, over its REST API (WordPress 5.6+)."""

from moderator_app.connectors.wordpress.connector import WordPressConnector
from moderator_app.connectors.wordpress.setup import WordPressSetup

__all__ = ["WordPressConnector", "WordPressSetup"]
