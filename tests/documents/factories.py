"""Registers, papers and their versions, made directly (no build pipeline): a ready version
carries the SHA-256 of ``content``, the bytes a test then uploads to the verification page."""

import datetime
import hashlib

import factory
from django.utils import timezone

from awards.models import Decision
from documents.models import NumberRegister, Paper, PaperVersion
from documents.services.register import body_of_cluster, body_of_ministry, register_for

PDF = b"%PDF-1.7\n% the issued paper\n%%EOF\n"


class PaperFactory(factory.django.DjangoModelFactory):
    """A cluster's cover submission (give ``cluster_year``)."""

    class Meta:
        model = Paper

    kind = Paper.Kind.COVER_SUBMISSION
    ministry = factory.LazyAttribute(lambda o: o.cluster_year.cluster.ministry)
    year = factory.LazyAttribute(lambda o: o.cluster_year.year)
    issued_on = datetime.date(2021, 12, 20)
    summary = "Đề nghị khen thưởng năm 2021"


class PaperVersionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PaperVersion

    class Params:
        content = PDF

    paper = factory.SubFactory(PaperFactory)
    status = PaperVersion.Status.READY
    issued = True
    generated_at = factory.LazyFunction(timezone.now)
    sha256 = factory.LazyAttribute(lambda o: hashlib.sha256(o.content).hexdigest())
    size = factory.LazyAttribute(lambda o: len(o.content))


def cluster_register(cluster, year=2021, type_code=NumberRegister.TypeCode.SUBMISSION):
    issuing_body, body_code = body_of_cluster(cluster)
    return register_for(
        ministry=cluster.ministry,
        year=year,
        type_code=type_code,
        body_code=body_code,
        issuing_body=issuing_body,
        cluster=cluster,
    )


def ministry_register(ministry, year=2021, type_code=NumberRegister.TypeCode.DECISION):
    issuing_body, body_code = body_of_ministry(ministry)
    return register_for(
        ministry=ministry,
        year=year,
        type_code=type_code,
        body_code=body_code,
        issuing_body=issuing_body,
    )


def decision_paper(ministry, *, number=None, year=2021):
    """The ministry's decision paper (its own register, kept by its staff)."""
    decision = Decision.objects.create(
        ministry=ministry,
        number="256/QĐ-BTP",
        dated=datetime.date(year, 12, 28),
        year=year,
        signer_name="Nguyễn Thanh Tịnh",
    )
    return Paper.objects.create(
        kind=Paper.Kind.DECISION,
        ministry=ministry,
        year=year,
        decision=decision,
        number=number,
        summary="Về việc tặng Cờ thi đua",
    )
