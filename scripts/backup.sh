#!/usr/bin/env bash
# Back up thidua's PostgreSQL database to one compressed, self-contained file.
#   scripts/backup.sh [FILE]        (default: backups/thidua-YYYYmmdd-HHMMSS.dump)
# Reads DATABASE_URL (postgres://user:password@host:port/name). Custom format (-Fc): restore
# with scripts/restore.sh, any table alone with pg_restore -t. Private media (evidence,
# generated reports under PRIVATE_MEDIA_ROOT) are files: back them up alongside (rsync).
set -euo pipefail
: "${DATABASE_URL:?set DATABASE_URL to the database to back up}"
file="${1:-backups/thidua-$(date -u +%Y%m%d-%H%M%S).dump}"
mkdir -p "$(dirname "$file")"
pg_dump --format=custom --no-owner --no-privileges --dbname="$DATABASE_URL" --file="$file.partial"
mv "$file.partial" "$file"   # a file under the final name is always complete
echo "$file"
