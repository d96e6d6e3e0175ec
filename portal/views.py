"""The pages that span the apps: everyone's home page (the year at a glance) and the
ministry staff's account administration."""

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import invitations, services
from accounts.access import get_account_for_user, managed_accounts
from accounts.models import RoleAssignment
from clusters.selectors import cluster_years_for_user, years_for_user
from emulation import access
from emulation.errors import DomainError, form_error
from emulation.pagination import paginate
from emulation.roles import scope_of
from emulation.selectors import selected_year
from portal import home_fragments
from portal.forms import AccountCreateForm, AccountSearchForm, RoleGrantForm


def home(request):
    """Everyone's year at a glance: the secretary's task list for each of their clusters, the
    leader's tiles for every cluster in scope, the staff's queue and cluster list."""
    year = selected_year(request)
    scope = scope_of(request.user)
    cluster_years = list(cluster_years_for_user(user=request.user, year=year))
    own = [cy for cy in cluster_years if scope.is_secretary_of(cy.cluster_id)]
    is_leader = scope.is_leader
    return render(
        request,
        "portal/home.html",
        {
            "year": year,
            "cluster_years": cluster_years,
            "tasks": home_fragments.task_list(request, own, scope),
            "is_leader": is_leader,
            "dashboard": home_fragments.leader_dashboard(cluster_years) if is_leader else "",
            "years": years_for_user(user=request.user, also={year, timezone.localdate().year}),
        },
    )


def accounts_list(request):
    access.require_ministry_staff(request.user)
    accounts = (
        managed_accounts(request.user)
        .prefetch_related("role_assignments__cluster", "role_assignments__ministry")
        .order_by("username")
    )
    search = AccountSearchForm(request.GET)
    query = search.cleaned_data["q"] if search.is_valid() else ""
    if query:
        accounts = accounts.filter(Q(username__icontains=query) | Q(first_name__icontains=query))
    return render(
        request,
        "portal/accounts_list.html",
        {"page": paginate(request, accounts), "query": query},
    )


def account_create(request):
    access.require_ministry_staff(request.user)
    ministries = access.managed_ministries(request.user)
    form = AccountCreateForm(request.POST or None, ministries=ministries)
    if request.method == "POST" and form.is_valid():
        try:
            services.account_create(actor=request.user, **form.cleaned_data)
        except DomainError as error:
            form_error(form, error)
        else:
            messages.success(
                request, _("Đã tạo tài khoản %(name)s.") % {"name": form.cleaned_data["username"]}
            )
            return redirect("accounts_list")
    return render(request, "portal/account_form.html", {"form": form})


def account_detail(request, pk):
    account = get_account_for_user(request.user, pk)
    ministries = access.managed_ministries(request.user)
    form = RoleGrantForm(request.POST or None, ministries=ministries)
    if request.method == "POST" and form.is_valid():
        try:
            services.account_grant(actor=request.user, user=account, **form.cleaned_data)
        except DomainError as error:
            form_error(form, error)
        else:
            messages.success(request, _("Đã cấp quyền."))
            return redirect("account_detail", pk=account.pk)
    assignments = account.role_assignments.filter(ministry__in=ministries).select_related(
        "ministry", "cluster"
    )
    return render(
        request,
        "portal/account_detail.html",
        {"account": account, "assignments": assignments, "form": form},
    )


@require_POST
def account_revoke(request, pk, assignment_pk):
    account = get_account_for_user(request.user, pk)
    assignment = get_object_or_404(RoleAssignment, pk=assignment_pk, user=account)
    try:
        services.account_revoke(actor=request.user, assignment=assignment)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Đã thu hồi quyền."))
    return redirect("account_detail", pk=account.pk)


@require_POST
def account_set_active(request, pk):
    account = get_account_for_user(request.user, pk)
    active = request.POST.get("active") == "1"
    try:
        services.account_set_active(actor=request.user, user=account, active=active)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Đã mở khóa tài khoản.") if active else _("Đã khóa tài khoản."))
    return redirect("account_detail", pk=account.pk)


@require_POST
def account_invite(request, pk):
    """Send (again) the link to set a password."""
    account = get_account_for_user(request.user, pk)
    try:
        invitations.account_invite(actor=request.user, user=account)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request, _("Đã gửi thư mời đặt mật khẩu tới %(email)s.") % {"email": account.email}
        )
    return redirect("account_detail", pk=account.pk)


class InvitationAcceptView(auth_views.PasswordResetConfirmView):
    """The invited person sets their own password; the link works once, for a limited time,
    for the account it was made for only."""

    token_generator = invitations.invitation_tokens
    template_name = "registration/invitation_confirm.html"
    success_url = reverse_lazy("invitation_done")
    reset_url_token = "dat-mat-khau"


class InvitationDoneView(auth_views.PasswordResetCompleteView):
    template_name = "registration/invitation_done.html"
