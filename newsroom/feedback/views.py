"""The reader's side of feedback: the form page, its in-place (JSON) variant, the token.

Update pages are cached for everyone, so the feedback box in them carries no CSRF
token and no form token. With JavaScript, ``feedback.js`` fetches both from
``token`` (never cached) and posts to ``page`` in place; without it, the box links
to ``page``, which is never cached and renders the whole form with both tokens.
"""

import logging

from django.db import DatabaseError
from django.http import HttpResponseRedirect, JsonResponse
from django.middleware.csrf import get_token
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from newsroom.articles.models import Article

from . import protection, services
from .forms import FeedbackForm

logger = logging.getLogger(__name__)


def _wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


def _published_update(pk):
    """The live update ``?update=`` names; anything else (a draft's id, “²”, junk) is
    ignored and the page is about no update in particular."""
    pk = str(pk or "")
    if not (pk.isascii() and pk.isdecimal() and len(pk) <= 18):
        return None
    return Article.objects.published().filter(pk=int(pk)).first()


@never_cache
@require_http_methods(["GET", "POST"])
def feedback_page(request):
    """“What should we cover next?”: the whole form, about one update or in general."""
    if request.method == "POST":
        return _submit(request)
    update = _published_update(request.GET.get("update"))
    form = FeedbackForm(
        initial={"update": update.pk if update else None, "token": protection.make_token()}
    )
    return _page(request, form, update=update)


@require_GET
def feedback_thanks(request):
    return TemplateResponse(
        request,
        "feedback/feedback_thanks.html",
        {"update": _published_update(request.GET.get("update"))},
    )


@never_cache
@require_GET
def feedback_token(request):
    """A CSRF token and a signed form token for the box on a cached page."""
    return JsonResponse({"csrf": get_token(request), "token": protection.make_token()})


def _submit(request):
    form = FeedbackForm(request.POST)
    try:
        if not form.is_valid():
            if form.needs_new_token():
                form.with_new_token()
            return _rejected(request, form, status=400)
        data = form.cleaned_data
        client = protection.client_key(protection.client_address(request))
        try:
            feedback = services.submit_feedback(
                message=data["message"],
                kind=data["kind"],
                useful=data["useful"],
                article=data["update"],
                language=get_language(),
                token=form.form_token,
                client=client,
            )
        except protection.RateLimited as limited:
            alert = _(
                "You have sent several messages in a short time. Please wait a little "
                "before sending this one; what you wrote is still here."
            )
            response = _rejected(request, form, status=429, alert=alert)
            response["Retry-After"] = str(limited.retry_after)
            return response
        except protection.Unavailable:
            logger.warning("Reader feedback refused: the shared cache for rate limits is down")
            alert = _(
                "Sorry, we cannot take messages just now, so this one was not sent. "
                "Please try again in a few minutes; what you wrote is still here."
            )
            response = _rejected(request, form, status=503, alert=alert)
            response["Retry-After"] = "60"
            return response
        except services.Replayed:
            alert = _("This form was already sent once. Press “Send” again to send it anew.")
            return _rejected(request, form.with_new_token(), status=400, alert=alert)
        except services.Duplicate:
            alert = _("You already sent us this message today. Thank you, we have it.")
            return _rejected(request, form, status=400, alert=alert)
    except DatabaseError:
        logger.exception("Reader feedback could not be stored")
        alert = _(
            "Sorry, we could not store your message just now, so it was not sent. "
            "Please try again in a few minutes; what you wrote is still here."
        )
        return _rejected(request, form, status=503, alert=alert, database_down=True)

    if _wants_json(request):
        return JsonResponse(
            {"ok": True, "message": _thanks_message(), "token": protection.make_token()}, status=201
        )
    url = reverse("feedback:thanks")
    if feedback.article_id:
        url += "?" + urlencode({"update": feedback.article_id})
    # 303: reloading the thanks page must not send the message again.
    response = HttpResponseRedirect(url)
    response.status_code = 303
    return response


def _thanks_message():
    return _("Thank you. Your message has reached the newsroom.")


def _rejected(request, form, *, status, alert="", database_down=False):
    """Say what went wrong, in the reader's language, keeping what they typed."""
    if _wants_json(request):
        errors = {name: [str(e) for e in errs] for name, errs in form.errors.items()}
        payload = {"ok": False, "message": alert or _first_error(form), "errors": errors}
        if form.data.get("token") != request.POST.get("token"):
            payload["token"] = form.data["token"]
        return JsonResponse(payload, status=status)
    update = None
    if not database_down:
        candidate = getattr(form, "cleaned_data", {}).get("update")
        update = candidate if candidate and candidate.is_published() else None
    return _page(request, form, update=update, alert=alert, status=status)


def _first_error(form):
    if form.non_field_errors():
        return " ".join(form.non_field_errors())
    return _("Please check the field marked below.")


def _page(request, form, *, update=None, alert="", status=200):
    context = {"form": form, "update": update, "alert": alert}
    return TemplateResponse(request, "feedback/feedback_form.html", context, status=status)
