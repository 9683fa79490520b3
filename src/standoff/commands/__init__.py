"""Click commands, grouped by subject; cli.py registers them."""
