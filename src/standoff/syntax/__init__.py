"""The parse adapter: the parser's labels become roles, word classes and kinds of names
(labels.py, the only module that reads them), and parsed sentences become predicates with
their roles (predicates.py)."""
