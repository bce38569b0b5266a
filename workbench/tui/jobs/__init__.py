"""The jobs and models screen."""
