"""Runners: drive the pipeline over many inputs and store the results."""
