"""standoff: political event data from news text."""
