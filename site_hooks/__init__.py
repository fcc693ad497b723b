"""The MkDocs hooks that build the site (``mkdocs.yml`` lists them under ``hooks:``).

Each module handles one job; ``markdown_vocabulary`` is the one description of the
Markdown they all read (includes, fences, output comments), shared with the tests.
"""
