use super::model::Viewer;
use leptos::prelude::*;

/// The signed-in viewer; provided by the signed-in frame (`AppShell`) to every page in it.
pub fn use_viewer() -> Viewer {
    expect_context::<Viewer>()
}
