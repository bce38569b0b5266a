"""The corpus: importing articles, human translations, sentence pairs as the analyst reads them."""
