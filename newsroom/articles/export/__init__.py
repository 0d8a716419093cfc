"""Exporting an update to Word and PDF, in the language of the page it is exported from.

- ``document``: what an export holds (title, relevance line, signals, summary, body,
  source attribution, corrections, URL), gathered once for both formats.
- ``word``: the .docx, written with python-docx.
- ``pdf``: the PDF, rendered by WeasyPrint from HTML with the site's print stylesheet,
  so a printed page and the PDF look alike.
- ``views``: the public download (published updates only, cached like pages) and the
  staff download the admin links to (any state, never cached).

``views`` imports the others; ``word`` and ``pdf`` import only ``document``.
"""
