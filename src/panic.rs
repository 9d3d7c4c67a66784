//! A panic must never leave a silently dead page: say so in the page and in the console, and
//! hand the page back to its no-script behaviour (the list of areas and each story's link work
//! without the app), since the app's code cannot run again after a panic.

use wasm_bindgen::JsValue;

const MESSAGE: &str = "Sorry, the map stopped working because of an error in the page. \
The list of all areas below still opens every borough's story; reload the page to try again.";

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
    if let Some(root) = document.document_element() {
        let classes = root.class_list();
        let _ = classes.remove_2("js", "story-open");
        let _ = classes.add_1("no-app");
    }
    if let Ok(panels) = document.query_selector_all(".panel[hidden]") {
        for i in 0..panels.length() {
            if let Some(panel) = panels.item(i) {
                let _ = wasm_bindgen::JsCast::unchecked_ref::<web_sys::Element>(&panel)
                    .remove_attribute("hidden");
            }
        }
    }
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
