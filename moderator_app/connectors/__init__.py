"""Connectors turn a platform's HTTP API into domain objects. They never touch the store,
the UI or the keyring: credentials are handed to them."""
