"""The pledge (giao ước thi đua) of a cluster-year: read by all who see the cluster, kept by
its secretary or ministry staff; reopening a locked pledge is for ministry staff."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from clusters.access import can_manage_cluster, can_write_cluster, get_cluster_year_for_user
from clusters.data_version import cluster_year_version
from clusters.models import Pledge
from clusters.year_start import pledge as pledge_services
from clusters.year_start.forms import (
    PledgeBoardRowForm,
    PledgeForm,
    RegistrationForm,
    ReopenForm,
    SignatureForm,
)
from clusters.year_start.selectors import (
    catalogue_for_year,
    pledge_board,
    pledge_of,
    registrations_of,
)
from emulation.errors import DomainError, form_error
from emulation.fragments import CSRF_SLOT, cached_fragment, with_csrf_token
from emulation.pages import form_saved, post_action


def _pledge_url(cluster_year):
    return reverse("clusters:pledge", args=[cluster_year.cluster.pk, cluster_year.year])


def _existing_pledge(cluster_year):
    pledge = pledge_of(cluster_year=cluster_year)
    if pledge is None:
        raise Http404
    pledge.cluster_year = cluster_year
    return pledge


# The cached pledge page starts with its pledge's id, then this (a NUL character cannot come
# from a form): the audit trail, read on each page, needs the id, not the pledge.
PLEDGE_ID_END = "\x00pledge\x00"


def _pledge_body(cluster_year, can_write, can_manage):
    pledge = pledge_of(cluster_year=cluster_year)
    rows = pledge_board(cluster_year=cluster_year, pledge=pledge)
    body = render_to_string(
        "clusters/_pledge_body.html",
        {
            "cluster": cluster_year.cluster,
            "cluster_year": cluster_year,
            "pledge": pledge,
            "rows": rows,
            "signed_count": sum(1 for r in rows if r.signature),
            "unregistered": [r.unit for r in rows if not r.registrations],
            "can_write": can_write and pledge is not None and not pledge.is_locked,
            "can_create": can_write and pledge is None,
            "can_reopen": pledge is not None and pledge.is_locked and can_manage,
            "csrf_token": CSRF_SLOT,
        },
    )
    return f"{pledge.pk if pledge else ''}{PLEDGE_ID_END}{body}"


def pledge_detail(request, pk, year):
    """The pledge and its board, cached per data version of the year and the reader's rights;
    the audit trail (with its actors' names, which no data version follows) read each time."""
    cluster_year = get_cluster_year_for_user(request.user, pk, year, token=True)
    can_write = can_write_cluster(request.user, cluster_year.cluster)
    can_manage = can_manage_cluster(request.user, cluster_year.cluster)
    cached = cached_fragment(
        "pledge",
        cluster_year_version(cluster_year),  # read with the cluster-year, before the data
        can_write,
        can_manage,
        render=lambda: _pledge_body(cluster_year, can_write, can_manage),
    )
    pledge_id, body = cached.split(PLEDGE_ID_END, 1)
    return render(
        request,
        "clusters/pledge_detail.html",
        {
            "cluster": cluster_year.cluster,
            "cluster_year": cluster_year,
            # The pledge by its id alone: what its audit trail reads.
            "audited": Pledge(pk=int(pledge_id)) if pledge_id else None,
            "body": with_csrf_token(request, body),
        },
    )


@require_POST
def pledge_create(request, pk, year):
    cluster_year = get_cluster_year_for_user(request.user, pk, year, write=True)
    return post_action(
        request,
        pledge_services.pledge_create,
        _("Đã lập dự thảo giao ước (chép nội dung năm trước)."),
        then=_pledge_url(cluster_year),
        cluster_year=cluster_year,
    )


def pledge_edit(request, pk, year):
    cluster_year = get_cluster_year_for_user(request.user, pk, year, write=True)
    pledge = _existing_pledge(cluster_year)
    initial = {
        "version": pledge.version,
        "commitments": "\n".join(c.text for c in pledge.commitments.all()),
        "place": pledge.signed_at_place,
        "conference_date": pledge.conference_date,
    }
    form = PledgeForm(request.POST or None, initial=initial)
    done = _("Đã lưu nội dung giao ước.")
    if form_saved(request, form, pledge_services.pledge_update, done, pledge=pledge):
        return redirect(_pledge_url(cluster_year))
    return _form_page(request, pledge, form, _("Sửa nội dung giao ước"))


def _form_page(request, pledge, form, title):
    cluster_year = pledge.cluster_year
    return render(
        request,
        "clusters/pledge_form.html",
        {
            "cluster": cluster_year.cluster,
            "cluster_year": cluster_year,
            "pledge": pledge,
            "form": form,
            "title": title,
        },
    )


def _transition(request, pk, year, service, done):
    cluster_year = get_cluster_year_for_user(request.user, pk, year, write=True)
    pledge = _existing_pledge(cluster_year)
    return post_action(request, service, done, then=_pledge_url(cluster_year), pledge=pledge)


@require_POST
def pledge_open(request, pk, year):
    return _transition(
        request, pk, year, pledge_services.pledge_open, _("Giao ước đã mở để các đơn vị ký.")
    )


@require_POST
def pledge_lock(request, pk, year):
    return _transition(request, pk, year, pledge_services.pledge_lock, _("Đã khóa giao ước."))


def pledge_reopen(request, pk, year):
    cluster_year = get_cluster_year_for_user(request.user, pk, year, manage=True)
    pledge = _existing_pledge(cluster_year)
    form = ReopenForm(request.POST or None)
    done = _("Đã mở lại giao ước.")
    if form_saved(request, form, pledge_services.pledge_reopen, done, pledge=pledge):
        return redirect(_pledge_url(cluster_year))
    return _form_page(request, pledge, form, _("Mở lại giao ước đã khóa"))


def pledge_sign(request, pk, year):
    cluster_year = get_cluster_year_for_user(request.user, pk, year, write=True)
    pledge = _existing_pledge(cluster_year)
    form = SignatureForm(
        request.POST or None,
        cluster_year=cluster_year,
        signed_unit_ids=pledge.signatures.values_list("unit_id", flat=True),
        initial={"signed_on": pledge.conference_date},
    )
    done = _("Đã ghi chữ ký của %(unit)s.")
    if form_saved(
        request,
        form,
        pledge_services.pledge_sign,
        lambda data: done % {"unit": data["unit"].name},
        pledge=pledge,
    ):
        return redirect(_pledge_url(cluster_year))
    return _form_page(request, pledge, form, _("Ghi chữ ký giao ước"))


def registration_add(request, pk, year):
    cluster_year = get_cluster_year_for_user(request.user, pk, year, write=True)
    pledge = _existing_pledge(cluster_year)
    form = RegistrationForm(
        request.POST or None, cluster_year=cluster_year, initial={"unit": request.GET.get("unit")}
    )
    done = _("Đã ghi đăng ký danh hiệu.")
    if form_saved(request, form, pledge_services.registration_add, done, pledge=pledge):
        return redirect(_pledge_url(cluster_year))
    return _form_page(request, pledge, form, _("Đăng ký danh hiệu thi đua"))


@require_POST
def registration_remove(request, pk, year, registration_pk):
    cluster_year = get_cluster_year_for_user(request.user, pk, year, write=True)
    pledge = _existing_pledge(cluster_year)
    registration = get_object_or_404(registrations_of(pledge=pledge), pk=registration_pk)
    registration.pledge = pledge
    return post_action(
        request,
        pledge_services.registration_remove,
        _("Đã xóa đăng ký danh hiệu."),
        then=_pledge_url(cluster_year),
        registration=registration,
    )


def pledge_board_edit(request, pk, year):
    """Registrations and signatures of every member in one table, saved at once."""
    cluster_year = get_cluster_year_for_user(request.user, pk, year, write=True)
    pledge = _existing_pledge(cluster_year)
    rows = pledge_board(cluster_year=cluster_year, pledge=pledge)
    titles = list(catalogue_for_year(cluster_year=cluster_year))
    can_sign = pledge.can_sign
    data = request.POST if request.method == "POST" else None
    forms = [
        PledgeBoardRowForm(
            data,
            unit=row.unit,
            titles=titles,
            can_sign=can_sign and row.signature is None,
            initial={"signed_on": pledge.conference_date},
        )
        for row in rows
    ]
    if data is not None and not pledge.is_locked and all(f.is_valid() for f in forms):
        filled = [f.row() for f in forms if f.row() is not None]
        try:
            saved = pledge_services.pledge_board_save(
                actor=request.user, pledge=pledge, rows=filled
            )
        except pledge_services.PledgeBoardError as error:
            by_unit = {f.unit.pk: f for f in forms}
            for unit_pk, (field, message) in error.errors.items():
                form_error(by_unit[unit_pk], DomainError(message, field=field))
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                _("Đã lưu %(s)s chữ ký và %(r)s đăng ký danh hiệu.")
                % {"s": saved["signatures"], "r": saved["registrations"]},
            )
            return redirect(_pledge_url(cluster_year))
    return render(
        request,
        "clusters/pledge_board.html",
        {
            "cluster": cluster_year.cluster,
            "cluster_year": cluster_year,
            "pledge": pledge,
            "rows": list(zip(rows, forms, strict=True)),
            "can_sign": can_sign,
            "locked": pledge.is_locked,
        },
    )
