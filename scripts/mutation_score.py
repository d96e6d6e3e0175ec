"""Print the mutation score of each area after `make mutation` (reads `mutmut results`)."""

import subprocess
import sys
from collections import Counter
from pathlib import Path

AREAS = {
    "awards.rules": "awards/rules/",
    "clusters.evaluation.ranking": "clusters/evaluation/ranking.py",
    "clusters.evaluation.votes": "clusters/evaluation/votes.py",
    "clusters.evaluation.scores": "clusters/evaluation/scores.py",
}


def main():
    mutmut = Path(sys.executable).with_name("mutmut")
    out = subprocess.run(
        [str(mutmut), "results", "--all", "true"], capture_output=True, text=True, check=True
    ).stdout
    counts = {area: Counter() for area in AREAS}
    survivors = []
    for row in out.splitlines():
        name, _, status = row.strip().rpartition(": ")
        area = next((a for a in AREAS if name.startswith(a + ".")), None)
        if area is None:
            continue
        counts[area][status] += 1
        if status == "survived":
            survivors.append(name)
    for area, count in counts.items():
        tested = count["killed"] + count["survived"] + count["timeout"]
        killed = count["killed"] + count["timeout"]
        score = f"{100 * killed / tested:.1f} %" if tested else "—"
        detail = ", ".join(f"{status} {n}" for status, n in sorted(count.items()))
        print(f"{AREAS[area]:36} {score:>8}  ({detail})")
    print("\nSurvivors:")
    for name in survivors:
        print("  " + name)


if __name__ == "__main__":
    main()
