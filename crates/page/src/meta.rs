//! What a page says about itself to link previews and search engines: its title, description,
//! canonical address, Open Graph and Twitter card tags; and the site's `sitemap.xml` and
//! `robots.txt`. Only these, and the data files' page links, use the site's public address
//! ([`Site`]); every asset URL stays relative, so the bundle works from any folder.

use maud::{html, Markup, PreEscaped};
use thiserror::Error;

use borough_core::content::Content;

use crate::View;

/// The environment variable that names the site's public address.
pub const SITE_URL_VAR: &str = "SITE_URL";
/// Its value when unset: where `make serve` serves the site.
pub const DEFAULT_SITE_URL: &str = "http://127.0.0.1:8080/";

/// The preview images' size, as Open Graph and Twitter's large card want them.
pub const PREVIEW_WIDTH: u32 = 1200;
pub const PREVIEW_HEIGHT: u32 = 630;

/// The site's name, last in every title.
pub const SITE_NAME: &str = "Londoners did";
const HOME_TITLE: &str = "Londoners did: the borough map | Thrive LDN community conversations";

/// The site's public address: absolute, `http` or `https`, a folder (ending in `/`), with no
/// query or fragment, e.g. `https://example.org/borough-map/`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Site(url::Url);

#[derive(Debug, Error, PartialEq, Eq)]
pub enum SiteError {
    #[error("{SITE_URL_VAR}={0:?} is not an absolute URL ({1})")]
    NotAUrl(String, String),
    #[error("{SITE_URL_VAR}={0:?} must be an http or https address")]
    Scheme(String),
    #[error("{SITE_URL_VAR}={0:?} must name a folder: end it with \"/\"")]
    NotAFolder(String),
    #[error("{SITE_URL_VAR}={0:?} must have no user, query or fragment")]
    Extra(String),
}

impl Site {
    pub fn parse(value: &str) -> Result<Site, SiteError> {
        let url = url::Url::parse(value)
            .map_err(|e| SiteError::NotAUrl(value.to_owned(), e.to_string()))?;
        if !matches!(url.scheme(), "http" | "https") || url.host().is_none() {
            return Err(SiteError::Scheme(value.to_owned()));
        }
        if url.query().is_some()
            || url.fragment().is_some()
            || !url.username().is_empty()
            || url.password().is_some()
        {
            return Err(SiteError::Extra(value.to_owned()));
        }
        if !url.path().ends_with('/') {
            return Err(SiteError::NotAFolder(value.to_owned()));
        }
        Ok(Site(url))
    }

    /// The address `SITE_URL` names, else [`DEFAULT_SITE_URL`].
    pub fn from_env() -> Result<Site, SiteError> {
        match std::env::var(SITE_URL_VAR) {
            Ok(value) if !value.trim().is_empty() => Site::parse(value.trim()),
            _ => Site::parse(DEFAULT_SITE_URL),
        }
    }

    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }

    /// The absolute URL of a file of the site, from its path in the bundle (`data/x.csv`).
    pub fn file(&self, path: &str) -> String {
        format!("{}{path}", self.0)
    }

    /// The absolute URL of a view's page: the site's root, or the area's folder.
    pub fn page(&self, view: View) -> String {
        self.file(&view.folder())
    }
}

/// The page's title: the area's name first, so that a tab or a search result says it.
pub fn title(view: View) -> String {
    match view {
        View::London => HOME_TITLE.to_owned(),
        View::Area(area) => {
            format!(
                "{}: what the community conversation led to | {SITE_NAME}",
                area.name()
            )
        }
    }
}

/// The page's description: the area's summary, or the programme's.
pub fn description(view: View, content: &Content) -> String {
    let fallback = || {
        "What the Thrive LDN community conversations of 2017/18 led to, borough by borough, \
         from the Mental Health Foundation's report Londoners did."
            .to_owned()
    };
    match view {
        View::London => content
            .programme
            .as_ref()
            .map_or_else(fallback, |p| p.summary.clone()),
        View::Area(area) => content
            .entry(area)
            .map_or_else(fallback, |e| e.summary.clone()),
    }
}

/// What the preview image shows, for readers who cannot see it.
pub fn image_alt(view: View, content: &Content) -> String {
    match view {
        View::London => "A map of London's 33 boroughs, coloured by what the report records \
                         of each one's community conversation."
            .to_owned(),
        View::Area(area) => format!(
            "A map of London with {} highlighted: {}.",
            area.name(),
            content
                .status(area)
                .map_or("no entry in this build".to_owned(), |s| s
                    .label()
                    .to_lowercase())
        ),
    }
}

/// The tags for the page's head, in place of `index.html`'s own title and description.
pub fn head(view: View, content: &Content, site: &Site) -> Markup {
    let title = title(view);
    let description = description(view, content);
    let url = site.page(view);
    html! {
        title { (title) }
        meta name="description" content=(description);
        link rel="canonical" href=(url);
        meta property="og:type" content="website";
        meta property="og:site_name" content=(SITE_NAME);
        meta property="og:locale" content="en_GB";
        meta property="og:title" content=(title);
        meta property="og:description" content=(description);
        meta property="og:url" content=(url);
        meta property="og:image" content=(site.file(&view.preview_path()));
        meta property="og:image:type" content="image/png";
        meta property="og:image:width" content=(PREVIEW_WIDTH);
        meta property="og:image:height" content=(PREVIEW_HEIGHT);
        meta property="og:image:alt" content=(image_alt(view, content));
        meta name="twitter:card" content="summary_large_image";
    }
}

/// `sitemap.xml`: every page of the site.
pub fn sitemap(site: &Site) -> String {
    html! {
        (PreEscaped("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"))
        urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" {
            @for view in View::all() {
                (PreEscaped("\n"))
                url { loc { (site.page(view)) } }
            }
            (PreEscaped("\n"))
        }
        (PreEscaped("\n"))
    }
    .into_string()
}

/// `robots.txt`: everything may be crawled, and where the sitemap is. (Only read at a host's
/// root: a site in a sub-folder submits its sitemap to search engines instead.)
pub fn robots(site: &Site) -> String {
    format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}\n",
        site.file("sitemap.xml")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use borough_core::area::Area;

    #[test]
    fn the_site_address_must_be_an_absolute_http_folder() {
        for good in [
            DEFAULT_SITE_URL,
            "https://example.org/",
            "https://example.org/borough-map/",
        ] {
            assert_eq!(Site::parse(good).unwrap().as_str(), good);
        }
        assert!(matches!(
            Site::parse("example.org/"),
            Err(SiteError::NotAUrl(..))
        ));
        assert!(matches!(
            Site::parse("ftp://example.org/"),
            Err(SiteError::Scheme(_))
        ));
        assert!(matches!(
            Site::parse("https://example.org/map"),
            Err(SiteError::NotAFolder(_))
        ));
        assert!(matches!(
            Site::parse("https://example.org/?a=1"),
            Err(SiteError::Extra(_))
        ));
        let error = Site::parse("https://example.org/map").unwrap_err();
        assert!(error.to_string().contains(SITE_URL_VAR), "{error}");
    }

    #[test]
    fn pages_and_files_are_absolute_under_the_site() {
        let site = Site::parse("https://example.org/map/").unwrap();
        let hackney = View::Area(Area::parse("hackney").unwrap());
        assert_eq!(site.page(View::London), "https://example.org/map/");
        assert_eq!(site.page(hackney), "https://example.org/map/hackney/");
        assert_eq!(
            site.file("sitemap.xml"),
            "https://example.org/map/sitemap.xml"
        );
        assert_eq!(
            robots(&site),
            "User-agent: *\nAllow: /\n\nSitemap: https://example.org/map/sitemap.xml\n"
        );
        let sitemap = sitemap(&site);
        assert_eq!(sitemap.matches("<loc>").count(), 34);
        assert!(sitemap.contains("<loc>https://example.org/map/hackney/</loc>"));
        assert!(sitemap.starts_with("<?xml"));
    }

    #[test]
    fn an_areas_title_starts_with_its_name() {
        let hackney = View::Area(Area::parse("hackney").unwrap());
        assert_eq!(
            title(hackney),
            "Hackney: what the community conversation led to | Londoners did"
        );
        assert!(title(View::London).starts_with("Londoners did"));
    }
}
