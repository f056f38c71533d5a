#!/usr/bin/env node
// codex-provider's npm launcher. The native binary comes in a per-platform package
// (codex-provider-linux-x64, ...) that npm installs as an optional dependency of this one,
// choosing it by its `os` and `cpu` fields: nothing is downloaded at install time and no
// install script runs. This file finds that binary and runs it with the same arguments,
// standard streams, environment and exit status.
//
// Windows: npm puts a `codex-provider.cmd` (and `.ps1`) shim on PATH that runs this file with
// node; here the `.exe` is started directly, without a shell, so cmd.exe never re-parses the
// arguments (Node refuses to spawn a .cmd or .bat without a shell anyway).

import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { constants } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { PLATFORMS, binaryName } from "./platforms.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const { version } = JSON.parse(readFileSync(path.join(here, "..", "package.json"), "utf8"));

function fail(lines) {
  process.stderr.write(lines.map((l, i) => (i === 0 ? `codex-provider: ${l}` : `  ${l}`)).join("\n") + "\n");
  process.exit(1);
}

const key = `${process.platform}-${process.arch}`;
const platform = PLATFORMS[key];
if (!platform) {
  fail([
    `no prebuilt binary for this platform (${key}); the npm package has ${Object.keys(PLATFORMS).join(", ")}.`,
    "hint: build it from source with Rust: cargo install --locked codex-provider",
  ]);
}

function findBinary() {
  try {
    const dir = path.dirname(require.resolve(`${platform.pkg}/package.json`));
    const bin = path.join(dir, "bin", binaryName(process.platform));
    return existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

const binary = findBinary();
if (!binary) {
  fail([
    `the binary for ${key} is missing: npm did not install the optional dependency ${platform.pkg}@${version}.`,
    "npm leaves optional dependencies out with --omit=optional or --no-optional, omit=optional in .npmrc,",
    "or a package-lock.json written on another platform.",
    `hint: reinstall with them: npm install -g codex-provider@${version} --include=optional`,
  ]);
}

const args = process.argv.slice(2);

// Unix with a Node that has execve (22.15+, 23.11+): become the binary, so signals, the exit
// status and the process id are the binary's own.
if (process.platform !== "win32" && typeof process.execve === "function") {
  process.execve(binary, [binary, ...args], process.env);
}

// Otherwise a child with the same streams, and its exit status (or the signal that ended it)
// becomes this process's. Ctrl-C reaches the child from the terminal itself (same process
// group): here it is only kept from ending the launcher first. SIGTERM and SIGHUP sent to the
// launcher are passed on.
const child = spawn(binary, args, { stdio: "inherit", shell: false, windowsHide: false });
child.on("error", (err) => fail([`could not start ${binary}: ${err.message}`]));
process.on("SIGINT", () => {});
for (const sig of ["SIGTERM", "SIGHUP"]) {
  process.on(sig, () => {
    try {
      child.kill(sig);
    } catch {
      // the child is already gone
    }
  });
}
child.on("exit", (code, signal) => {
  if (signal) {
    process.exitCode = 128 + (constants.signals[signal] ?? 0);
    process.removeAllListeners(signal);
    process.kill(process.pid, signal);
  } else {
    process.exit(code ?? 1);
  }
});
