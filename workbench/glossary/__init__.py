"""The curated glossary: entities, their spellings, and the file formats they travel in."""
