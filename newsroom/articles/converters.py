"""Path converters for the public URLs."""


class UnicodeSlugConverter:
    """A slug in any script (``privé``, ``δοκιμή``), as ``SlugField(allow_unicode=True)``
    and taggit store them; Django's ``slug`` converter takes ASCII only."""

    regex = r"[-\w]+"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value
