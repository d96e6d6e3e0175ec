import factory
from django.contrib.auth import get_user_model

from accounts.models import RoleAssignment
from clusters.models import Cluster, ClusterYear, Membership
from clusters.services import emulation_year_get_or_create
from emulation.models import Ministry
from units.models import Unit

PASSWORD = "mat-khau-thu-nghiem-1"


class MinistryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Ministry

    name = factory.Sequence(lambda n: f"Bộ Thử nghiệm {n}")
    short_name = factory.Sequence(lambda n: f"BTN{n}")


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit

    ministry = factory.SubFactory(MinistryFactory)
    name = factory.Sequence(lambda n: f"Đơn vị {n:03d}")
    kind = Unit.Kind.INSTITUTE


class ClusterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cluster

    ministry = factory.SubFactory(MinistryFactory)
    number = factory.Sequence(lambda n: n + 1)
    name = factory.LazyAttribute(lambda o: f"Cụm thi đua số {o.number}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Sequence(lambda n: f"Người dùng {n}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save()


def cluster_year_with_units(cluster, year, units):
    emulation_year = emulation_year_get_or_create(ministry=cluster.ministry, year=year)
    cluster_year, _ = ClusterYear.objects.get_or_create(
        cluster=cluster, year=year, defaults={"emulation_year": emulation_year}
    )
    Membership.objects.bulk_create(
        [Membership(cluster_year=cluster_year, unit=u) for u in units], ignore_conflicts=True
    )
    return cluster_year


def grant(user, role, ministry, cluster=None):
    RoleAssignment.objects.create(user=user, role=role, ministry=ministry, cluster=cluster)
    return user
