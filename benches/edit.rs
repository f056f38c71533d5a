//! In-process benchmark of the editor: parse, edit, render and diff a realistic ~300-line
//! config, and the same commands on a 30,000-line one (10,000 `[projects."…"]` tables, the
//! bulk a long-used Codex home collects), where per-parse and per-render costs show. A plain `harness = false` bench (median of many timed batches) instead of
//! criterion, whose dependency tree would cost more build time than this crate's own on the
//! 2-core CI machine. Run: `cargo bench --bench edit`.

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use codex_provider::config::fields::{FieldValue, parse_field};
use codex_provider::config::{ConfigFile, Layers, ProviderSpec, Selection};
use codex_provider::store::FileOp;

/// Median time per iteration of `f` over `batches` batches of `per` iterations.
fn bench(name: &str, target: Option<Duration>, per: u32, f: impl Fn()) {
    let batches = 31;
    for _ in 0..per {
        f();
    }
    let mut times: Vec<Duration> = (0..batches)
        .map(|_| {
            let t = Instant::now();
            for _ in 0..per {
                f();
            }
            t.elapsed() / per
        })
        .collect();
    times.sort();
    let (min, med, max) = (times[0], times[batches / 2], times[batches - 1]);
    let verdict = match target {
        Some(t) if med <= t => format!("target <= {t:?}: ok"),
        Some(t) => format!("target <= {t:?}: MISSED"),
        None => String::new(),
    };
    println!("{name:34} median {med:>10.1?}  min {min:>10.1?}  max {max:>10.1?}  {verdict}");
}

fn main() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/corpus/12-big-annotated-template.toml");
    let mut text = std::fs::read_to_string(&corpus).expect("corpus file (fixtures/corpus)");
    for i in 1..=3 {
        text.push_str(&format!(
            "\n[model_providers.gw{i}]\nname = \"Gateway {i}\"\nbase_url = \"https://gw{i}.example/v1\"\nenv_key = \"GW{i}_KEY\"\nwire_api = \"responses\"\n"
        ));
    }
    println!("config: {} lines, {} bytes", text.lines().count(), text.len());
    let path = Path::new("config.toml");
    let spec = ProviderSpec {
        name: Some("New".into()),
        base_url: Some("https://new.example/v1".into()),
        env_key: Some("NEW_KEY".into()),
        wire_api: Some("responses".into()),
        ..Default::default()
    };
    let budget = Some(Duration::from_millis(1));
    bench("parse", budget, 50, || {
        black_box(ConfigFile::parse(path, black_box(text.clone())).unwrap());
    });
    let parsed = ConfigFile::parse(path, text.clone()).unwrap();
    bench("render (unchanged)", budget, 50, || {
        black_box(parsed.render());
    });
    bench("parse + list providers (read)", budget, 50, || {
        let f = ConfigFile::parse(path, text.clone()).unwrap();
        let layers = Layers::new(&f, None);
        for id in layers.all_ids().unwrap() {
            black_box(layers.provider(&id).unwrap());
        }
    });
    bench("parse + add provider + render", budget, 50, || {
        let mut f = ConfigFile::parse(path, text.clone()).unwrap();
        f.upsert_provider("new", &spec, false).unwrap();
        black_box(f.render());
    });
    bench("parse + use (2 root keys) + render", budget, 50, || {
        let mut f = ConfigFile::parse(path, text.clone()).unwrap();
        f.set_selection(&Selection { provider: Some("gw2".into()), model: Some("m2".into()) }).unwrap();
        black_box(f.render());
    });
    bench("parse + add + render + diff", budget, 20, || {
        let mut f = ConfigFile::parse(path, text.clone()).unwrap();
        f.upsert_provider("new", &spec, false).unwrap();
        let op = FileOp::from_file(&f).unwrap();
        black_box(op.diff());
    });
    let field = parse_field("request_max_retries").unwrap();
    let header = parse_field("http_headers.X-Team").unwrap();
    bench("parse + set 2 fields + from_file", budget, 50, || {
        let mut f = ConfigFile::parse(path, text.clone()).unwrap();
        f.set_provider_field("gw2", &field, &FieldValue::UInt(7)).unwrap();
        f.set_provider_field("gw2", &header, &FieldValue::Str("t".into())).unwrap();
        black_box(FileOp::from_file(&f).unwrap());
    });

    let mut big = text.clone();
    for i in 0..10_000 {
        big.push_str(&format!("\n[projects.\"/home/me/src/project-{i:05}\"]\ntrust_level = \"trusted\"\n"));
    }
    println!("big config: {} lines, {} bytes", big.lines().count(), big.len());
    bench("big: parse", None, 2, || {
        black_box(ConfigFile::parse(path, black_box(big.clone())).unwrap());
    });
    bench("big: parse + current (read)", None, 2, || {
        let f = ConfigFile::parse(path, big.clone()).unwrap();
        black_box(Layers::new(&f, None).selection());
    });
    bench("big: parse + show provider (read)", None, 2, || {
        let f = ConfigFile::parse(path, big.clone()).unwrap();
        black_box(Layers::new(&f, None).provider("gw2").unwrap());
    });
    bench("big: parse + every nested value", None, 2, || {
        let f = ConfigFile::parse(path, big.clone()).unwrap();
        black_box(f.nested_values(&[]));
    });
    bench("big: parse + use + from_file", None, 2, || {
        let mut f = ConfigFile::parse(path, big.clone()).unwrap();
        f.set_selection(&Selection { provider: Some("gw2".into()), model: Some("m2".into()) }).unwrap();
        black_box(FileOp::from_file(&f).unwrap());
    });
    bench("big: parse + set field + from_file", None, 2, || {
        let mut f = ConfigFile::parse(path, big.clone()).unwrap();
        f.set_provider_field("gw2", &field, &FieldValue::UInt(7)).unwrap();
        black_box(FileOp::from_file(&f).unwrap());
    });
}
