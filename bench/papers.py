"""Building the papers of a dossier and the dossier's ZIP, in a fresh process on a throwaway
SQLite database seeded with the demo (``seed_demo``): each paper of Cụm thi đua số 2's 2020
dossier issued again and built as the worker builds it (documents.issuing: PDF, DOCX, QR code,
signature with a demo certificate), then the proposal's ZIP. WeasyPrint and pyHanko are warmed
up first, as each worker child does when it starts. Part of ``make bench``.

    python -m bench.papers        # writes bench/results_papers.json and .md"""

import statistics
import time

from bench.harness import ms, run_signed, write_results

PAPER_TARGET_MS = 1000  # issue 12: each paper of the demo builds in ≤ 1 s in the worker
ZIP_TARGET_MS = 5000  # issue 12: a cluster's dossier ZIP in ≤ 5 s


def measure():
    from io import StringIO

    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from awards.models import Proposal
    from documents import dossier, issuing, pdf, signing
    from documents.models import PaperVersion
    from documents.services.papers import paper_for_decision, papers_for_proposal

    call_command("migrate", verbosity=0)
    call_command("seed_demo", stdout=StringIO())
    pdf.warm_up()
    signing.warm_up()
    proposal = Proposal.objects.get(cluster_year__cluster__number=2, cluster_year__year=2020)
    secretary = get_user_model().objects.get(username="thuky.cum2")
    staff = get_user_model().objects.get(username="vu.tdkt")
    papers = [(secretary, paper) for paper in papers_for_proposal(proposal)]
    papers.append((staff, paper_for_decision(proposal.decision)))
    rows = []
    for actor, paper in papers:
        started = time.perf_counter()
        # Outside a transaction the request's on-commit hook runs at once: with no broker
        # the build runs here, in process (eager), as a worker would run it.
        version = issuing.paper_version_request(actor=actor, paper=paper, issue=True)
        issuing.paper_version_build(version_id=version.pk)  # nothing left to do if built
        built = PaperVersion.objects.get(pk=version.pk)
        rows.append(
            {
                "paper": f"{paper.get_kind_display()} {paper.number.label}",
                "ms": ms(time.perf_counter() - started),
                "signed": bool(built.signature),
                "pdf_kb": built.size // 1024,
            }
        )
    zips = []
    for _run in range(3):
        started = time.perf_counter()
        content = dossier.dossier_zip(proposal)
        zips.append(time.perf_counter() - started)
    return {
        "papers": rows,
        "paper_median_ms": ms(statistics.median(row["ms"] / 1000 for row in rows)),
        "paper_max_ms": max(row["ms"] for row in rows),
        "zip_median_ms": ms(statistics.median(zips)),
        "zip_kb": len(content) // 1024,
    }


def main():
    result = run_signed(
        measure,
        {
            "DATABASE_URL": "sqlite:///{folder}/bench-papers.sqlite3",
            "PRIVATE_MEDIA_ROOT": "{folder}/media",
            "CELERY_BROKER_URL": None,  # the builds are timed here, in process
            "DJANGO_DEBUG": "1",  # seed_demo runs only in development mode
        },
    )
    paper_ok = result["paper_max_ms"] <= PAPER_TARGET_MS
    zip_ok = result["zip_median_ms"] <= ZIP_TARGET_MS
    lines = [
        "# Building the papers and the dossier (`python -m bench.papers`)",
        "",
        f"{result['date']}, load average {result['load_average'][0]}. Each paper of Cụm thi "
        "đua số 2's 2020 dossier (demo data) issued and built as the worker builds it: PDF "
        "(WeasyPrint), DOCX, QR code, signature with a demo certificate, files stored. "
        "WeasyPrint and pyHanko warmed up first, as each worker child does.",
        "",
        "| Paper | build | signed | PDF |",
        "|---|---:|---|---:|",
        *(
            f"| {row['paper']} | {row['ms']:.0f} ms | {'yes' if row['signed'] else 'no'} | "
            f"{row['pdf_kb']} KB |"
            for row in result["papers"]
        ),
        "",
        f"- Slowest paper: {result['paper_max_ms']:.0f} ms (target ≤ {PAPER_TARGET_MS} ms: "
        f"{'met' if paper_ok else '**over**'}); median {result['paper_median_ms']:.0f} ms.",
        f"- The dossier ZIP (contents page and every issued paper, {result['zip_kb']} KB): "
        f"{result['zip_median_ms']:.0f} ms, median of 3 (target ≤ {ZIP_TARGET_MS} ms: "
        f"{'met' if zip_ok else '**over**'}).",
    ]
    write_results("papers", result, lines)


if __name__ == "__main__":
    main()
