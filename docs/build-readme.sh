#!/usr/bin/env bash
# README.md is assembled from docs/README-intro.md and one section per area, so each area documents itself.
set -euo pipefail
cd "$(dirname "$0")"
{
  cat README-intro.md
  for s in core control ui connector conformance performance facts; do
    echo
    cat "sections/$s.md"
  done
} > ../README.md
echo "README.md assembled"
