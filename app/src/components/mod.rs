mod layout;
mod problem;

pub use layout::Layout;
pub use problem::ProblemPage;

/// "1 h 20 min" / "25 min".
pub fn duration_label(minutes: u32) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn durations_read_naturally() {
        assert_eq!(super::duration_label(25), "25 min");
        assert_eq!(super::duration_label(60), "1 h");
        assert_eq!(super::duration_label(80), "1 h 20 min");
    }
}
