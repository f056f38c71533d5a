//! A small accumulator for checks that collect several problems: each adds its message,
//! the worst status and its remedy, and the check comes out with one summary and one hint
//! (instead of every check ending in its own `join("; ")`).

use super::{Check, Status};

#[derive(Debug, Default)]
pub struct Findings {
    status: Option<Status>,
    messages: Vec<String>,
    remedies: Vec<String>,
}

impl Findings {
    /// One problem of `status`.
    pub fn add(&mut self, status: Status, message: impl Into<String>) -> &mut Findings {
        self.status = Some(self.status.map_or(status, |s| s.max(status)));
        self.messages.push(message.into());
        self
    }

    /// What to do about the last problem (or about all of them).
    pub fn remedy(&mut self, remedy: impl Into<String>) -> &mut Findings {
        self.remedies.push(remedy.into());
        self
    }

    pub fn is_empty(&self) -> bool {
        self.messages.is_empty()
    }

    /// `check` with the findings' worst status, their messages as the summary and their
    /// remedies as the hint; unchanged when there are none.
    pub fn into_check(self, mut check: Check) -> Check {
        let Some(status) = self.status else { return check };
        check.status = check.status.max(status);
        check.summary = self.messages.join("; ");
        if !self.remedies.is_empty() {
            check.remediation = Some(self.remedies.join("; "));
        }
        check
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn worst_status_and_joined_texts() {
        let mut f = Findings::default();
        assert!(f.is_empty());
        f.add(Status::Warning, "a").remedy("fix a");
        f.add(Status::Fail, "b");
        let c = f.into_check(Check::ok("x.y", "fine"));
        assert_eq!((c.status, c.summary.as_str(), c.remediation.as_deref()), (Status::Fail, "a; b", Some("fix a")));
        assert_eq!(Findings::default().into_check(Check::ok("x.y", "fine")).summary, "fine");
    }
}
