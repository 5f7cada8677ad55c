"""The engine: polling, scoring and the outbox, on one asyncio loop with no Qt."""
