//! `wasm-split <input.wasm> <pkg dir> <main out.wasm>`: splits the browser bundle at its
//! lazy routes. Writes the chunks and their JS loader into the pkg dir, the main module
//! (still to be processed by wasm-bindgen) to `main out`, and `__wasm_split_manifest.json`
//! (lazy function → chunks), from which the server adds preload hints for the current page.
use anyhow::{bail, Context, Result};
use std::path::Path;

/// The loader's file name Leptos links to when the build does not hash file names.
const LINK_NAME: &str = "./__wasm_split.______________________.js";

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, pkg, main_out] = args.as_slice() else {
        bail!("usage: wasm-split <input.wasm> <pkg dir> <main out.wasm>");
    };
    let wasm = std::fs::read(input).with_context(|| format!("reading {input}"))?;
    let pkg = Path::new(pkg);
    let mut options = wasm_split_cli_support::Options::new(&wasm);
    options.output_dir = pkg;
    options.main_out_path = Path::new(main_out);
    options.link_name = LINK_NAME;
    options.main_module = "./mentora.js";
    let split = wasm_split_cli_support::transform(options).map_err(|e| anyhow::anyhow!("{e:?}"))?;
    let manifest = serde_json::to_string(&split.prefetch_map)?;
    std::fs::write(pkg.join("__wasm_split_manifest.json"), manifest)?;
    println!("split into {} chunks", split.split_modules.len());
    Ok(())
}
