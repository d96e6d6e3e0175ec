"""Run only by ``test_time_limits.py`` (its name is not collected): a test whose request to
the live server never gets an answer, the way a deadlocked request thread would hang."""

import threading
import urllib.request

import pytest
from django.conf import settings
from django.http import HttpResponse
from django.urls import path

never = threading.Event()


def never_answers(request):
    never.wait()
    return HttpResponse()


urlpatterns = [path("blocked/", never_answers, name="blocked")]


@pytest.mark.urls(__name__)
@pytest.mark.django_db(transaction=True)
def test_a_request_that_never_answers(live_server, client, django_user_model):
    client.force_login(django_user_model.objects.create_user("blocked"))
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    request = urllib.request.Request(
        f"{live_server.url}/blocked/",
        headers={"Cookie": f"{settings.SESSION_COOKIE_NAME}={session}"},
    )
    urllib.request.urlopen(request)
