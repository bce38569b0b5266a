"""The analyst's review: statuses and actions, the queue, decisions and undo."""
