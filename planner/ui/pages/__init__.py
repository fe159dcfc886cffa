"""The guided flow's step pages, one module per step."""
