//! `Content-Encoding: gzip` and `zstd`, decoded as Codex 0.171 does (it asks for
//! `zstd,gzip`), in lock-step with the network: the decoder asks for one more compressed
//! chunk only when it has handed over what it made of the last one, and the reader stops
//! taking output at the body cap. A compression bomb therefore never inflates past
//! [`super::MAX_BODY`] plus one small buffer.
//!
//! Both decoders are pure Rust and pull-based (`Read`), so each runs on its own short-lived
//! thread fed through channels; dropping the [`Decoder`] ends the thread.

use std::io::Read;
use std::sync::mpsc;

/// Largest zstd window accepted (8 MiB, what zstd uses up to level 19): a frame asking for
/// more would make the decoder keep that much history, so it is refused as undecodable.
const ZSTD_MAX_WINDOW: u64 = 8 << 20;
/// Output handed over per message.
const PIECE: usize = 16 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Gzip,
    Zstd,
}

/// A `Content-Encoding` neither Codex nor the probe decodes; `Display` is its name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownEncoding(pub String);

impl std::fmt::Display for UnknownEncoding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UnknownEncoding {}

impl Encoding {
    /// The encoding named by a `Content-Encoding` header; None for identity (or absent).
    /// Err for one neither Codex nor the probe decodes.
    pub fn from_header(value: Option<&str>) -> Result<Option<Encoding>, UnknownEncoding> {
        let v = value.unwrap_or("").trim().to_ascii_lowercase();
        match v.as_str() {
            "" | "identity" => Ok(None),
            "gzip" | "x-gzip" => Ok(Some(Encoding::Gzip)),
            "zstd" => Ok(Some(Encoding::Zstd)),
            other => Err(UnknownEncoding(other.to_string())),
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Encoding::Gzip => "gzip",
            Encoding::Zstd => "zstd",
        }
    }
}

/// What the decoder thread says.
#[derive(Debug)]
pub enum Msg {
    /// It has used every byte it was given: send the next compressed chunk (or `finish`).
    NeedMore,
    Data(Vec<u8>),
    End,
    Error(String),
}

pub struct Decoder {
    raw: Option<mpsc::Sender<Vec<u8>>>,
    out: tokio::sync::mpsc::Receiver<Msg>,
}

impl Decoder {
    pub fn start(enc: Encoding) -> Decoder {
        let (raw_tx, raw_rx) = mpsc::channel::<Vec<u8>>();
        let (out_tx, out_rx) = tokio::sync::mpsc::channel::<Msg>(2);
        std::thread::spawn(move || decode(enc, raw_rx, out_tx));
        Decoder { raw: Some(raw_tx), out: out_rx }
    }
    /// The next thing the decoder says (End when the thread is gone).
    pub async fn next(&mut self) -> Msg {
        self.out.recv().await.unwrap_or(Msg::End)
    }
    /// Hands over one compressed chunk (after a [`Msg::NeedMore`]).
    pub fn feed(&mut self, chunk: &[u8]) {
        if let Some(tx) = &self.raw {
            let _ = tx.send(chunk.to_vec());
        }
    }
    /// The compressed body ended.
    pub fn finish(&mut self) {
        self.raw = None;
    }
}

/// A `Read` over the chunks the async side sends, asking for each one.
struct Feed {
    rx: mpsc::Receiver<Vec<u8>>,
    out: tokio::sync::mpsc::Sender<Msg>,
    buf: Vec<u8>,
    pos: usize,
}

impl Read for Feed {
    fn read(&mut self, dst: &mut [u8]) -> std::io::Result<usize> {
        while self.pos >= self.buf.len() {
            if self.out.blocking_send(Msg::NeedMore).is_err() {
                return Ok(0);
            }
            match self.rx.recv() {
                Ok(b) => (self.buf, self.pos) = (b, 0),
                Err(_) => return Ok(0),
            }
        }
        let n = dst.len().min(self.buf.len() - self.pos);
        dst[..n].copy_from_slice(&self.buf[self.pos..self.pos + n]);
        self.pos += n;
        Ok(n)
    }
}

fn decode(enc: Encoding, rx: mpsc::Receiver<Vec<u8>>, out: tokio::sync::mpsc::Sender<Msg>) {
    let feed = Feed { rx, out: out.clone(), buf: Vec::new(), pos: 0 };
    let mut reader: Box<dyn Read> = match enc {
        Encoding::Gzip => Box::new(flate2::read::MultiGzDecoder::new(feed)),
        Encoding::Zstd => match ruzstd::decoding::StreamingDecoder::new_with_max_window_size(feed, ZSTD_MAX_WINDOW) {
            Ok(d) => Box::new(d),
            Err(e) => {
                let _ = out.blocking_send(Msg::Error(e.to_string()));
                return;
            }
        },
    };
    let mut piece = vec![0u8; PIECE];
    loop {
        let msg = match reader.read(&mut piece) {
            Ok(0) => Msg::End,
            Ok(n) => Msg::Data(piece[..n].to_vec()),
            Err(e) => Msg::Error(e.to_string()),
        };
        let last = !matches!(msg, Msg::Data(_));
        if out.blocking_send(msg).is_err() || last {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    async fn drain(enc: Encoding, compressed: Vec<u8>, cap: usize) -> (Vec<u8>, Option<String>) {
        let mut d = Decoder::start(enc);
        let mut chunks = compressed.chunks(1000).map(<[u8]>::to_vec).collect::<Vec<_>>().into_iter();
        let mut got = Vec::new();
        loop {
            match d.next().await {
                Msg::NeedMore => match chunks.next() {
                    Some(c) => d.feed(&c),
                    None => d.finish(),
                },
                Msg::Data(b) => {
                    got.extend_from_slice(&b);
                    if got.len() > cap {
                        return (got, None);
                    }
                }
                Msg::End => return (got, None),
                Msg::Error(e) => return (got, Some(e)),
            }
        }
    }

    fn rt() -> tokio::runtime::Runtime {
        tokio::runtime::Builder::new_current_thread().build().unwrap()
    }

    #[test]
    fn gzip_and_zstd_round_trip() {
        let text = b"data: {\"type\":\"response.completed\"}\n\n".repeat(500);
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(&text).unwrap();
        let gz = gz.finish().unwrap();
        let zs = ruzstd::encoding::compress_to_vec(&text[..], ruzstd::encoding::CompressionLevel::Fastest);
        let rt = rt();
        assert_eq!(rt.block_on(drain(Encoding::Gzip, gz, usize::MAX)), (text.clone(), None));
        assert_eq!(rt.block_on(drain(Encoding::Zstd, zs, usize::MAX)), (text, None));
        let (_, err) = rt.block_on(drain(Encoding::Gzip, b"not gzip at all".to_vec(), usize::MAX));
        assert!(err.is_some());
    }

    #[test]
    fn a_bomb_stops_at_the_cap() {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        for _ in 0..8 {
            gz.write_all(&[0u8; 1 << 20]).unwrap();
        }
        let gz = gz.finish().unwrap();
        let (got, _) = rt().block_on(drain(Encoding::Gzip, gz, 1 << 20));
        assert!(got.len() <= (1 << 20) + PIECE, "{}", got.len());
    }

    #[test]
    fn encodings_from_headers() {
        assert_eq!(Encoding::from_header(None), Ok(None));
        assert_eq!(Encoding::from_header(Some("GZIP")), Ok(Some(Encoding::Gzip)));
        assert_eq!(Encoding::from_header(Some("zstd")), Ok(Some(Encoding::Zstd)));
        assert_eq!(Encoding::from_header(Some("br")), Err(UnknownEncoding("br".into())));
    }
}
