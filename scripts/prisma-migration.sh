#!/usr/bin/env bash
# Creates the next migration for BOTH providers, offline (no database needed):
#   bash scripts/prisma-migration.sh <name>
# It diffs prisma/schema.prisma as committed at HEAD against the working copy (so commit the
# previous schema first), for SQLite and for the generated PostgreSQL schema.
set -euo pipefail
name=${1:?usage: prisma-migration.sh <name>}
stamp=$(date -u +%Y%m%d%H%M%S)
tmp=$(mktemp -d)
npx tsx scripts/prisma-postgres.ts
git show HEAD:prisma/schema.prisma > "$tmp/old.prisma"
npx tsx -e "import {readFileSync,writeFileSync} from 'node:fs'; import {toPostgresSchema} from './scripts/prisma-postgres.ts'; writeFileSync('$tmp/old-pg.prisma', toPostgresSchema(readFileSync('$tmp/old.prisma','utf8')))"
for provider in sqlite postgresql; do
  if [ "$provider" = sqlite ]; then schema=prisma/schema.prisma; old=$tmp/old.prisma; dir=prisma/migrations; else schema=prisma/postgresql/schema.prisma; old=$tmp/old-pg.prisma; dir=prisma/postgresql/migrations; fi
  mkdir -p "$dir/${stamp}_${name}"
  npx prisma migrate diff --from-schema-datamodel "$old" --to-schema-datamodel "$schema" --script > "$dir/${stamp}_${name}/migration.sql"
  echo "wrote $dir/${stamp}_${name}/migration.sql"
done
rm -rf "$tmp"
