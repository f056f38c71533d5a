#!/usr/bin/env node
// Builds the npm packages of one release into OUT (then `npm pack` each folder):
//   OUT/codex-provider/            the launcher: bin/codex-provider.mjs, optionalDependencies on
//                                  every platform package at the same version
//   OUT/codex-provider-OS-CPU/     one per --platform given: the binary, with `os` and `cpu`
//
// Usage: node npm/build.mjs --out OUT [--platform linux-x64 --binary PATH]...
// The version is Cargo.toml's; the platforms are bin/platforms.mjs's. See npm/README.md.

import { chmodSync, copyFileSync, cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { PLATFORMS, binaryName } from "./codex-provider/bin/platforms.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.join(here, "..");

function die(msg) {
  process.stderr.write(`npm/build.mjs: ${msg}\n`);
  process.exit(2);
}

// Arguments: --out DIR, then pairs of --platform KEY --binary PATH.
let out = null;
const builds = [];
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i += 2) {
  const [flag, value] = [argv[i], argv[i + 1]];
  if (value === undefined) die(`${flag} needs a value`);
  if (flag === "--out") out = path.resolve(value);
  else if (flag === "--platform") {
    if (!PLATFORMS[value]) die(`unknown platform ${value} (known: ${Object.keys(PLATFORMS).join(", ")})`);
    builds.push({ key: value });
  } else if (flag === "--binary") {
    if (!builds.length || builds.at(-1).binary) die("--binary comes after its --platform");
    builds.at(-1).binary = path.resolve(value);
  } else die(`unknown argument ${flag}`);
}
if (!out) die("--out DIR is required");
for (const b of builds) if (!b.binary) die(`--platform ${b.key} has no --binary`);

// The [package] version of Cargo.toml: the first `version = "..."` line.
const cargo = readFileSync(path.join(root, "Cargo.toml"), "utf8");
const version = cargo.match(/^version = "([^"]+)"$/m)?.[1] ?? die("no version in Cargo.toml");
const description = cargo.match(/^description = "([^"]+)"$/m)?.[1] ?? die("no description in Cargo.toml");
const license = cargo.match(/^license = "([^"]+)"$/m)?.[1] ?? die("no license in Cargo.toml");
const repo = cargo.match(/^repository = "([^"]+)"$/m)?.[1] ?? die("no repository in Cargo.toml");

const common = {
  version,
  license,
  repository: { type: "git", url: `git+${repo}.git` },
  homepage: repo,
  engines: { node: ">=16" },
};

function writeJson(file, value) {
  writeFileSync(file, JSON.stringify(value, null, 2) + "\n");
}

function withLicenses(dir) {
  for (const f of ["LICENSE-MIT", "LICENSE-APACHE"]) copyFileSync(path.join(root, f), path.join(dir, f));
}

// The launcher.
const launcher = path.join(out, "codex-provider");
rmSync(launcher, { recursive: true, force: true });
mkdirSync(launcher, { recursive: true });
cpSync(path.join(here, "codex-provider", "bin"), path.join(launcher, "bin"), { recursive: true });
chmodSync(path.join(launcher, "bin", "codex-provider.mjs"), 0o755);
copyFileSync(path.join(here, "codex-provider", "README.md"), path.join(launcher, "README.md"));
withLicenses(launcher);
writeJson(path.join(launcher, "package.json"), {
  name: "codex-provider",
  description,
  keywords: ["codex", "openai", "llm", "cli", "config"],
  ...common,
  bin: { "codex-provider": "bin/codex-provider.mjs" },
  files: ["bin/", "LICENSE-MIT", "LICENSE-APACHE"],
  optionalDependencies: Object.fromEntries(Object.values(PLATFORMS).map((p) => [p.pkg, version])),
});
console.log(launcher);

// One package per platform binary.
for (const { key, binary } of builds) {
  const { pkg } = PLATFORMS[key];
  const [os, cpu] = key.split("-");
  const dir = path.join(out, pkg);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, "bin"), { recursive: true });
  const dest = path.join(dir, "bin", binaryName(os));
  copyFileSync(binary, dest);
  chmodSync(dest, 0o755);
  withLicenses(dir);
  writeFileSync(
    path.join(dir, "README.md"),
    `# ${pkg}\n\nThe \`codex-provider\` binary for ${key}. Install \`codex-provider\`, not this package: ` +
      "npm picks this one for your platform.\n",
  );
  writeJson(path.join(dir, "package.json"), {
    name: pkg,
    description: `The codex-provider binary for ${key}; install codex-provider instead`,
    ...common,
    os: [os],
    cpu: [cpu],
    files: ["bin/", "LICENSE-MIT", "LICENSE-APACHE"],
    preferUnplugged: true,
  });
  console.log(dir);
}
