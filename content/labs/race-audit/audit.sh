#!/usr/bin/env bash
# race-audit.sh: run in CI before every merge and every release.
set -euo pipefail

go vet ./...
go test -race -count=1 -shuffle=on -timeout=15m ./... 2>&1 | tee race.log

# Only reached when vet and the tests passed: a summary for the job log.
echo "race reports: $(grep -c 'WARNING: DATA RACE' race.log || true)"
