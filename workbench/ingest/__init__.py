"""Getting articles in: reading files, detecting language, splitting sentences, storing."""
