from django import forms
from django.utils.translation import gettext_lazy as _

from awards.models import Nomination
from emulation.bounds import MAX_COUNT, bound_fields, validate_date
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
        self.fields["award_title"].queryset = AwardTitle.objects.filter(
            regime_id=cluster_year.emulation_year.regime_id
        )
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Lý do"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )


class CouncilVoteForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    council_members = forms.IntegerField(
        label=_("Tổng số thành viên hội đồng"), min_value=1, max_value=MAX_COUNT
    )
    council_votes_for = forms.IntegerField(
        label=_("Số phiếu đồng ý"), min_value=0, max_value=MAX_COUNT
    )


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


class ForwardForm(forms.Form):
    forwarded_on = forms.DateField(
        label=_("Ngày trình Bộ Nội vụ"), widget=DATE, validators=[validate_date]
    )
    forwarded_number = forms.CharField(label=_("Số văn bản trình"), max_length=50)


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
