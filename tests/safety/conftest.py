from tests.clusters.evaluation.conftest import save, table  # noqa: F401 (fixtures)
