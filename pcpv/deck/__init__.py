"""The deck: plan (plain data), theme (every accessibility number) and writer (python-pptx)."""
