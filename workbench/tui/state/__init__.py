"""Plain state adapters the screens call: queries and service calls, no widgets."""
