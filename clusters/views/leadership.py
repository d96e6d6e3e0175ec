"""Leadership (Cụm trưởng, Cụm phó) per cluster-year, the rotation policy, the history, and
the year rollover."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from clusters.access import can_write_cluster, get_cluster_for_user, get_cluster_year_for_user
from clusters.year_start import leadership as leadership_services
from clusters.year_start import rollover as rollover_services
from clusters.year_start.forms import LeadershipForm, RotationPolicyForm
from clusters.year_start.selectors import (
    leadership_history,
    leadership_of,
    leadership_suggest,
    rotation_candidates,
    rotation_policy_of,
    year_exists,
)
from emulation.errors import DomainError, form_error
from emulation.pages import form_saved
from emulation.pagination import paginate


def _year_url(cluster_year):
    return f"{cluster_year.cluster.get_absolute_url()}?year={cluster_year.year}"


def _suggested_initial(suggestion):
    if suggestion is None:
        return {}
    initial = {
        "head_unit": suggestion.head_unit,
        "head_name": suggestion.head_person[0],
        "head_position": suggestion.head_person[1],
        "selection": suggestion.selection,
    }
    if suggestion.deputy_unit:
        initial.update(
            deputy_unit=suggestion.deputy_unit,
            deputy_name=suggestion.deputy_person[0],
            deputy_position=suggestion.deputy_person[1],
        )
    return initial


def leadership_edit(request, pk, year):
    cluster_year = get_cluster_year_for_user(request.user, pk, year, write=True)
    term = leadership_of(cluster_year=cluster_year)
    suggestion = leadership_suggest(cluster=cluster_year.cluster, year=year)
    initial = {"version": term.version if term else 0}
    if term is None:
        initial.update(_suggested_initial(suggestion))
    form = LeadershipForm(
        request.POST or None, instance=term, initial=initial, cluster_year=cluster_year
    )
    done = _("Đã lưu Cụm trưởng, Cụm phó năm %(year)s.") % {"year": year}
    service = leadership_services.leadership_save
    if form_saved(request, form, service, done, cluster_year=cluster_year):
        return redirect(_year_url(cluster_year))
    return render(
        request,
        "clusters/leadership_form.html",
        {
            "cluster": cluster_year.cluster,
            "cluster_year": cluster_year,
            "term": term,
            "form": form,
            "suggestion": suggestion,
            "policy": rotation_policy_of(cluster=cluster_year.cluster),
        },
    )


def leadership_history_view(request, pk):
    cluster = get_cluster_for_user(request.user, pk)
    page = paginate(request, leadership_history(cluster=cluster))
    latest = page.object_list[0].year if page.number == 1 and page.object_list else None
    return render(
        request,
        "clusters/leadership_history.html",
        {
            "cluster": cluster,
            "page": page,
            "policy": rotation_policy_of(cluster=cluster),
            "next_year": latest + 1 if latest else None,
            "suggestion": leadership_suggest(cluster=cluster, year=latest + 1) if latest else None,
            "can_write": can_write_cluster(request.user, cluster),
        },
    )


def rotation_edit(request, pk):
    cluster = get_cluster_for_user(request.user, pk, write=True)
    policy = rotation_policy_of(cluster=cluster)
    positions = {slot.unit_id: slot.position for slot in policy.slots.all()} if policy else {}
    initial = {"version": policy.version if policy else 0}
    if policy:
        initial.update(method=policy.method, no_repeat_years=policy.no_repeat_years)
    form = RotationPolicyForm(
        request.POST or None,
        initial=initial,
        units=rotation_candidates(cluster=cluster, policy=policy),
        positions=positions,
    )
    done = _("Đã lưu quy chế luân phiên.")
    if form_saved(request, form, leadership_services.rotation_policy_save, done, cluster=cluster):
        return redirect("clusters:leadership_history", pk=cluster.pk)
    return render(
        request,
        "clusters/rotation_form.html",
        {"cluster": cluster, "form": form, "policy": policy},
    )


def year_rollover(request, pk, year):
    cluster_year = get_cluster_year_for_user(request.user, pk, year, write=True)
    next_term = leadership_of(cluster=cluster_year.cluster, year=year + 1)
    suggestion = leadership_suggest(cluster=cluster_year.cluster, year=year + 1)
    form = None
    if next_term is None:
        form = LeadershipForm(
            request.POST if request.method == "POST" else None,
            initial=_suggested_initial(suggestion),
            cluster_year=cluster_year,
            optional=True,
            prefix="next",
        )
    if request.method == "POST" and (form is None or form.is_valid()):
        try:
            target, summary = rollover_services.cluster_year_rollover(
                actor=request.user,
                cluster_year=cluster_year,
                leadership=form.leadership_data() if form else None,
            )
        except DomainError as error:
            if form is None:
                messages.error(request, error.message)
            else:
                form_error(form, error)
        else:
            messages.success(
                request,
                _(
                    "Đã bắt đầu năm %(year)s: thêm %(members)s đơn vị thành viên, "
                    "chép %(commitments)s nội dung giao ước."
                )
                % {
                    "year": target.year,
                    "members": summary["members_added"],
                    "commitments": summary["commitments_copied"],
                },
            )
            return redirect(_year_url(target))
    return render(
        request,
        "clusters/rollover_form.html",
        {
            "cluster": cluster_year.cluster,
            "cluster_year": cluster_year,
            "next_year": year + 1,
            "next_term": next_term,
            "next_exists": year_exists(cluster=cluster_year.cluster, year=year + 1),
            "form": form,
            "suggestion": suggestion,
        },
    )
