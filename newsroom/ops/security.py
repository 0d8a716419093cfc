"""Response headers Django has no setting for, and the CSRF failure page per audience.

``SecurityHeadersMiddleware`` adds Permissions-Policy (no camera, microphone,
geolocation, payment, USB or interest cohorts: the site uses none of them) and
Cross-Origin-Resource-Policy (other sites may not embed our responses; media answers
set their own). ``csrf_failure`` shows editors an admin-styled page about their login
session and readers the feedback page about their message.
"""

from django.conf import settings
from django.contrib import admin
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
        "interest-cohort",
        "browsing-topics",
    )
)


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        response.headers.setdefault(
            "Cross-Origin-Resource-Policy", settings.NEWSROOM_CROSS_ORIGIN_RESOURCE_POLICY
        )
        return response


def csrf_failure(request, reason=""):
    if request.path.startswith(reverse("admin:index")):
        context = {**admin.site.each_context(request), "title": _("This form has expired")}
        return render(request, "admin/403_csrf.html", context, status=403)
    return render(request, "403_csrf.html", status=403)
