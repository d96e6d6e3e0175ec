#!/usr/bin/env bash
# Restore a scripts/backup.sh file into a database, all or nothing (one transaction).
#   scripts/restore.sh FILE
# Reads DATABASE_URL: the target, normally a fresh empty database (createdb thidua_restored);
# objects that already exist there are dropped first (--clean). Stop the web and worker
# services before restoring over the live database.
set -euo pipefail
: "${DATABASE_URL:?set DATABASE_URL to the database to restore into}"
file="${1:?usage: scripts/restore.sh FILE}"
pg_restore --clean --if-exists --no-owner --no-privileges --exit-on-error \
  --single-transaction --dbname="$DATABASE_URL" "$file"
echo "restored $file"
