"""The side-by-side article screen."""
