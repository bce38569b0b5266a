"""Text in any script: folding, tokens, sentence segmentation, XML escaping."""
