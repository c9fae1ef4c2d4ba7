#!/usr/bin/env bash
# Adds a migration with the same name to both providers' migrations assemblies.
# Usage: scripts/add-migration.sh AddProjects
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh MigrationName}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  dotnet ef migrations add "$name" --project "src/Labelkoz.Migrations.$provider" --output-dir Migrations
done
