import pytest

from units.models import Person


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def person(world):
    return Person.objects.create(
        unit=world.units[0], full_name="Trần Thị Bình", position="Giảng viên", gender="female"
    )
