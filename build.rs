//! One short name for "the wasm build that emits TypeScript interfaces":
//! `cfg(ts)` is wasm32 with the `types` feature (tsify is a wasm32-only
//! dependency), so the types' attributes read `cfg_attr(ts, …)`.
//!
//! `cfg(sheets)` is every build that reads clinic price sheets in full:
//! native builds, and the staff wasm (`staff` feature). The visitor wasm
//! is built without it, so what only a sheet needs (a phase or fee naming
//! the provider who bills it) adds nothing to the visitor engine.
fn main() {
    println!("cargo::rustc-check-cfg=cfg(ts)");
    println!("cargo::rustc-check-cfg=cfg(sheets)");
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|arch| arch == "wasm32");
    if wasm && std::env::var_os("CARGO_FEATURE_TYPES").is_some() {
        println!("cargo::rustc-cfg=ts");
    }
    if !wasm || std::env::var_os("CARGO_FEATURE_STAFF").is_some() {
        println!("cargo::rustc-cfg=sheets");
    }
}
