"""``{% navbar %}``: the navigation bar of every page.

Its markup depends only on the language, whether the viewer is signed in and is ministry
staff, and the code: it is rendered once per process for each of these, with slots for what
each request has of its own (the user's name, the page's path, the page's CSRF token),
filled in escaped. With ``DEBUG`` (templates edited while the server runs) it is rendered
every time."""

from functools import lru_cache

from django import template
from django.conf import settings
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.urls import get_script_prefix
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from emulation.fragments import CSRF_SLOT
from emulation.roles import scope_of

register = template.Library()

NAME_SLOT, PATH_SLOT = "\x00name\x00", "\x00path\x00"


def _render(language, authenticated, ministry_staff, script_prefix):
    return render_to_string(
        "_navbar.html",
        {
            "authenticated": authenticated,
            "ministry_staff": ministry_staff,
            "user_name": NAME_SLOT,
            "next_path": PATH_SLOT,
            "csrf_token": CSRF_SLOT,
        },
    )


_rendered_once = lru_cache(maxsize=32)(_render)


@register.simple_tag(takes_context=True)
def navbar(context):
    request = context.get("request")  # none in a page rendered without one: signed out
    user = getattr(request, "user", None)
    signed_in = user is not None and user.is_authenticated
    render = _render if settings.DEBUG else _rendered_once
    html = render(
        get_language(),
        signed_in,
        signed_in and scope_of(user).is_ministry_staff,
        get_script_prefix(),
    )
    name = (user.get_full_name() or user.username) if signed_in else ""
    token = context.get("csrf_token") or (get_token(request) if request else "")
    return mark_safe(  # the site's own markup; the request's values are escaped
        html.replace(NAME_SLOT, escape(name))
        .replace(PATH_SLOT, escape(request.get_full_path() if request else ""))
        .replace(CSRF_SLOT, str(token))
    )
