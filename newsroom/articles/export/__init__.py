"""Exporting an update to Word and PDF, in the language of the page it is exported from.

- ``document``: what an export holds (title, relevance line, signals, summary, body,
  source attribution, corrections, URL), gathered once for both formats.
- ``word``: the .docx, written with python-docx.
- ``pdf``: the PDF, rendered by WeasyPrint from HTML with the site's print stylesheet,
  so a printed page and the PDF look alike.
- ``files``: the built files, in their own storage, named by update, kind, language,
  version and format.
- ``tasks``: ``build_export``, the job that builds a file on the task queue.
- ``views``: the public download (published updates only) and the staff download the
  admin links to (any state, never cached); both serve a built file or enqueue its build
  and answer 202 with a page that refreshes itself. No request builds a document.

``views`` imports ``files``, ``tasks`` and ``document``; ``tasks`` imports the builders;
``word`` and ``pdf`` import only ``document`` (and ``labels``).
"""
