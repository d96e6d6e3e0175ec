"""The papers of the yearly dossier that thidua writes from the data it holds: the cluster's
submission (tờ trình) and the minutes of its closing conference, each nominee's achievement
report, the ministry's decision and its submission to the Ministry of Home Affairs."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from documents.models.builds import BuildVersion, DocumentSettings
from documents.models.register import NumberRegister, RegisteredNumber
from emulation.bounds import validate_year
from emulation.errors import DomainError

# Unambiguous letters and digits (no 0/O, 1/I/L) for a code a person may type from paper.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 12


def new_verification_code():
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def with_the_line_unless_numbered(collector, field, sub_objs, using):
    """A line taken out of a proposal takes its achievement report with it, as it does its
    uploaded report file; a report that was issued a number stays, and so does the line (the
    register keeps every number it issued: Decree 30/2020/NĐ-CP, art. 15)."""
    numbered = [paper for paper in sub_objs if paper.number_id is not None]
    if numbered:
        raise DomainError(
            _("Báo cáo thành tích của dòng này đã được cấp số: không xóa được dòng đề nghị.")
        )
    models.CASCADE(collector, field, sub_objs, using)


class Paper(DocumentSettings):
    """One paper of a year's dossier: what a person wrote in it and its document settings.
    Its content is built from the app's data each time a version is generated."""

    class Kind(models.TextChoices):
        COVER_SUBMISSION = "cover_submission", _("Tờ trình đề nghị khen thưởng của cụm")
        MINUTES = "minutes", _("Biên bản hội nghị tổng kết cụm")
        ACHIEVEMENT_REPORT = "achievement_report", _("Báo cáo thành tích")
        DECISION = "decision", _("Quyết định khen thưởng")
        UPWARD_SUBMISSION = "upward_submission", _("Tờ trình của bộ gửi Bộ Nội vụ")

    TYPE_CODES = {
        Kind.COVER_SUBMISSION: NumberRegister.TypeCode.SUBMISSION,
        Kind.MINUTES: NumberRegister.TypeCode.MINUTES,
        Kind.ACHIEVEMENT_REPORT: NumberRegister.TypeCode.REPORT,
        Kind.DECISION: NumberRegister.TypeCode.DECISION,
        Kind.UPWARD_SUBMISSION: NumberRegister.TypeCode.SUBMISSION,
    }

    kind = models.CharField(_("loại văn bản"), max_length=30, choices=Kind)
    ministry = models.ForeignKey(
        "emulation.Ministry", on_delete=models.PROTECT, related_name="+", verbose_name=_("bộ")
    )
    year = models.PositiveSmallIntegerField(_("năm"), validators=[validate_year])
    cluster_year = models.ForeignKey(
        "clusters.ClusterYear",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="papers",
    )
    nomination = models.OneToOneField(
        "awards.Nomination",
        on_delete=with_the_line_unless_numbered,
        null=True,
        blank=True,
        related_name="achievement_report",
    )
    decision = models.OneToOneField(
        "awards.Decision", on_delete=models.PROTECT, null=True, blank=True, related_name="paper"
    )
    upward_dossier = models.OneToOneField(
        "awards.UpwardDossier",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="paper",
    )
    # What a person writes, by section key (each kind's sections: documents.papers).
    sections = models.JSONField(_("nội dung soạn thảo"), default=dict, blank=True)
    number = models.OneToOneField(
        RegisteredNumber,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="paper",
        verbose_name=_("số, ký hiệu"),
    )
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("văn bản")
        verbose_name_plural = _("văn bản")
        ordering = ["-year", "kind", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "cluster_year"],
                condition=models.Q(kind__in=["cover_submission", "minutes"]),
                name="one_cluster_paper_per_kind",
            ),
            models.CheckConstraint(
                condition=~models.Q(kind__in=["cover_submission", "minutes"])
                | models.Q(cluster_year__isnull=False),
                name="cluster_paper_has_cluster_year",
            ),
            models.CheckConstraint(
                condition=~models.Q(kind="achievement_report") | models.Q(nomination__isnull=False),
                name="achievement_report_has_nomination",
            ),
            models.CheckConstraint(
                condition=~models.Q(kind="decision") | models.Q(decision__isnull=False),
                name="decision_paper_has_decision",
            ),
            models.CheckConstraint(
                condition=~models.Q(kind="upward_submission")
                | models.Q(upward_dossier__isnull=False),
                name="upward_paper_has_dossier",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} – {self.year}"

    @property
    def type_code(self):
        return self.TYPE_CODES[self.kind]


class PaperVersion(BuildVersion):
    """One generation (or upload) of a paper: its PDF, its DOCX and the code that verifies it."""

    class Source(models.TextChoices):
        GENERATED = "generated", _("Do hệ thống tạo")
        UPLOADED = "uploaded", _("Tải lên (đã ký ở nơi khác)")

    class Signature(models.TextChoices):
        NONE = "", _("Chưa ký số")
        VALID = "valid", _("Chữ ký số hợp lệ")
        UNTRUSTED = "untrusted", _("Chữ ký toàn vẹn, chứng thư chưa được tin cậy")

    paper = models.ForeignKey(Paper, on_delete=models.CASCADE, related_name="versions")
    source = models.CharField(_("nguồn"), max_length=10, choices=Source, default=Source.GENERATED)
    # An issued version carries the paper's number, its QR code and (when a certificate is
    # configured) its signature; only issued versions can be verified. A draft carries none.
    issued = models.BooleanField(_("bản ban hành"), default=False)
    file = models.FileField(_("tệp PDF"), upload_to="papers/", blank=True)
    docx = models.FileField(_("tệp DOCX"), upload_to="papers/", blank=True)
    code = models.CharField(
        _("mã xác thực"), max_length=CODE_LENGTH, unique=True, default=new_verification_code
    )
    signature = models.CharField(
        _("chữ ký số"), max_length=10, choices=Signature, default=Signature.NONE, blank=True
    )
    signer = models.CharField(_("người ký số"), max_length=300, blank=True)
    signed_at = models.DateTimeField(_("ký lúc"), null=True, blank=True)
    # An uploaded PDF that is an issued version signed elsewhere (its bytes start with that
    # version's): the two are one paper, so the signed copy does not replace the version.
    signed_copy_of = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="signed_copies",
        verbose_name=_("bản ký số của"),
    )
    revoked_at = models.DateTimeField(_("thu hồi lúc"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    revoke_reason = models.CharField(_("lý do thu hồi"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("bản văn bản")
        verbose_name_plural = _("các bản văn bản")
        ordering = ["-requested_at", "-id"]

    def __str__(self):
        return f"{self.paper} #{self.pk}"
