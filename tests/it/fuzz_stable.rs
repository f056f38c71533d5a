//! The fuzz target's property (`testkit/src/edit_check.rs`) on stable, bounded: every corpus file and
//! fixture, plus seeded mutations of them (byte flips, TOML-significant insertions, cuts,
//! duplications, CRLF/BOM toggles). `FUZZ_ITERS` raises the mutation count.

use codex_provider_testkit::edit_check as check;

use std::fs;
use std::path::PathBuf;

/// xorshift64*: deterministic, no dependency.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const TOKENS: &[&str] = &[
    "[",
    "]",
    "[[",
    "]]",
    "=",
    "\"",
    "'",
    "'''",
    "\"\"\"",
    "{",
    "}",
    ",",
    ".",
    "#",
    "\\",
    "\n",
    "\r\n",
    "\r",
    "\u{feff}",
    " ",
    "\t",
    "model_providers",
    "[model_providers.x]\n",
    "model_providers.y.name = \"Y\"\n",
    "model_providers = { z = { name = \"Z\" } }\n",
    "model = \"m\"\n",
    "model_provider = \"x\"\n",
    "\\u00e9",
    "1e9",
    "true",
    "[[a]]\n",
    "é",
    "🎉",
    "\0",
    // The shapes of issue 11: spaced and quoted dotted prefixes, interleaved dotted keys,
    // respelled arrays of tables, mixed line endings.
    " . ",
    "\"a\".",
    "'a'.",
    "[model_providers . \"x\" ]\n",
    "model_providers . 'y' . name = \"Y\"\n",
    "a.x = 1\nb.x = 2\na.y = 3\n",
    "[[ \"arr\" ]]\n[['arr'.sub]]\n",
    "# c\r\n",
];

/// Every TOML file of the corpus (vendored, plus `../shared/corpus` when present), then of
/// `fixtures/`, in the order of before the vendoring so the seeded run takes the same path.
/// Left out: the vendored copies themselves, the TOML suite (issue 11's own sweep), and the
/// doctor cases' configs (copies of `fixtures/doctor/`).
fn seeds() -> Vec<Vec<u8>> {
    let fixtures = crate::support::fixtures_dir();
    let mut extra: Vec<PathBuf> = crate::support::snapshot(&fixtures)
        .into_keys()
        .filter(|k| k.ends_with(".toml"))
        .filter(|k| !["corpus/", "toml-test/", "cases/doctor-"].iter().any(|p| k.starts_with(p)))
        .map(|k| fixtures.join(k))
        .collect();
    extra.sort();
    let files: Vec<PathBuf> = crate::support::corpus_files().into_iter().chain(extra).collect();
    let mut v: Vec<Vec<u8>> = files.iter().map(|f| fs::read(f).unwrap()).collect();
    v.push(Vec::new());
    v
}

fn mutate(rng: &mut Rng, mut b: Vec<u8>) -> Vec<u8> {
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(b.len() + 1);
        match rng.below(7) {
            0 if !b.is_empty() => {
                let i = rng.below(b.len());
                b[i] ^= 1 << rng.below(8);
            }
            1 | 2 => {
                let t = TOKENS[rng.below(TOKENS.len())].as_bytes();
                b.splice(at..at, t.iter().copied());
            }
            3 if !b.is_empty() => {
                let end = (at + rng.below(64)).min(b.len());
                b.drain(at.min(end)..end);
            }
            4 if !b.is_empty() => {
                let end = (at + rng.below(200)).min(b.len());
                let chunk = b[at.min(end)..end].to_vec();
                let to = rng.below(b.len() + 1);
                b.splice(to..to, chunk);
            }
            5 => {
                let s = String::from_utf8_lossy(&b).into_owned();
                b = if s.contains("\r\n") { s.replace("\r\n", "\n") } else { s.replace('\n', "\r\n") }.into_bytes();
            }
            _ => b.truncate(at),
        }
    }
    b
}

#[test]
fn fuzz_property_on_corpus_and_mutations() {
    let seeds = seeds();
    assert!(seeds.len() >= 20, "corpus not found");
    for s in &seeds {
        check::check(s);
    }
    let iters: usize = std::env::var("FUZZ_ITERS").ok().and_then(|v| v.parse().ok()).unwrap_or(3000);
    let mut rng = Rng(0x5eed_c0de_1234_5678);
    let mut parsed = 0;
    for i in 0..iters {
        let base = seeds[i % seeds.len()].clone();
        let input = mutate(&mut rng, base);
        if std::str::from_utf8(&input).is_ok_and(|t| t.parse::<toml_edit::DocumentMut>().is_ok()) {
            parsed += 1;
        }
        let r = std::panic::catch_unwind(|| check::check(&input));
        if r.is_err() {
            let path = std::env::temp_dir().join(format!("codex-provider-fuzz-crash-{i}.toml"));
            fs::write(&path, &input).unwrap();
            panic!("fuzz input {i} failed; saved to {}", path.display());
        }
    }
    eprintln!("fuzz_stable: {} seeds, {iters} mutations, {parsed} of them valid TOML", seeds.len());
}
