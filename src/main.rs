// Talc instead of the standard library's dlmalloc in the browser: about a third of its code,
// which every visit downloads, and faster (talc's WebAssembly benchmarks). The app is single
// threaded (no `atomics`), which this allocator requires.
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    borough_map::start();
}
