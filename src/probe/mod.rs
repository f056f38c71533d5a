//! Endpoint probing (see DESIGN.md, Probe). Being built in its own change.
