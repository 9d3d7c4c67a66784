//! Scripts put into the pages the server sends.

/// `page` with `scripts` as the first elements of its head (so they run before anything of
/// the page's own), or at its very start if it has no head.
pub fn with_head_scripts(page: &str, scripts: &[String]) -> String {
    let tags: String = scripts
        .iter()
        .map(|s| format!("<script>{s}</script>"))
        .collect();
    let at = page
        .find("<head")
        .and_then(|head| page[head..].find('>').map(|end| head + end + 1))
        .unwrap_or(0);
    format!("{}{tags}{}", &page[..at], &page[at..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_go_first_in_the_head() {
        let scripts = ["a()".to_string()];
        assert_eq!(
            with_head_scripts("<html><head lang=x><title>t</title>", &scripts),
            "<html><head lang=x><script>a()</script><title>t</title>"
        );
        assert_eq!(
            with_head_scripts("<p>", &scripts),
            "<script>a()</script><p>"
        );
    }
}
