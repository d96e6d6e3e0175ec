from django.contrib.auth.decorators import login_not_required
from django.http import JsonResponse

from emulation.health import health_report, may_probe_worker


@login_not_required
def health(request):
    """For load balancers and monitoring: 200 when the database and the broker answer,
    503 otherwise. ``?worker=1`` also sends a task through a Celery worker: for monitoring
    only (a staff account, or the HEALTH_WORKER_TOKEN in the X-Health-Token header), since
    each call costs a task; anyone else gets 403."""
    worker = request.GET.get("worker") == "1"
    if worker and not may_probe_worker(request):
        return JsonResponse({"status": "forbidden"}, status=403)
    healthy, report = health_report(worker=worker)
    return JsonResponse(report, status=200 if healthy else 503)
