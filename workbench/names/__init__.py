"""Cross-script name matching: normalisation, phonetic keys, titles, and the candidate index."""
