#!/usr/bin/env bash
# Whole-process benchmarks: each figure printed next to its target (issue 7, BENCHMARKS.md).
# Usage: bash scripts/bench/run.sh            (needs hyperfine: `apt-get install hyperfine`)
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v hyperfine >/dev/null || { echo "scripts/bench: needs hyperfine (apt-get install hyperfine)"; exit 2; }
cargo build --release --quiet
cargo build --release --quiet --example fake_server
B="$PWD/target/release/codex-provider"
S=$(mktemp -d); trap 'kill $(jobs -p) 2>/dev/null; rm -rf "$S"' EXIT
export CODEX_HOME="$S/home" HOME="$S"; mkdir -p "$CODEX_HOME"

# A realistic ~300-line config: the annotated template plus a few providers and a profile.
cp fixtures/corpus/12-big-annotated-template.toml "$S/base.toml"
for i in 1 2 3; do printf '\n[model_providers.gw%s]\nname = "Gateway %s"\nbase_url = "https://gw%s.example/v1"\nenv_key = "GW%s_KEY"\nwire_api = "responses"\n' $i $i $i $i >> "$S/base.toml"; done
cp "$S/base.toml" "$CODEX_HOME/config.toml"
printf 'model_provider = "gw1"\nmodel = "m"\n' > "$CODEX_HOME/work.config.toml"
echo "config: $(wc -l < "$S/base.toml") lines; binary: $(stat -c %s "$B") bytes; $(nproc) cores"

H="hyperfine -N --warmup 5 --runs 60 --export-json"
reset="cp $S/base.toml $CODEX_HOME/config.toml"
$H "$S/local.json" \
  -n true "/bin/true" \
  -n version "$B --version" \
  -n list "$B list" \
  -n current "$B current" \
  -n show "$B show gw1" \
  >/dev/null
# Dynamic completion: the protocol variables go to hyperfine's own environment (an `env`
# wrapper would add an exec to the figure); /bin/true ignores them.
COMPLETE=bash _CLAP_COMPLETE_INDEX=2 _CLAP_COMPLETE_COMP_TYPE=9 _CLAP_COMPLETE_SPACE=true _CLAP_IFS=x \
  $H "$S/complete.json" -n complete "$B -- codex-provider use x" >/dev/null
$H "$S/write.json" --prepare "$reset" \
  -n use "$B use gw2 --model m2" \
  -n add-no-probe "$B add zz --base-url http://127.0.0.1:9/v1 --no-probe" \
  >/dev/null

python3 - "$S/local.json" "$S/complete.json" "$S/write.json" <<'PY'
import json, sys
rows = {}
for f in sys.argv[1:]:
    for r in json.load(open(f))["results"]:
        rows[r["command"]] = r
true = rows["true"]["median"]
print(f"{'command':14} {'median':>9} {'min':>9} {'max':>9} {'x /bin/true':>12}  target")
for name, r in rows.items():
    ms = lambda v: f"{v*1000:7.2f}ms"
    target = "" if name == "true" else ("<= 3 ms median" if r["median"] <= 0.003 else "MISSES 3 ms")
    print(f"{name:14} {ms(r['median'])} {ms(r['min'])} {ms(r['max'])} {r['median']/true:11.1f}x  {target}")
PY

# Peak memory (max RSS) of each local command.
for c in "list" "current" "show gw1" "use gw3 --model m3"; do
  /usr/bin/time -f "%M" -o "$S/rss" $B $c >/dev/null 2>&1 || true
  echo "peak RSS  $c: $(cat "$S/rss") KiB (target < 15360)"
done

# Network: probe and doctor --all against the fake server with latency L per request.
L=200
"$PWD/target/release/examples/fake_server" $L > "$S/url" & sleep 0.5
URL=$(cat "$S/url")
export FAKE_KEY=sk-bench-0123456789
mkdir -p "$S/net"
{ echo 'model = "mock-model"'; echo 'model_provider = "p0"'
  for i in $(seq 0 9); do printf '\n[model_providers.p%s]\nname = "P%s"\nbase_url = "%s"\nenv_key = "FAKE_KEY"\n' $i $i "$URL"; done
} > "$S/net/config.toml"
hyperfine -N -i --warmup 2 --runs 15 --export-json "$S/net.json" \
  -n probe "$B --codex-home $S/net probe p0" \
  -n doctor-all-10 "$B --codex-home $S/net doctor --all" \
  -n refused "$B --codex-home $S/net probe --base-url http://127.0.0.1:9/v1 --model m" >/dev/null || true
python3 - "$S/net.json" $L <<'PY'
import json, sys
L = int(sys.argv[2]) / 1000
for r in json.load(open(sys.argv[1]))["results"]:
    n, med = r["command"], r["median"]
    if n == "refused":
        t = "target < 100 ms: " + ("ok" if med < 0.1 else "MISSED")
    elif n == "probe":
        t = f"{med/L:.2f} x L (target <= 1.2 x L): " + ("ok" if med <= 1.2 * L else "MISSED")
    else:
        t = f"{med/L:.2f} x L (target <= 1.3 x L + local overhead)"
    print(f"{n:14} median {med*1000:8.1f}ms  min {r['min']*1000:8.1f}ms  max {r['max']*1000:8.1f}ms  {t}")
PY
/usr/bin/time -f "%M" -o "$S/rss" $B --codex-home "$S/net" doctor --all >/dev/null 2>&1 || true
echo "peak RSS  doctor --all (10 providers): $(cat "$S/rss") KiB (target < 15360)"
echo "release binary: $(stat -c %s "$B") bytes (target < 6 MB)"
