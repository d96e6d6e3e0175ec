from django import forms
from django.utils.translation import gettext_lazy as _

from awards.models import CouncilMember, MeetingAttendance, Nomination, UpwardDossier
from awards.regime import proposal_regime
from emulation.bounds import bound_fields, validate_date, validate_year
from emulation.models import AwardTitle
from units.models import Person, Unit

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ProposalForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    number = forms.CharField(label=_("Số tờ trình"), max_length=50, required=False)
    dated = forms.DateField(
        label=_("Ngày tờ trình"), required=False, widget=DATE, validators=[validate_date]
    )
    cover_file = forms.FileField(
        label=_("Tệp tờ trình"),
        required=False,
        help_text=_("PDF, Word, Excel hoặc ảnh. Để trống nếu giữ tệp đã tải lên."),
    )

    @classmethod
    def for_proposal(cls, proposal, data=None, files=None):
        initial = {"version": proposal.version, "number": proposal.number, "dated": proposal.dated}
        return cls(data, files, initial=initial)


class NominationForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    report_file = forms.FileField(
        label=_("Báo cáo thành tích"),
        required=False,
        help_text=_("PDF, Word hoặc ảnh. Để trống nếu giữ tệp đã tải lên."),
    )

    class Meta:
        model = Nomination
        fields = ["unit", "person", "award_title", "achievements"]
        widgets = {"achievements": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, proposal, **kwargs):
        super().__init__(*args, **kwargs)
        bound_fields(self)
        cluster_year = proposal.cluster_year
        units = Unit.objects.filter(memberships__cluster_year=cluster_year)
        self.fields["unit"].queryset = units.order_by("name")
        self.fields["person"].queryset = Person.objects.filter(unit__in=units).select_related(
            "unit"
        )
        self.fields["person"].label_from_instance = lambda p: f"{p.full_name} – {p.unit.name}"
        regime = proposal_regime(proposal).regime
        titles = AwardTitle.objects.filter(regime=regime)
        self.fields["award_title"].queryset = titles
        ministry = cluster_year.cluster.ministry
        self.fields["award_title"].label_from_instance = lambda t: (
            _("%(name)s – quyết định: %(level)s") % {"name": t, "level": t.level_label(ministry)}
        )
        self.fields["award_title"].help_text = _(
            "Danh hiệu do thủ trưởng đơn vị quyết định không đề nghị lên Bộ; ghi quyết định của "
            "thủ trưởng vào hồ sơ năm của đơn vị, cá nhân."
        )
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version

    def service_args(self):
        data = self.cleaned_data
        return {
            "line": self.save(commit=False),
            "version": data.get("version"),
            "report_file": data.get("report_file"),
        }


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Lý do"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )


class RevokeForm(forms.Form):
    """Thu hồi: the revoking decision, its date, the money to recover and the reason."""

    number = forms.CharField(label=_("Số quyết định thu hồi"), max_length=50)
    dated = forms.DateField(label=_("Ngày quyết định thu hồi"), widget=DATE)
    recover_amount = forms.DecimalField(
        label=_("Số tiền thưởng phải thu hồi (đồng)"),
        min_value=0,
        max_digits=14,
        decimal_places=0,
        required=False,
        help_text=_("Để trống: thu hồi toàn bộ tiền thưởng đã chi."),
    )
    reason = forms.CharField(label=_("Lý do"), widget=forms.Textarea(attrs={"rows": 3}))


class LineReviewForm(forms.Form):
    APPROVE, REJECT = "approve", "reject"
    outcome = forms.ChoiceField(
        label=_("Kết quả"),
        choices=[(APPROVE, _("Đồng ý")), (REJECT, _("Không đồng ý"))],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Lý do"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Bắt buộc khi không đồng ý."),
    )


class DecisionForm(forms.Form):
    number = forms.CharField(label=_("Số quyết định"), max_length=50)
    dated = forms.DateField(label=_("Ngày quyết định"), widget=DATE, validators=[validate_date])
    signer_name = forms.CharField(label=_("Người ký"), max_length=100)
    signer_position = forms.CharField(label=_("Chức vụ người ký"), max_length=150, required=False)


class BulkApproveForm(forms.Form):
    lines = forms.ModelMultipleChoiceField(
        queryset=Nomination.objects.none(), widget=forms.MultipleHiddenInput
    )

    def __init__(self, *args, queryset, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lines"].queryset = queryset


class DeadlinesForm(forms.Form):
    pledge_deadline = forms.DateField(
        label=_("Hạn ký giao ước"), required=False, widget=DATE, validators=[validate_date]
    )
    scores_deadline = forms.DateField(
        label=_("Hạn chấm điểm"), required=False, widget=DATE, validators=[validate_date]
    )
    proposals_deadline = forms.DateField(
        label=_("Hạn gửi hồ sơ"), required=False, widget=DATE, validators=[validate_date]
    )

    @classmethod
    def for_year(cls, emulation_year, data=None):
        return cls(data, initial={name: getattr(emulation_year, name) for name in cls.base_fields})


class CouncilMemberForm(forms.ModelForm):
    class Meta:
        model = CouncilMember
        fields = ["full_name", "position", "role", "term_start", "term_end"]
        widgets = {"term_start": DATE, "term_end": DATE}

    def service_args(self):
        return {"member": self.save(commit=False)}


class MeetingCreateForm(forms.Form):
    held_on = forms.DateField(label=_("Ngày họp"), widget=DATE)
    place = forms.CharField(label=_("Địa điểm"), max_length=200, required=False)


class MeetingRecordForm(forms.Form):
    """The one screen of a meeting: attendance of every roster member, the votes for every
    line put to it, the chair's choice on a tie, and the minutes."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    chair_choice_note = forms.CharField(
        label=_("Ý kiến quyết định của Chủ tịch Hội đồng (khi bằng phiếu)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "class": "form-control"}),
    )
    minutes_text = forms.CharField(
        label=_("Nội dung biên bản"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "class": "form-control"}),
    )

    def __init__(self, *args, meeting, attendance, lines, **kwargs):
        super().__init__(*args, **kwargs)
        self.attendance, self.lines = attendance, lines
        self.fields["version"].initial = meeting.version
        self.fields["chair_choice_note"].initial = meeting.chair_choice_note
        self.fields["minutes_text"].initial = meeting.minutes_text
        for row in attendance:
            self.fields[f"status_{row.member_id}"] = forms.ChoiceField(
                label=row.member.full_name,
                choices=MeetingAttendance.Status.choices,
                initial=row.status,
                required=False,
            )
        for line in lines:
            self.fields[f"present_{line.pk}"] = forms.IntegerField(
                label=_("Đồng ý tại họp – %(line)s") % {"line": line.nomination},
                min_value=0,
                required=False,
                initial=line.votes_present_for,
            )
            self.fields[f"written_{line.pk}"] = forms.IntegerField(
                label=_("Đồng ý bằng văn bản – %(line)s") % {"line": line.nomination},
                min_value=0,
                required=False,
                initial=line.votes_written_for,
            )
            self.fields[f"chair_{line.pk}"] = forms.BooleanField(
                label=_("Chủ tịch Hội đồng chọn – %(line)s") % {"line": line.nomination},
                required=False,
                initial=line.chair_choice,
            )

    def attendance_rows(self):
        return [(row, self[f"status_{row.member_id}"]) for row in self.attendance]

    def line_rows(self):
        return [
            (line, self[f"present_{line.pk}"], self[f"written_{line.pk}"], self[f"chair_{line.pk}"])
            for line in self.lines
        ]

    def service_args(self):
        data = self.cleaned_data
        return {
            "version": data["version"],
            "attendance": {
                row.member_id: data[f"status_{row.member_id}"] or row.status
                for row in self.attendance
            },
            "votes": {
                line.pk: (data[f"present_{line.pk}"], data[f"written_{line.pk}"])
                for line in self.lines
            },
            "chair_choices": [line.pk for line in self.lines if data[f"chair_{line.pk}"]],
            "chair_choice_note": data["chair_choice_note"],
            "minutes_text": data["minutes_text"],
        }


class DossierCreateForm(forms.Form):
    level = forms.ChoiceField(
        label=_("Cấp quyết định"), choices=UpwardDossier._meta.get_field("level").choices
    )
    year = forms.IntegerField(label=_("Năm thành tích"), validators=[validate_year])


class DossierCoverForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    number = forms.CharField(label=_("Số tờ trình"), max_length=50)
    dated = forms.DateField(label=_("Ngày tờ trình"), widget=DATE)


class DossierLinesForm(forms.Form):
    lines = forms.ModelMultipleChoiceField(
        label=_("Dòng đề nghị"),
        queryset=Nomination.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, queryset, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lines"].queryset = queryset
        self.fields["lines"].label_from_instance = lambda line: (
            f"{line.subject_name} – {line.award_title} ({line.proposal.cluster_year.cluster.name})"
        )


class UpperDecisionForm(DecisionForm):
    granted = forms.ModelMultipleChoiceField(
        label=_("Được khen thưởng"),
        queryset=Nomination.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Các dòng không chọn là không được khen thưởng theo quyết định này."),
    )

    def __init__(self, *args, queryset, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["granted"].queryset = queryset
        self.fields["granted"].initial = list(queryset)
        self.fields["granted"].label_from_instance = lambda line: (
            f"{line.subject_name} – {line.award_title}"
        )

    def service_args(self):
        data = dict(self.cleaned_data)
        granted = data.pop("granted")
        return {**data, "granted_ids": [line.pk for line in granted]}
