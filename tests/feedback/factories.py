"""A small factory for reader feedback: each call makes a valid row and takes overrides."""

import itertools

from newsroom.feedback.models import Feedback

_counter = itertools.count(1)


def make_feedback(**overrides):
    n = next(_counter)
    fields = {"message": f"Reader message number {n}", "language": "en"} | overrides
    return Feedback.objects.create(**fields)
