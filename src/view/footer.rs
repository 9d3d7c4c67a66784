use leptos::prelude::*;

/// Credits for the data and the story, as their licences ask; embedded, in one line.
#[component]
pub fn Footer(embedded: bool) -> impl IntoView {
    if embedded {
        return view! {
            <footer class="embed-credit">
                "Source: "
                <a href="https://www.mentalhealth.org.uk/explore-mental-health/publications/londoners-did" target="_blank" rel="noopener noreferrer">
                    "\u{201c}Londoners did\u{201d}"
                </a>
                ". Boundaries: OGL v3.0, contains National Statistics and Ordnance Survey data © Crown copyright and database right (2015)."
            </footer>
        }
        .into_any();
    }
    view! {
        <footer class="site-footer">
            <p>
                "Outcomes summarised from "
                <a href="https://www.mentalhealth.org.uk/explore-mental-health/publications/londoners-did" target="_blank" rel="noopener noreferrer">
                    "\u{201c}Londoners did\u{201d}"
                </a>
                " (Mental Health Foundation, for Thrive LDN), in our own words."
            </p>
            <p>
                "Borough boundaries: London Datastore, Statistical GIS Boundary Files for London, under the "
                <a href="https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/" target="_blank" rel="noopener noreferrer">
                    "Open Government Licence v3.0"
                </a>
                ". Contains National Statistics data © Crown copyright and database right (2015). Contains Ordnance Survey data © Crown copyright and database right (2015)."
            </p>
        </footer>
    }
    .into_any()
}
