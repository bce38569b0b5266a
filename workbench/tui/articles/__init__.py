"""The article list screen."""
