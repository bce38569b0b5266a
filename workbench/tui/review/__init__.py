"""The review screen: the queue, one-key decisions, the entity picker, the history pane."""
