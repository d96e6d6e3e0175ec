"""Ministry-level pages: the scoring tables (bảng tiêu chí chấm điểm)."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from clusters.evaluation.access import get_scoring_table_for_user
from clusters.evaluation.forms import (
    CriterionFormSet,
    GroupFormSet,
    ScoringTableCreateForm,
    ScoringTableImportForm,
    TableForm,
)
from clusters.evaluation.selectors import (
    scoring_table_in_use,
    scoring_tables_prefetched,
    scoring_tables_visible,
)
from clusters.evaluation.table_import import TableImportError, scoring_table_import
from clusters.evaluation.tables import levels_to_text, scoring_table_create, scoring_table_update
from emulation.access import managed_ministries, require_ministry_staff
from emulation.errors import DomainError
from emulation.pages import form_saved
from emulation.pagination import paginate
from emulation.roles import scope_of


def table_list(request):
    return render(
        request,
        "clusters/scoring_table_list.html",
        {
            "page": paginate(request, scoring_tables_visible(user=request.user)),
            "can_create": managed_ministries(request.user).exists(),
        },
    )


def table_create(request):
    require_ministry_staff(request.user)
    form = ScoringTableCreateForm(request.POST or None, ministries=managed_ministries(request.user))
    if saved := form_saved(request, form, scoring_table_create, _("Đã tạo bảng tiêu chí.")):
        return redirect("clusters:scoring_table", pk=saved.result.pk)
    return render(request, "clusters/scoring_table_form.html", {"form": form, "import": False})


def table_import(request):
    require_ministry_staff(request.user)
    form = ScoringTableImportForm(
        request.POST or None, request.FILES or None, ministries=managed_ministries(request.user)
    )
    errors = []

    def import_table(**data):
        try:
            return scoring_table_import(**data)
        except TableImportError as error:
            errors.extend(error.errors)
            raise

    done = _("Đã nhập bảng tiêu chí từ tệp Excel.")
    if saved := form_saved(request, form, import_table, done):
        return redirect("clusters:scoring_table", pk=saved.result.pk)
    return render(
        request,
        "clusters/scoring_table_form.html",
        {"form": form, "import": True, "errors": errors},
    )


def _initial(table):
    groups = list(table.groups.all())
    group_rows = [
        {
            "id": g.pk,
            "code": g.code,
            "title": g.title,
            "kind": g.kind,
            "max_points": g.max_points,
            "order": g.order,
        }
        for g in groups
    ]
    criterion_rows = [
        {
            "id": c.pk,
            "group_id": g.pk,
            "code": c.code,
            "text": c.text,
            "max_points": c.max_points,
            "evidence_required": c.evidence_required,
            "levels": levels_to_text(c.levels.all()),
            "order": c.order,
        }
        for g in groups
        for c in g.criteria.all()
    ]
    return groups, group_rows, criterion_rows


def _rows(formset):
    return [
        {**f.cleaned_data, "delete": f.cleaned_data.get("DELETE", False)}
        for f in formset.forms
        if f.has_changed() or f.cleaned_data.get("id")
        if f.cleaned_data
    ]


def table_detail(request, pk):
    table = get_scoring_table_for_user(request.user, pk)
    table = scoring_tables_prefetched().get(pk=table.pk)
    can_manage = scope_of(request.user).manages_ministry(table.ministry_id)
    in_use = scoring_table_in_use(table=table)
    groups, group_rows, criterion_rows = _initial(table)
    data = request.POST if request.method == "POST" else None
    if data is not None and not can_manage:
        table = get_scoring_table_for_user(request.user, pk, manage=True)
    form = TableForm(data, initial={"name": table.name, "version": table.version})
    group_set = GroupFormSet(data, initial=group_rows, prefix="g")
    criterion_set = CriterionFormSet(
        data, initial=criterion_rows, prefix="c", form_kwargs={"groups": groups}
    )
    if data is not None and form.is_valid() and group_set.is_valid() and criterion_set.is_valid():
        try:
            scoring_table_update(
                actor=request.user,
                table=table,
                expected_version=form.cleaned_data["version"],
                name=form.cleaned_data["name"],
                groups=_rows(group_set),
                criteria=_rows(criterion_set),
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Đã lưu bảng tiêu chí."))
            return redirect("clusters:scoring_table", pk=table.pk)
    return render(
        request,
        "clusters/scoring_table_detail.html",
        {
            "table": table,
            "groups": groups,
            "form": form,
            "group_set": group_set,
            "criterion_set": criterion_set,
            "can_edit": can_manage and not in_use,
            "in_use": in_use,
        },
    )
