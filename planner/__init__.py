"""planner: authoring, checking and publishing 官民データ活用推進計画.

The core (everything outside ``planner.ui``) is pure Python and never imports Qt.
"""

__version__ = "0.1.0"
