"""The pages that span the apps: everyone's home page (the year at a glance) and the
ministry staff's account administration."""

from django.contrib.auth import views as auth_views
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import invitations, selectors, services
from accounts.access import get_account_for_user, get_assignment_of
from clusters.selectors import cluster_years_for_user, years_for_user
from emulation import access
from emulation.pages import form_saved, post_action
from emulation.pagination import paginate
from emulation.roles import scope_of
from emulation.selectors import selected_year
from portal import home_fragments
from portal.forms import AccountCreateForm, AccountSearchForm, RoleGrantForm


def home(request):
    """Everyone's year at a glance: the secretary's task list for each of their clusters, the
    leader's tiles for every cluster in scope, the staff's queue and cluster list."""
    year = selected_year(request)
    content = home_fragments.home_content(request, scope_of(request.user), year, render=_home)
    return render(request, "portal/home.html", {"content": content})


def _home_context(request, scope, year):
    cluster_years = list(cluster_years_for_user(user=request.user, year=year))
    own = [cy for cy in cluster_years if scope.is_secretary_of(cy.cluster_id)]
    is_leader = scope.is_leader
    tasks = home_fragments.task_list(own, scope)
    table = cluster_years and not is_leader and not tasks
    return {
        "year": year,
        "cluster_years": cluster_years,
        "tasks": tasks,
        "is_leader": is_leader,
        "dashboard": home_fragments.leader_dashboard(cluster_years) if is_leader else "",
        "cluster_table": home_fragments.cluster_table(cluster_years, year) if table else "",
        "years": years_for_user(user=request.user, also={year, timezone.localdate().year}),
    }


def _home(request, scope, year):
    """The home page's content as HTML (its forms with ``CSRF_SLOT``)."""
    context = _home_context(request, scope, year)
    return render_to_string("portal/_home.html", context, request=request)


def accounts_list(request):
    access.require_ministry_staff(request.user)
    search = AccountSearchForm(request.GET)
    query = search.cleaned_data["q"] if search.is_valid() else ""
    return render(
        request,
        "portal/accounts_list.html",
        {"page": paginate(request, selectors.accounts_listed(request.user, query)), "query": query},
    )


def account_create(request):
    access.require_ministry_staff(request.user)
    ministries = access.managed_ministries(request.user)
    form = AccountCreateForm(request.POST or None, ministries=ministries)
    saved = form_saved(
        request,
        form,
        services.account_create,
        lambda data: _("Đã tạo tài khoản %(name)s.") % {"name": data["username"]},
    )
    if saved:
        return redirect("accounts_list")
    return render(request, "portal/account_form.html", {"form": form})


def account_detail(request, pk):
    account = get_account_for_user(request.user, pk)
    ministries = access.managed_ministries(request.user)
    form = RoleGrantForm(request.POST or None, ministries=ministries)
    if form_saved(request, form, services.account_grant, _("Đã cấp quyền."), user=account):
        return redirect("account_detail", pk=account.pk)
    return render(
        request,
        "portal/account_detail.html",
        {
            "account": account,
            "assignments": selectors.assignments_of(account, ministries=ministries),
            "form": form,
        },
    )


@require_POST
def account_revoke(request, pk, assignment_pk):
    account = get_account_for_user(request.user, pk)
    return post_action(
        request,
        services.account_revoke,
        _("Đã thu hồi quyền."),
        then=reverse("account_detail", args=[account.pk]),
        assignment=get_assignment_of(account, assignment_pk),
    )


@require_POST
def account_set_active(request, pk):
    account = get_account_for_user(request.user, pk)
    active = request.POST.get("active") == "1"
    return post_action(
        request,
        services.account_set_active,
        _("Đã mở khóa tài khoản.") if active else _("Đã khóa tài khoản."),
        then=reverse("account_detail", args=[account.pk]),
        user=account,
        active=active,
    )


@require_POST
def account_invite(request, pk):
    """Send (again) the link to set a password."""
    account = get_account_for_user(request.user, pk)
    return post_action(
        request,
        invitations.account_invite,
        _("Đã gửi thư mời đặt mật khẩu tới %(email)s.") % {"email": account.email},
        then=reverse("account_detail", args=[account.pk]),
        user=account,
    )


class InvitationAcceptView(auth_views.PasswordResetConfirmView):
    """The invited person sets their own password; the link works once, for a limited time,
    for the account it was made for only."""

    token_generator = invitations.invitation_tokens
    template_name = "registration/invitation_confirm.html"
    success_url = reverse_lazy("invitation_done")
    reset_url_token = "dat-mat-khau"


class InvitationDoneView(auth_views.PasswordResetCompleteView):
    template_name = "registration/invitation_done.html"
