#!/usr/bin/env bash
# Migrate as the tables' owner, then give the application's role its rights again (new tables
# included; the audit trail: SELECT and INSERT only). docs/deployment.md, "Two database roles".
#   MIGRATE_DATABASE_URL=postgres://thidua_owner:…@host/thidua APP_DB_ROLE=thidua_app scripts/migrate.sh
set -euo pipefail
cd "$(dirname "$0")/.."
: "${MIGRATE_DATABASE_URL:?the owner's URL, e.g. postgres://thidua_owner:…@127.0.0.1:5432/thidua}"
: "${APP_DB_ROLE:?the role the application connects as, e.g. thidua_app}"
DATABASE_URL="$MIGRATE_DATABASE_URL" .venv/bin/python manage.py migrate --no-input
DATABASE_URL="$MIGRATE_DATABASE_URL" .venv/bin/python manage.py grant_app_role "$APP_DB_ROLE"
