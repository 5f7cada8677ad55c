"""WordPress connector tests: an in-memory fake for conformance and faults, and one real
WordPress per session (tests/servers/wordpress.py) for the real run."""

from tests.servers.wordpress import wordpress_site  # noqa: F401  (a session fixture)
