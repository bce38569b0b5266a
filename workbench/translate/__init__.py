"""Machine translation to English (Argos packages run through CTranslate2) and human English versions.

Importing this package is free: the engine loads ctranslate2 and sentencepiece only when asked, and
nothing here ever imports ``argostranslate.translate`` (torch, stanza, spacy) or its sentence splitter.
"""
