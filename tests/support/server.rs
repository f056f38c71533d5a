//! Fake OpenAI-compatible server on 127.0.0.1 (being built with the probe).
