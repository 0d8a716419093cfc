"""Django 6.1's own interface strings that its Dutch catalogue does not translate yet.

Listed here so ``make messages`` keeps them in ours, which Django reads before its own
(``LOCALE_PATHS``): the admin's empty choice in selects and the date drill-down's label.
Remove a line once Django's catalogue has it.
"""

from django.utils.translation import gettext_noop

UNTRANSLATED_BY_DJANGO = (
    gettext_noop("- Select an option -"),
    gettext_noop("Filter by %(field_name)s"),
)
