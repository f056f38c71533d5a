// The platforms codex-provider ships a binary for on npm: Node's `${process.platform}-${process.arch}`
// → the package that holds the binary and the Rust target it is built for. One table for the
// launcher (bin/codex-provider.mjs) and for the script that builds the packages (npm/build.mjs).
export const PLATFORMS = {
  "linux-x64": { pkg: "codex-provider-linux-x64", target: "x86_64-unknown-linux-musl" },
  "linux-arm64": { pkg: "codex-provider-linux-arm64", target: "aarch64-unknown-linux-musl" },
  "darwin-x64": { pkg: "codex-provider-darwin-x64", target: "x86_64-apple-darwin" },
  "darwin-arm64": { pkg: "codex-provider-darwin-arm64", target: "aarch64-apple-darwin" },
  "win32-x64": { pkg: "codex-provider-win32-x64", target: "x86_64-pc-windows-msvc" },
};

// The binary's file name inside the platform package's bin/ folder.
export function binaryName(os) {
  return os === "win32" ? "codex-provider.exe" : "codex-provider";
}
