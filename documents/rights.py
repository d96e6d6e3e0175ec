"""Who keeps an issuing body's register and papers: a cluster's are kept by its secretary (or
the ministry's staff, who keep every cluster's records), the ministry's own (its office, its
council) by its staff. Services check it themselves, whoever calls them."""

from documents.models import Paper
from emulation.rights import require_cluster_writer, require_manager
from emulation.roles import scope_of


def paper_cluster(paper):
    """The cluster a paper comes from: its cluster-year's, or its nominee's proposal's for an
    achievement report; None for the ministry's own papers (decision, upward submission), which
    its staff alone keep even when the decision answers one cluster's proposal."""
    if paper.kind in (Paper.Kind.DECISION, Paper.Kind.UPWARD_SUBMISSION):
        return None
    if paper.cluster_year_id:
        return paper.cluster_year.cluster
    if paper.nomination_id:
        return paper.nomination.proposal.cluster_year.cluster
    return None


def may_keep(user, *, ministry_id, cluster):
    scope = scope_of(user)
    if cluster is not None:
        return scope.writes_cluster(cluster)
    return scope.manages_ministry(ministry_id)


def require_keeper(actor, *, ministry_id, cluster):
    """RightsError unless ``actor`` keeps the records of that issuing body."""
    if cluster is not None:
        require_cluster_writer(actor, cluster)
    else:
        require_manager(actor, ministry_id)
