"""The desktop app (PySide6). Only this package may import Qt."""
