"""Everything Qt. The only package that imports PySide6; it talks to the engine through
`engine_bridge` and to SQLite through its own GUI-thread `Store`."""
