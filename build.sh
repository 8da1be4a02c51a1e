#!/usr/bin/env bash
# Mcp.Dashboard's two commands.
#   ./build.sh run    runs the dashboard on its embedded default (SQLite file, demo data)
#   ./build.sh test   installs what the tests need, builds once, runs every test
set -euo pipefail
cd "$(dirname "$0")"

install_test_dependencies() {
  # Browser tests drive Debian's Chromium; Playwright cannot download its own here.
  local chromium="${MCP_CHROMIUM_PATH:-/usr/bin/chromium}"
  if [[ ! -x "$chromium" ]]; then
    echo "Installing Debian's chromium for the browser tests..."
    if [[ $(id -u) -eq 0 ]]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; fi
  fi
}

run_tests() {
  install_test_dependencies
  dotnet restore Mcp.Dashboard.sln
  dotnet build Mcp.Dashboard.sln --no-restore -c Release
  local results; results="$(mktemp -d)"
  local status=0
  for project in tests/Mcp.Dashboard.Domain.Tests tests/Mcp.Dashboard.Components.Tests tests/Mcp.Dashboard.Tests; do
    dotnet test "$project" --no-build -c Release --logger "trx;LogFilePrefix=$(basename "$project")" --results-directory "$results" || status=1
  done
  # One plain closing line for whoever reads the log: totals across the three suites.
  python3 - "$results" <<'PY' || true
import sys, glob, xml.etree.ElementTree as ET
passed = failed = skipped = 0
for f in glob.glob(sys.argv[1] + "/*.trx"):
    c = ET.parse(f).getroot().find(".//{*}Counters")
    passed += int(c.get("passed", 0)); failed += int(c.get("failed", 0)) + int(c.get("error", 0))
    skipped += int(c.get("notExecuted", 0))
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
  return $status
}

case "${1:-}" in
  run)  exec dotnet run --project src/Mcp.Dashboard ;;
  test) run_tests ;;
  *)    echo "usage: ./build.sh run | test" >&2; exit 2 ;;
esac
