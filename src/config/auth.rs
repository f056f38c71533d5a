//! The two edits of `key set ID --keychain` and `key unset ID`: a provider's key source
//! switched between `env_key` and a command-backed `auth` table, in one write each (Codex
//! refuses a provider with both).

use toml_edit::{Array, InlineTable, Value};

use super::batch::Op;
use super::{ConfigFile, Error};

impl ConfigFile {
    /// Sets `auth = { command = COMMAND, args = [ARGS] }` on provider `id` (in place when it
    /// has one) and removes its `env_key`; true when a byte changed.
    pub fn set_auth_command(&mut self, id: &str, command: &str, args: &[String]) -> Result<bool, Error> {
        let at = self.provider_path(id)?;
        let mut t = InlineTable::new();
        t.insert("command", Value::from(command));
        t.insert("args", Value::Array(args.iter().map(|a| Value::from(a.as_str())).collect::<Array>()));
        t.fmt();
        let path = |k: &str| at.iter().cloned().chain([k.to_string()]).collect::<Vec<_>>();
        let want = serde_json::Value::Object(serde_json::Map::from_iter([
            ("command".to_string(), serde_json::Value::from(command)),
            ("args".to_string(), serde_json::Value::from(args.to_vec())),
        ]));
        let has = self.provider_fields(id)?.and_then(|f| f.get("auth").cloned());
        let mut changed = false;
        let mut ops = Vec::new();
        if has.as_ref() != Some(&want) {
            if has.is_some() {
                // Another command (or `auth` in another style): replaced whole.
                changed |= self.apply_ops(vec![Op::Remove(path("auth"))])?;
            }
            ops.push(Op::Set(path("auth"), Value::InlineTable(t)));
        }
        if self.node(&path("env_key")).is_some() {
            ops.push(Op::Remove(path("env_key")));
        }
        changed |= self.apply_ops(ops)?;
        Ok(changed)
    }

    /// Removes provider `id`'s `auth` and sets `env_key = VAR` (the way back from the
    /// keychain); true when a byte changed.
    pub fn restore_env_key(&mut self, id: &str, var: &str) -> Result<bool, Error> {
        let at = self.provider_path(id)?;
        let path = |k: &str| at.iter().cloned().chain([k.to_string()]).collect::<Vec<_>>();
        let mut ops = Vec::new();
        if self.node(&path("auth")).is_some() {
            ops.push(Op::Remove(path("auth")));
        }
        ops.push(Op::Set(path("env_key"), Value::from(var)));
        self.apply_ops(ops)
    }
}
