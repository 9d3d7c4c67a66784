//! Short import names. wasm-bindgen names each function the glue hands the WebAssembly after
//! what it calls and a hash (`__wbg_activeElement_6c30fe7fda33ef51`), and every name is written
//! twice: in the module's import section and as a key of the glue's import object. The build
//! renames them `a`, `b`, … `ba`, … in both (about 10 KB before compression), as Emscripten's
//! builds do; the code itself is copied byte for byte.

use wasm_encoder::{EntityType, ImportSection, Module, RawSection};
use wasmparser::{Parser, Payload};

/// The module name wasm-bindgen gives the glue's imports, and the glue's key for them.
const GLUE_MODULE: &str = "./borough-map_bg.js";
/// The module name they get instead.
const SHORT_MODULE: &str = "a";

/// The WebAssembly and its glue with every import renamed short, or `None` if there is nothing
/// to rename: no imports, or their short names already (the build ran over this folder before).
pub fn shorten(wasm: &[u8], glue: &str) -> Result<Option<(Vec<u8>, String)>, String> {
    let mut module = Module::new();
    let mut renamed: Vec<(String, String)> = Vec::new();
    for payload in Parser::new(0).parse_all(wasm) {
        let payload = payload.map_err(|e| format!("the WebAssembly cannot be read: {e}"))?;
        if let Payload::ImportSection(reader) = payload {
            let mut section = ImportSection::new();
            for import in reader.into_imports() {
                let import = import.map_err(|e| format!("an import cannot be read: {e}"))?;
                match import.module {
                    GLUE_MODULE => {}
                    SHORT_MODULE if renamed.is_empty() => return Ok(None),
                    other => return Err(format!("an import from {other:?}, not from the glue")),
                }
                let ty = EntityType::try_from(import.ty)
                    .map_err(|e| format!("import {}: cannot copy its kind: {e:?}", import.name))?;
                let name = short_name(renamed.len());
                section.import(SHORT_MODULE, &name, ty);
                renamed.push((import.name.to_owned(), name));
            }
            module.section(&section);
        } else if let Some((id, range)) = payload.as_section() {
            module.section(&RawSection {
                id,
                data: &wasm[range],
            });
        }
    }
    if renamed.is_empty() {
        return Ok(None);
    }
    let mut glue = replace_once(
        glue,
        &format!("\"{GLUE_MODULE}\":"),
        &format!("{SHORT_MODULE}:"),
    )?;
    for (long, short) in &renamed {
        glue = replace_identifier_once(&glue, long, short)?;
    }
    Ok(Some((module.finish(), glue)))
}

/// The `index`th name of `a`…`z`, `A`…`Z`, then two letters and on: valid JavaScript
/// property names, shortest first.
fn short_name(mut index: usize) -> String {
    const LETTERS: &[u8; 52] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let mut name = vec![LETTERS[index % 52]];
    index /= 52;
    while index > 0 {
        index -= 1;
        name.push(LETTERS[index % 52]);
        index /= 52;
    }
    name.reverse();
    String::from_utf8(name).expect("letters are UTF-8")
}

fn replace_once(text: &str, from: &str, to: &str) -> Result<String, String> {
    match text.matches(from).count() {
        1 => Ok(text.replacen(from, to, 1)),
        n => Err(format!("the glue holds {from} {n} times, not once")),
    }
}

/// `text` with the identifier `from` (not part of a longer one) replaced by `to`: it must occur
/// exactly once, as the import object's key, or the glue is not what this build knows.
fn replace_identifier_once(text: &str, from: &str, to: &str) -> Result<String, String> {
    let is_identifier = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '$';
    let found: Vec<usize> = text
        .match_indices(from)
        .map(|(at, _)| at)
        .filter(|&at| {
            !text[..at].ends_with(is_identifier)
                && !text[at + from.len()..].starts_with(is_identifier)
        })
        .collect();
    match found[..] {
        [at] => Ok(format!("{}{to}{}", &text[..at], &text[at + from.len()..])),
        _ => Err(format!(
            "the glue names the import {from} {} times, not once",
            found.len()
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A module importing two functions from the glue, as wasm-bindgen writes it.
    fn module(imports: &[&str]) -> Vec<u8> {
        use wasm_encoder::{CodeSection, Function, FunctionSection, TypeSection};
        let mut module = Module::new();
        let mut types = TypeSection::new();
        types.ty().function([], []);
        module.section(&types);
        let mut section = ImportSection::new();
        for name in imports {
            section.import(GLUE_MODULE, name, EntityType::Function(0));
        }
        module.section(&section);
        let mut functions = FunctionSection::new();
        functions.function(0);
        module.section(&functions);
        let mut code = CodeSection::new();
        let mut body = Function::new([]);
        body.instructions().call(1).end();
        code.function(&body);
        module.section(&code);
        module.finish()
    }

    const GLUE: &str = "import0 = { __wbg_log_1a: function() {}, __wbg_log_1ab: function() {} };\n\
        imports = { \"./borough-map_bg.js\": import0 };";

    fn imports_of(wasm: &[u8]) -> Vec<(String, String)> {
        let mut names = Vec::new();
        for payload in Parser::new(0).parse_all(wasm) {
            if let Ok(Payload::ImportSection(reader)) = payload {
                for import in reader.into_imports() {
                    let import = import.unwrap();
                    names.push((import.module.to_owned(), import.name.to_owned()));
                }
            }
        }
        names
    }

    #[test]
    fn both_sides_get_the_same_short_names_and_the_code_is_kept() {
        let wasm = module(&["__wbg_log_1a", "__wbg_log_1ab"]);
        let (short, glue) = shorten(&wasm, GLUE).unwrap().unwrap();
        assert_eq!(
            imports_of(&short),
            [("a".into(), "a".into()), ("a".into(), "b".into())]
        );
        assert_eq!(
            glue,
            "import0 = { a: function() {}, b: function() {} };\nimports = { a: import0 };"
        );
        wasmparser::validate(&short).unwrap();
        assert!(short.len() < wasm.len());
        // Run again over its own output, it leaves both alone; and a module without imports too.
        assert_eq!(shorten(&short, &glue).unwrap(), None);
        assert_eq!(shorten(&Module::new().finish(), "go();").unwrap(), None);
    }

    #[test]
    fn a_glue_that_does_not_name_each_import_once_is_refused() {
        let wasm = module(&["__wbg_log_1a", "__wbg_gone_2b"]);
        let problem = shorten(&wasm, GLUE).unwrap_err();
        assert!(problem.contains("__wbg_gone_2b 0 times"), "{problem}");
        let twice = GLUE.replace("import0 };", "import0, \"./borough-map_bg.js\": import0 };");
        let problem = shorten(&module(&["__wbg_log_1a"]), &twice).unwrap_err();
        assert!(problem.contains("2 times"), "{problem}");
    }

    #[test]
    fn short_names_are_distinct_identifiers_shortest_first() {
        let names: Vec<String> = (0..52 * 53 + 1).map(short_name).collect();
        assert_eq!((names[0].as_str(), names[51].as_str()), ("a", "Z"));
        assert_eq!((names[52].as_str(), names[53].as_str()), ("aa", "ab"));
        assert_eq!(names[52 * 53].len(), 3);
        let distinct: std::collections::HashSet<_> = names.iter().collect();
        assert_eq!(distinct.len(), names.len());
        assert!(names
            .iter()
            .all(|n| n.chars().all(|c| c.is_ascii_alphabetic())));
    }
}
