//! `doctor`: checks as data, rendered once (see DESIGN.md, Doctor). Being built in its own change.
