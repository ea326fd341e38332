# Sourced by .ci/run, .ci/production-smoke.sh and scripts/stock-app.sh:
#
#   wait_ready <base-url> <pid> <seconds> <log> <name>
#
# Waits until the backend at <base-url> answers its readiness endpoint. Gives up,
# printing the last lines of <log>, when <seconds> have passed or process <pid>
# (the backend, or the group leader that started it) has ended.
wait_ready() {
  local url="$1" pid="$2" limit="$3" log="$4" name="$5" waited=0
  until curl -fsS -o /dev/null "$url/.backstage/health/v1/readiness" 2>/dev/null; do
    sleep 2
    waited=$((waited + 2))
    if [ "$waited" -ge "$limit" ] || ! kill -0 "$pid" 2>/dev/null; then
      echo "$name did not become ready within $limit s; last lines of $log:" >&2
      tail -n 40 "$log" >&2
      return 1
    fi
  done
  echo "$name ready after ${waited} s"
}
