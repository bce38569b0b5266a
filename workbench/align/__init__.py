"""Entity alignment: mentions on both sides of a sentence pair, links to the glossary, decisions."""
