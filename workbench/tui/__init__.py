"""The keyboard-driven terminal workbench (Textual): screens grouped by what the analyst is doing."""
