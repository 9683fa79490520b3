"""Text handling before parsing: reading input, cleaning, dates and quotes."""
