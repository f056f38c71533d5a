#!/usr/bin/env bash
# Editor scaling (issue 11, BENCHMARKS.md "Editor scaling"): `use` on configs of about 300,
# 3,000 and 30,000 lines, the growth being `[projects."…"]` entries as in real dotfiles.
# Usage: bash scripts/bench/scale.sh          (needs hyperfine)
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v hyperfine >/dev/null || { echo "scripts/bench: needs hyperfine (apt-get install hyperfine)"; exit 2; }
cargo build --release --quiet
B="$PWD/target/release/codex-provider"
S=$(mktemp -d); trap 'rm -rf "$S"' EXIT
export HOME="$S"
base="$S/base.toml"
cp fixtures/corpus/12-big-annotated-template.toml "$base"
for i in 1 2 3; do printf '\n[model_providers.gw%s]\nname = "Gateway %s"\nbase_url = "https://gw%s.example/v1"\nenv_key = "GW%s_KEY"\nwire_api = "responses"\n' $i $i $i $i >> "$base"; done
args=()
for lines in 300 3000 30000; do
  home="$S/h$lines"; mkdir -p "$home"
  cp "$base" "$home/seed.toml"
  i=0
  # Each entry is 3 lines; the base is 292.
  n=$(( (lines - $(wc -l < "$home/seed.toml")) / 3 ))
  for _ in $(seq 1 $n); do i=$((i+1)); printf '\n[projects."/home/me/src/project-%05d"]\ntrust_level = "trusted"\n' $i; done >> "$home/seed.toml"
  echo "$lines: $(wc -l < "$home/seed.toml") lines, $(stat -c %s "$home/seed.toml") bytes"
  # --codex-home, not an `env` wrapper: its own exec would be part of the figure.
  args+=(--prepare "cp $home/seed.toml $home/config.toml" -n "use-$lines" "$B --codex-home $home use gw2 --model m2")
  args+=(--prepare "true" -n "current-$lines" "$B --codex-home $home current")
done
# One --prepare per command, in order (hyperfine pairs them).
hyperfine -N --warmup 3 --runs 30 "${args[@]}" --export-markdown "$S/scale.md" >/dev/null
cat "$S/scale.md"
