"""Shared hypothesis settings and strategies for the property-based hostile-input tests.

Deterministic (``derandomize``: the same examples on every run and machine, no example
database) and small enough that each file runs in well under a minute.
"""

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

FAST = settings(
    derandomize=True,
    database=None,
    deadline=None,
    max_examples=25,
    # Django's test client and database fixtures are function-scoped on purpose: every
    # example shares one rolled-back test transaction, which is what these tests want.
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Any character a URL or a form can carry (surrogates cannot be encoded at all).
any_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=60)

# Values people and scanners actually send, mixed in with random text.
nasty_values = st.sampled_from(
    [
        "\x00",
        "a\x00b",
        "\x01\x1f",
        "²",
        "١٢",
        "-1",
        "0",
        "9" * 40,
        "1e9",
        "0x10",
        "%",
        "%00",
        "' OR 1=1 --",
        '"><script>alert(1)</script>',
        "../../etc/passwd",
        "privé",
        "🚀",
        " ",
        "last",
        "a" * 500,
    ]
)

query_values = st.one_of(nasty_values, any_text)
