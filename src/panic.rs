//! A panic must never leave a silently dead page: say so in the page and in the console.

use wasm_bindgen::JsValue;

const MESSAGE: &str = "Sorry, the map stopped working because of an error in the page. \
Reload the page to try again; the report \"Londoners did\" is on the Mental Health Foundation's site.";

pub fn install_hook() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&JsValue::from_str(&format!("borough map panicked: {info}")));
        show_in_page();
    }));
}

fn show_in_page() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(notice) = document.create_element("p") else {
        return;
    };
    notice.set_class_name("notice notice-fatal");
    let _ = notice.set_attribute("role", "alert");
    notice.set_text_content(Some(MESSAGE));
    if let Some(body) = document.body() {
        let _ = body.prepend_with_node_1(&notice);
    }
}
