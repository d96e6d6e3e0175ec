"""Who keeps a cluster's register and papers, as the status a POST of theirs gets: its
secretary and the ministry's staff act (302), the leader reads only (403), the other cluster's
secretary and another ministry's staff do not see it (404)."""

CLUSTER_KEEPING = [
    ("secretary", 302),
    ("staff", 302),
    ("leader", 403),
    ("other_secretary", 404),
    ("foreign_staff", 404),
]
# The ministry's own register and papers: its staff alone; a cluster's secretary sees nothing.
MINISTRY_KEEPING = [("staff", 302), ("leader", 403), ("secretary", 404), ("foreign_staff", 404)]
