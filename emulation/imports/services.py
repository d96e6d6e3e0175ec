"""Uploading a list, checking it (the preview), writing it when staff confirm, cancelling.

The check and the write run in the Celery worker (``emulation.imports.tasks``), the upload's
file in the private storage; the page polls the batch for its progress."""

import os
import resource
import sys

from django.db import connection, connections, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from emulation.audit import audit_record
from emulation.data_version import bump_ministry
from emulation.errors import DomainError
from emulation.imports.engine import REGISTRY, sheet_run
from emulation.models import ImportBatch
from emulation.roles import scope_of
from emulation.spreadsheets import SpreadsheetError, check_file, open_sheet

Status = ImportBatch.Status


def spec_for(kind):
    spec = REGISTRY.get(kind)
    if spec is None:
        raise DomainError(_("Không có danh sách này."))
    return spec


def _require_manager(actor, ministry_id):
    if not scope_of(actor).manages_ministry(ministry_id):
        raise DomainError(_("Bạn chỉ được nhập dữ liệu của bộ, ngành mà bạn quản lý."))


def _locked(actor, batch, states, wrong_state):
    """The batch under its row lock, once the actor manages its ministry and it is in one
    of ``states`` (``wrong_state`` says so otherwise)."""
    batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    _require_manager(actor, batch.ministry_id)
    if batch.status not in states:
        raise DomainError(wrong_state)
    return batch


@transaction.atomic
def import_upload(*, actor, ministry, kind, upload):
    """Store the file and ask the worker to check it; nothing of the list is written yet."""
    spec_for(kind)
    _require_manager(actor, ministry.pk)
    _check_upload(upload)
    name = os.path.basename(upload.name)[:255]
    batch = ImportBatch(ministry=ministry, kind=kind, file_name=name, created_by=actor)
    batch.file.save(f"{batch.request_id}{os.path.splitext(name)[1].lower()}", upload, save=False)
    batch.save()
    _enqueue("check", batch)
    return batch


@transaction.atomic
def import_confirm(*, actor, batch):
    """Staff confirm a checked file: the worker writes it, all or nothing."""
    batch = _locked(actor, batch, (Status.CHECKED,), _("Tệp này không ở trạng thái chờ xác nhận."))
    if not (batch.counts.get("new") or batch.counts.get("changed")):
        raise DomainError(_("Tệp không có gì mới hoặc thay đổi: không cần ghi."))
    batch.status, batch.committed_by, batch.processed_rows = Status.COMMITTING, actor, 0
    batch.save(update_fields=["status", "committed_by", "processed_rows"])
    _enqueue("commit", batch)
    return batch


@transaction.atomic
def import_cancel(*, actor, batch):
    batch = _locked(
        actor,
        batch,
        (Status.CHECKED, Status.REFUSED),
        _("Chỉ hủy được tệp đã kiểm tra mà chưa ghi."),
    )
    batch.status = Status.CANCELLED
    batch.save(update_fields=["status"])
    batch.file.delete(save=False)
    return batch


EXTENSIONS = (".xlsx", ".csv")


def _extension(name):
    return os.path.splitext(name or "")[1].lower()


def _check_upload(upload):
    """Refuse at once, in the request, what the worker would refuse before the first row:
    another type, a file too large, an .xlsx that is not one or unpacks too large. The
    bounds are the one reader's (``emulation.spreadsheets``, the worker's size)."""
    extension = _extension(upload.name)
    if extension not in EXTENSIONS:
        raise DomainError(_("Chỉ nhận tệp Excel (.xlsx) hoặc CSV (.csv)."), field="file")
    try:
        check_file(upload, extension=extension, kind="worker")
    except SpreadsheetError as error:
        raise DomainError(error.errors[0], field="file") from None
    finally:
        upload.seek(0)


def _enqueue(step, batch):
    from emulation.imports import tasks

    task = tasks.check_import if step == "check" else tasks.commit_import
    transaction.on_commit(lambda: task.delay(batch.pk))


class _Refused(Exception):
    pass


def _peak_kib():
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak


class _Progress:
    """Writes the count of rows done where the page can see it. Inside the commit's
    transaction a second connection is needed (PostgreSQL); SQLite would lock, so there the
    count is written at the end only."""

    def __init__(self, batch_id, *, in_transaction):
        self.batch_id = batch_id
        self.side = None
        self.enabled = True
        if in_transaction:
            if connection.vendor == "postgresql":
                self.side = connections.create_connection("default")
            else:
                self.enabled = False

    def __call__(self, processed):
        if not self.enabled:
            return
        if self.side is None:
            ImportBatch.objects.filter(pk=self.batch_id).update(processed_rows=processed)
            return
        with self.side.cursor() as cursor:
            cursor.execute(
                f"UPDATE {ImportBatch._meta.db_table} SET processed_rows = %s WHERE id = %s",
                [processed, self.batch_id],
            )

    def close(self):
        if self.side is not None:
            self.side.close()


def _claim(batch_id, from_status, to_status):
    with transaction.atomic():
        batch = ImportBatch.objects.select_for_update().filter(pk=batch_id).first()
        if batch is None or batch.status != from_status:
            return None  # a second delivery of the task, or cancelled
        batch.status = to_status
        batch.save(update_fields=["status"])
        return batch


def _claim_sheet(batch_id, from_status, to_status):
    """``(batch, sheet)``: the batch claimed and its file opened. The sheet is None when
    there is nothing to do: the batch None (a second delivery, or cancelled), or failed (its
    file could not be read)."""
    batch = _claim(batch_id, from_status, to_status)
    if batch is None:
        return None, None
    try:
        return batch, open_sheet(
            batch.file.path, extension=_extension(batch.file.name), kind="worker"
        )
    except SpreadsheetError as error:
        _fail(batch, error)
        return batch, None


def _store(batch, result, status, **extra):
    batch.status = status
    batch.counts, batch.problems, batch.changes = result.counts, result.problems, result.changes
    batch.total_rows = max(batch.total_rows, result.total)
    batch.processed_rows = result.total
    batch.peak_memory_kib = _peak_kib()
    for name, value in extra.items():
        setattr(batch, name, value)
    batch.save()


def _fail(batch, error):
    batch.status = Status.FAILED
    if isinstance(error, SpreadsheetError):
        batch.error_message = " ".join(error.errors)
    else:
        batch.error_message = str(error.message if isinstance(error, DomainError) else error)
    batch.save(update_fields=["status", "error_message"])


def import_check(*, batch_id):
    """The preview: read the whole file, write nothing of the list. Headers, choices and
    reasons are Vietnamese whatever the language of the page that asked."""
    with translation.override("vi"):
        return _check(batch_id)


def import_commit(*, batch_id):
    """Write the confirmed file in one transaction; any refused row rolls it all back."""
    with translation.override("vi"):
        return _commit(batch_id)


def _check(batch_id):
    batch, sheet = _claim_sheet(batch_id, Status.QUEUED, Status.CHECKING)
    if sheet is None:
        return batch
    spec = spec_for(batch.kind)
    ImportBatch.objects.filter(pk=batch.pk).update(total_rows=sheet.total)
    progress = _Progress(batch.pk, in_transaction=False)
    try:
        result = sheet_run(spec=spec, ministry=batch.ministry, sheet=sheet, progress=progress)
    except (DomainError, SpreadsheetError) as error:
        _fail(batch, error)
        return batch
    finally:
        sheet.close()
    _store(batch, result, Status.REFUSED if result.refused else Status.CHECKED)
    return batch


def _commit(batch_id):
    # Claimed in a transaction of its own: the write below must not hold the batch's row, which
    # the progress counter updates from a second connection.
    batch, sheet = _claim_sheet(batch_id, Status.COMMITTING, Status.WRITING)
    if sheet is None:
        return batch  # None for a second delivery: the first one is writing or wrote it
    spec = spec_for(batch.kind)
    progress = _Progress(batch.pk, in_transaction=True)
    result = None
    try:
        with transaction.atomic():
            result = sheet_run(
                spec=spec,
                ministry=batch.ministry,
                sheet=sheet,
                actor=batch.committed_by,
                commit=True,
                progress=progress,
            )
            if result.refused:
                raise _Refused
            # The sheets write units, people and memberships in bulk: every year may show them.
            bump_ministry(ministry_id=batch.ministry_id)
            _store(batch, result, Status.DONE, committed_at=timezone.now())
            audit_record(
                actor=batch.committed_by,
                action="sheet_import",
                obj=batch,
                after={
                    "list": batch.kind,
                    "file": batch.file_name,
                    "ministry": batch.ministry_id,
                    **result.counts,
                },
            )
    except _Refused:
        _store(batch, result, Status.REFUSED)
    except (DomainError, SpreadsheetError) as error:
        _fail(batch, error)
    finally:
        sheet.close()
        progress.close()
    return batch
