//! Taking the page away: sharing its address, selecting text, saving a file, and the map as a
//! file of its own.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::Element;

use super::{document, query_all_within};

const SVG_NS: &str = "http://www.w3.org/2000/svg";

/// What the map's look is made of, copied from the stylesheet's answer for each element onto
/// the file's copy of it (all are presentation attributes, so the page's strict policy on
/// inline styles does not apply).
const PAINT: [&str; 10] = [
    "fill",
    "fill-opacity",
    "stroke",
    "stroke-width",
    "stroke-linejoin",
    "paint-order",
    "vector-effect",
    "font-size",
    "font-weight",
    "font-family",
];

/// Opens the device's share sheet (the Web Share API) with `title`, `text` and `url`: `true`
/// once the reader has shared or dismissed it; `false` where the browser has none, or refuses
/// this data, or fails, so that the caller copies the link instead.
pub async fn share(title: &str, text: &str, url: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let navigator: JsValue = window.navigator().into();
    let method = |name: &str| {
        js_sys::Reflect::get(&navigator, &JsValue::from_str(name))
            .ok()?
            .dyn_into::<js_sys::Function>()
            .ok()
    };
    let Some(share) = method("share") else {
        return false;
    };
    let data = js_sys::Object::new();
    for (key, value) in [("title", title), ("text", text), ("url", url)] {
        let _ = js_sys::Reflect::set(&data, &JsValue::from_str(key), &JsValue::from_str(value));
    }
    if let Some(can_share) = method("canShare") {
        if can_share
            .call1(&navigator, &data)
            .ok()
            .and_then(|v| v.as_bool())
            == Some(false)
        {
            return false;
        }
    }
    let Ok(promise) = share.call1(&navigator, &data) else {
        return false;
    };
    match JsFuture::from(js_sys::Promise::resolve(&promise)).await {
        Ok(_) => true,
        // The reader closed the sheet: nothing more to do.
        Err(error) => {
            js_sys::Reflect::get(&error, &JsValue::from_str("name"))
                .ok()
                .and_then(|name| name.as_string())
                .as_deref()
                == Some("AbortError")
        }
    }
}

/// Selects the text inside `element`, for the reader to copy.
pub fn select_text(element: &Element) {
    if let Some(selection) = document().and_then(|d| d.get_selection().ok().flatten()) {
        let _ = selection.select_all_children(element);
    }
}

/// Saves `text` as a file called `name`, of type `mime`, as the browser saves downloads.
pub fn save(text: &str, mime: &str, name: &str) {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let Some(url) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .and_then(|blob| web_sys::Url::create_object_url_with_blob(&blob))
        .ok()
    else {
        return;
    };
    let Some(link) = document()
        .and_then(|d| d.create_element("a").ok())
        .and_then(|a| a.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let _ = link.set_attribute("href", &url);
    let _ = link.set_attribute("download", name);
    // The file's address is not let go: the browser may still be reading it after the click,
    // and it lives only as long as the page.
    link.click();
}

/// The map `svg` as the file of an SVG image that looks as the page shows it now: a copy with
/// each element's colours and strokes as the browser has computed them (in the colours the
/// page is showing, with its selection and highlight), on the page's background, with `above`
/// (a title and a subtitle) and `below` (two lines of credits) written in.
pub fn standalone_svg(svg: &Element, above: [&str; 2], below: [&str; 2]) -> Option<String> {
    let window = web_sys::window()?;
    let document = document()?;
    let copy: Element = svg.clone_node_with_deep(true).ok()?.dyn_into().ok()?;
    for (drawn, copied) in query_all_within(svg, "*")
        .iter()
        .zip(query_all_within(&copy, "*"))
    {
        if let Ok(Some(style)) = window.get_computed_style(drawn) {
            for name in PAINT {
                if let Ok(value) = style.get_property_value(name) {
                    let _ = copied.set_attribute(name, &value);
                }
            }
        }
    }
    // The map's view box is `0 0 width height`: the words go above and below it, in the
    // page's ink and font, on its background (drawn first).
    let view_box = svg.get_attribute("viewBox")?;
    let mut sizes = view_box.split(' ').skip(2).map(|n| n.parse::<i32>().ok());
    let (width, height) = (sizes.next()??, sizes.next()??);
    let _ = copy.set_attribute("viewBox", &format!("0 -90 {width} {}", height + 150));
    let _ = copy.set_attribute("xmlns", SVG_NS);
    let _ = copy.insert_adjacent_html(
        "afterbegin",
        &format!(
            "<rect y=\"-90\" width=\"100%\" height=\"100%\"/><g><text y=\"-48\" font-size=\"32\"/>\
             <text y=\"-14\" font-size=\"20\"/><text y=\"{}\" font-size=\"14\"/>\
             <text y=\"{}\" font-size=\"14\"/></g>",
            height + 30,
            height + 50
        ),
    );
    let paint = |element: Option<Element>, from: &Element, names: &[&str]| {
        let (Some(element), Ok(Some(style))) = (element, window.get_computed_style(from)) else {
            return;
        };
        for pair in names.chunks(2) {
            if let Ok(value) = style.get_property_value(pair[1]) {
                let _ = element.set_attribute(pair[0], &value);
            }
        }
    };
    paint(
        copy.first_element_child(),
        &document.document_element()?,
        &["fill", "background-color"],
    );
    let words = copy.query_selector("g").ok().flatten();
    paint(
        words.clone(),
        svg,
        &["fill", "color", "font-family", "font-family"],
    );
    for (line, text) in query_all_within(&words?, "text")
        .iter()
        .zip([above[0], above[1], below[0], below[1]])
    {
        line.set_text_content(Some(text));
    }
    Some(copy.outer_html())
}
