import pytest

from tests.awards.conftest import approved, draft, flag, in_review, submitted  # noqa: F401
from tests.clusters.evaluation.conftest import save, table  # noqa: F401 (fixtures)


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "private")},
        },
    }
