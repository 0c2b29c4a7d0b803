//! `file:` URIs and the paths they name.

use std::path::{Path, PathBuf};

use lsp_types::Uri;

/// The path a `file:` URI names (`None` for another scheme: an unsaved buffer).
pub fn to_path(uri: &Uri) -> Option<PathBuf> {
    if !uri
        .scheme()
        .is_some_and(|s| s.as_str().eq_ignore_ascii_case("file"))
    {
        return None;
    }
    let decoded = uri.path().as_estr().decode().into_string().ok()?;
    let path = decoded.as_ref();
    // `file:///C:/cases/a.yaml` names `C:/cases/a.yaml` on Windows.
    let path = if cfg!(windows) && path.as_bytes().get(2) == Some(&b':') {
        &path[1..]
    } else {
        path
    };
    if path.is_empty() {
        return None;
    }
    Some(PathBuf::from(path))
}

/// The `file:` URI of an absolute path.
pub fn from_path(path: &Path) -> Option<Uri> {
    let text = path.to_str()?;
    let text = if cfg!(windows) {
        format!("/{}", text.replace('\\', "/"))
    } else {
        text.to_owned()
    };
    let mut uri = String::from("file://");
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"/-._~:".contains(&byte) {
            uri.push(char::from(byte));
        } else {
            uri.push_str(&format!("%{byte:02X}"));
        }
    }
    uri.parse().ok()
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn a_path_with_spaces_and_accents_goes_there_and_back() {
        let path = Path::new("/srv/cases/Zoë Ortiz/2026-0142.yaml");
        let uri = from_path(path).expect("a URI");
        assert_eq!(uri.as_str(), "file:///srv/cases/Zo%C3%AB%20Ortiz/2026-0142.yaml");
        assert_eq!(to_path(&uri).as_deref(), Some(path));
        let untitled: Uri = "untitled:Untitled-1".parse().expect("a URI");
        assert_eq!(to_path(&untitled), None);
    }
}
