#!/usr/bin/env bash
# Same-run comparison of binaries on one command (BENCHMARKS.md "Wave 3"): each binary gets a
# fresh copy of scripts/bench/run.sh's 292-line config, `--codex-home` (no `env` wrapper in the
# figure), and `/bin/true` runs in the same hyperfine call. Prints medians and × /bin/true.
# Usage: bash scripts/bench/compare.sh "use gw2 --model m2" OLD_BINARY NEW_BINARY   (RUNS=200 default)
set -euo pipefail
command -v hyperfine >/dev/null || { echo "scripts/bench: needs hyperfine (apt-get install hyperfine)"; exit 2; }
cd "$(dirname "$0")/../.."
cmd="$1"; shift
S=$(mktemp -d); trap 'rm -rf "$S"' EXIT
export HOME="$S"
cp fixtures/corpus/12-big-annotated-template.toml "$S/base.toml"
for i in 1 2 3; do printf '\n[model_providers.gw%s]\nname = "Gateway %s"\nbase_url = "https://gw%s.example/v1"\nenv_key = "GW%s_KEY"\nwire_api = "responses"\n' $i $i $i $i >> "$S/base.toml"; done
args=(--prepare "true" -n true /bin/true)
i=0
for bin in "$@"; do
  i=$((i+1)); mkdir -p "$S/h$i"; cp "$S/base.toml" "$S/h$i/config.toml"
  args+=(--prepare "cp $S/base.toml $S/h$i/config.toml" -n "$i:$(basename "$bin")" "$bin --codex-home $S/h$i $cmd")
done
hyperfine -N --warmup 10 --runs "${RUNS:-200}" "${args[@]}" --export-json "$S/r.json" >/dev/null 2>&1
python3 - "$S/r.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
t = r[0]["median"]
for x in r:
    print("%-22s median %6.2f ms  mean %6.2f  min %5.2f  %4.1fx /bin/true" % (x["command"], x["median"] * 1e3, x["mean"] * 1e3, x["min"] * 1e3, x["median"] / t))
PY
