//! One short name for "the wasm build that emits TypeScript interfaces":
//! `cfg(ts)` is wasm32 with the `types` feature (tsify is a wasm32-only
//! dependency), so the types' attributes read `cfg_attr(ts, …)`.
fn main() {
    println!("cargo::rustc-check-cfg=cfg(ts)");
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|arch| arch == "wasm32");
    if wasm && std::env::var_os("CARGO_FEATURE_TYPES").is_some() {
        println!("cargo::rustc-cfg=ts");
    }
}
