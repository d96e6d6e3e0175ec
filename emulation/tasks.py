from emulation.imports.tasks import check_import, commit_import  # noqa: F401 (registered)
