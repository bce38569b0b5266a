"""Pure rendering helpers (Rich only, no widgets): Arabic display and highlighted sentences."""
