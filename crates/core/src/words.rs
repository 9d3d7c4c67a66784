//! Small phrases that the page and the app both write.

/// "8 boroughs", "1 borough": the count with the noun it needs.
pub fn count_boroughs(count: usize) -> String {
    format!(
        "{count} {}",
        if count == 1 { "borough" } else { "boroughs" }
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_boroughs_in_words() {
        assert_eq!(count_boroughs(1), "1 borough");
        assert_eq!(count_boroughs(8), "8 boroughs");
        assert_eq!(count_boroughs(0), "0 boroughs");
    }
}
