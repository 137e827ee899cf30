#!/usr/bin/env bash
# The history's persistence tests against a real PostgreSQL, from Debian's packages: installs it
# if missing, starts its cluster, creates an empty database 'filedock' for the role 'filedock',
# then runs the History*IT tests and SharesIT (share links live in the same database) with the
# build's postgresql profile. Runs as root (CI does).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! compgen -G "/usr/lib/postgresql/*/bin/postgres" > /dev/null; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update
    apt-get install -y --no-install-recommends postgresql
fi
version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters --no-header | awk -v v="$version" '$1 == v && $2 == "main" { found = 1 } END { exit !found }'; then
    pg_createcluster "$version" main
fi
pg_ctlcluster "$version" main status > /dev/null || pg_ctlcluster "$version" main start
port=$(pg_lsclusters --no-header | awk -v v="$version" '$1 == v && $2 == "main" { print $3 }')

# a fresh database each run; the role's password is the one the profile uses by default
runuser -u postgres -- psql -p "$port" -v ON_ERROR_STOP=1 -q <<'SQL'
DO $$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'filedock') THEN
        CREATE ROLE filedock LOGIN PASSWORD 'filedock';
    END IF;
END $$;
DROP DATABASE IF EXISTS filedock;
CREATE DATABASE filedock OWNER filedock;
SQL

mvn -B verify -Ppostgresql \
    -Dfiledock.db.url="jdbc:postgresql://127.0.0.1:${port}/filedock" \
    -Dfiledock.db.user=filedock -Dfiledock.db.password=filedock \
    -Dit.test='History*IT,SharesIT' -Dtest='History*Test,RateSampler*Test,TransferRecorder*Test' \
    -Dsurefire.failIfNoSpecifiedTests=false \
    "$@"
