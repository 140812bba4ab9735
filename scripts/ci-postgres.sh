# Sourced by .ci/run when CENTRAL_PG=1: starts Debian's PostgreSQL on loopback in a throwaway
# folder and exports CENTRAL_PG_URL, so the central-server and sync suites also run against a
# real server (they use PGlite otherwise).
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
pgdata=$(mktemp -d)
chown postgres "$pgdata"
su postgres -c "$pgbin/initdb -D $pgdata -A trust -U postgres" >/dev/null
su postgres -c "$pgbin/pg_ctl -D $pgdata -o '-c listen_addresses=127.0.0.1 -p 55432 -k /tmp' -l $pgdata/log -w start" >/dev/null
su postgres -c "$pgbin/createdb -h 127.0.0.1 -p 55432 -U postgres central_test"
export CENTRAL_PG_URL="postgres://postgres@127.0.0.1:55432/central_test"
trap "su postgres -c '$pgbin/pg_ctl -D $pgdata -m fast stop' >/dev/null 2>&1 || true" EXIT
echo "PostgreSQL for the sync suite: $CENTRAL_PG_URL"
