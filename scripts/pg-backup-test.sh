#!/usr/bin/env bash
# The PostgreSQL backup and restore of docs/deploy.md, run as written on scratch databases (issue 19, ADR 0042):
# Plenum runs on a fresh database holding the demo (programs, amendments, comments, a closed round's ballots, an
# open round, live text); pg_dump takes the backup while it runs and answers; pg_restore fills a new database;
# every table must hold the same rows, and a second Plenum started on the restored database must serve the
# programs. Both databases are dropped at the end. Needs a built app (npm run build), pg_dump/pg_restore/psql.
#
#   PGURL=postgresql://postgres@127.0.0.1:5432 bash scripts/pg-backup-test.sh
set -euo pipefail

PGURL="${PGURL:-postgresql://postgres@127.0.0.1:5432}"
SUFFIX="$$_$(date +%s)"
SOURCE="plenum_backup_source_$SUFFIX"
RESTORED="plenum_backup_restored_$SUFFIX"
WORK="$(mktemp -d)"
PIDS=()

cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; done
  psql -q "$PGURL/postgres" -c "DROP DATABASE IF EXISTS \"$SOURCE\" WITH (FORCE)" >/dev/null || true
  psql -q "$PGURL/postgres" -c "DROP DATABASE IF EXISTS \"$RESTORED\" WITH (FORCE)" >/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

fail() {
  echo "FAILED: $*" >&2
  exit 1
}

free_port() { node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }

# start_plenum <database> <log>: starts Plenum on it, waits for /healthz, prints its port.
start_plenum() {
  local port
  port="$(free_port)"
  NODE_ENV=production PORT="$port" HOST=127.0.0.1 DATABASE_URL="$PGURL/$1" DATA_DIR="$WORK/data" \
    KEYS_DIR="$WORK/keys" PLENUM_DEMO=1 LOG_LEVEL=warn node build/server/index.js >"$2" 2>&1 &
  PIDS+=("$!")
  for _ in $(seq 1 600); do
    if curl -fs "http://127.0.0.1:$port/healthz" >/dev/null; then
      echo "$port"
      return
    fi
    sleep 0.2
  done
  cat "$2" >&2
  fail "Plenum did not answer /healthz on $1"
}

# row_counts <database>: one line per table of the public schema, "table rows".
row_counts() {
  psql -At "$PGURL/$1" -c "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1" |
    while read -r table; do echo "$table $(psql -At "$PGURL/$1" -c "SELECT count(*) FROM \"$table\"")"; done
}

[ -f build/server/index.js ] || fail "no build: run npm run build first"
createdb -h "$(node -e "console.log(new URL('$PGURL').hostname)")" -U postgres "$SOURCE"
port="$(start_plenum "$SOURCE" "$WORK/source.log")"
echo "Plenum runs on $SOURCE (port $port), with the demo"

# The guide's backup, taken while Plenum runs and answers.
DATABASE_URL="$PGURL/$SOURCE"
curl -fs "http://127.0.0.1:$port/" >/dev/null &
pg_dump -Fc --no-owner "$DATABASE_URL" -f "$WORK/plenum.dump"
wait $! || true
curl -fs "http://127.0.0.1:$port/healthz" >/dev/null || fail "Plenum stopped answering during pg_dump"
echo "pg_dump: $(stat -c %s "$WORK/plenum.dump") bytes"

# The guide's restore, into a new empty database.
createdb -h "$(node -e "console.log(new URL('$PGURL').hostname)")" -U postgres "$RESTORED"
pg_restore --no-owner -d "$PGURL/$RESTORED" "$WORK/plenum.dump"

row_counts "$SOURCE" >"$WORK/source.counts"
row_counts "$RESTORED" >"$WORK/restored.counts"
diff "$WORK/source.counts" "$WORK/restored.counts" || fail "the restored database differs (above: source < > restored)"
echo "every table holds the same rows: $(wc -l <"$WORK/source.counts") tables, e.g." \
  "$(grep -E '^(Member|Amendment|Ballot|Comment|CollabUpdate|CollabDocument) ' "$WORK/source.counts" | tr '\n' ' ')"
for table in Member Program Amendment Ballot VotingRound CollabDocument; do
  grep -qE "^$table [1-9]" "$WORK/restored.counts" || fail "$table is empty in the restored database"
done

# A Plenum on the restored database: it starts (no migration to apply, nothing seeded again) and serves a program.
restored_port="$(start_plenum "$RESTORED" "$WORK/restored.log")"
home="$(curl -fs "http://127.0.0.1:$restored_port/")"
slug="$(grep -oE 'href="/p/[a-z0-9-]+"' <<<"$home" | head -1 | cut -d'"' -f2)"
[ -n "$slug" ] || fail "the restored Plenum's home page names no program"
title_of() { curl -fsL "$1" | grep -o '<title>[^<]*</title>' | head -1; }
source_title="$(title_of "http://127.0.0.1:$port$slug")"
restored_title="$(title_of "http://127.0.0.1:$restored_port$slug")"
[ -n "$restored_title" ] && [ "$restored_title" = "$source_title" ] ||
  fail "$slug: '$restored_title' on the restored Plenum, '$source_title' on the original"
row_counts "$RESTORED" | grep -E '^Member ' | diff - <(grep -E '^Member ' "$WORK/source.counts") >/dev/null ||
  fail "the restored Plenum seeded members again"
echo "Plenum started on the restored database and serves $slug as the original does: $restored_title"
echo "OK: PostgreSQL backup and restore as docs/deploy.md says"
