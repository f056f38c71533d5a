#!/usr/bin/env bash
# `doctor --offline` next to `codex doctor --json` on the same real-size config, the same
# Codex on PATH, side by side in one hyperfine run (issue 21: target ≤ 1.2×; BENCHMARKS.md).
# Usage: bash scripts/bench/doctor_codex.sh [CODEX]   (default: the CI cache's newest full release;
# BEFORE=path/to/an/older/codex-provider adds its `doctor --offline` to the same run)
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v hyperfine >/dev/null || { echo "bench: needs hyperfine (apt-get install hyperfine)"; exit 2; }
CODEX="${1:-$HOME/.cache/codex-provider-ci/codex-0.171.0/node_modules/.bin/codex}"
cargo build --release --quiet
B="$PWD/target/release/codex-provider"
# Not under /tmp: Codex refuses to make its PATH helpers there and says so on every run.
S=$(mktemp -d -p "$HOME"); trap 'rm -rf "$S"' EXIT
export CODEX_HOME="$S/home"
mkdir -p "$CODEX_HOME/.codex-provider" "$S/bin"
ln -s "$CODEX" "$S/bin/codex"
export PATH="$S/bin:/usr/bin:/bin"

# A real-size config Codex loads: the annotated template plus the MCP servers, projects,
# providers and agents tables of other corpus files (each kept only if the whole still parses).
python3 - "$CODEX_HOME/config.toml" <<'EOF'
import re, sys, tomllib
C = "fixtures/corpus/"
base = open(C + "12-big-annotated-template.toml").read()
seen = set(re.findall(r"^\[+([^\]]+)\]+", base, re.M))
out = [base.rstrip("\n") + "\n"]
every = ("mcp_servers", "projects", "model_providers", "agents")
for f, tops in [
    ("10-big-mcp-servers-env-subtables", every), ("11-big-dotfiles-many-projects", every),
    ("17-hooks-agents-permissions", every), ("14-shell-env-and-sandbox", every),
    ("16-generated-sorted-keys", every[1:3]), ("02-openrouter-commented-alternatives", every[1:3]),
    ("03-azure-inline-tables", every[1:3]), ("13-windows-literal-paths", every[1:3]),
    ("18-base-for-profiles", every[1:3]),
]:
    for p in re.split(r"(?m)^(?=\[)", open(C + f + ".toml").read())[1:]:
        h = re.match(r"\[+([^\]]+)\]+", p).group(1)
        if h.split(".")[0] in tops and h not in seen:
            cand = "".join(out) + "\n" + p.rstrip("\n") + "\n"
            try:
                tomllib.loads(cand)
            except Exception:
                continue
            seen.add(h)
            out.append("\n" + p.rstrip("\n") + "\n")
open(sys.argv[1], "w").write("".join(out))
EOF
echo "config: $(wc -l < "$CODEX_HOME/config.toml") lines; $("$CODEX" --version); $(nproc) cores"
"$B" doctor --offline >/dev/null || true # fills the per-binary facts cache, as any earlier run would
# The same file in a home without our state folder: no cache, so Codex is asked everything.
mkdir -p "$S/cold" && cp "$CODEX_HOME/config.toml" "$S/cold/"
before=()
if [ -n "${BEFORE:-}" ]; then before=(-n "before: doctor --offline" "$BEFORE doctor --offline"); fi
hyperfine -N -i --warmup 3 --runs "${RUNS:-30}" --export-json "$S/doctor.json" \
  -n "codex doctor --json" "codex doctor --json" \
  -n "codex-provider doctor --offline" "$B doctor --offline" \
  -n "codex-provider doctor --offline --json" "$B doctor --offline --json" \
  -n "codex-provider doctor --offline (no cache)" "$B --codex-home $S/cold doctor --offline" \
  -n "codex app-server --print-startup-config" "codex app-server --print-startup-config" \
  -n "codex --version" "codex --version" \
  "${before[@]}"
python3 - "$S/doctor.json" <<'EOF'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
codex = r["codex doctor --json"]["mean"]
for name, x in r.items():
    print(f"{name:42} mean {x['mean']*1000:7.1f} ms  median {x['median']*1000:7.1f} ms  {x['mean']/codex:4.2f}x codex doctor")
EOF
