//! Printing a plan in the format the user asked for; colors in the text format only when
//! standard output is a terminal and `NO_COLOR` is unset or empty.

use crate::cli::PlanFormat;
use schema_plan::{Plan, Policy};
use std::io::IsTerminal;

/// The plan as `format`; Markdown and GitHub annotations mark what `policy` denies.
pub fn plan(plan: &Plan, format: PlanFormat, policy: &Policy) -> String {
    match format {
        PlanFormat::Text => plan.to_text_styled(colors(
            std::io::stdout().is_terminal(),
            std::env::var_os("NO_COLOR").as_deref(),
        )),
        PlanFormat::Sql => plan.to_sql(),
        PlanFormat::Json => plan.to_json(),
        PlanFormat::Markdown => plan.to_markdown(policy),
        PlanFormat::Github => plan.to_github(policy),
    }
}

/// Whether to color: on a terminal, unless `NO_COLOR` is set to something non-empty.
fn colors(terminal: bool, no_color: Option<&std::ffi::OsStr>) -> bool {
    terminal && no_color.is_none_or(|v| v.is_empty())
}

#[cfg(test)]
mod tests {
    use super::colors;
    use std::ffi::OsStr;

    #[test]
    fn colors_only_on_a_terminal_without_no_color() {
        assert!(colors(true, None));
        assert!(colors(true, Some(OsStr::new(""))));
        assert!(!colors(true, Some(OsStr::new("1"))));
        assert!(!colors(false, None));
    }
}
