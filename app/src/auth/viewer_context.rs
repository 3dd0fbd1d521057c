use super::api::{get_viewer, SetLanguage};
use super::model::Viewer;
use crate::error::AppError;
use leptos::prelude::*;

/// The signed-in person (loaded once per page load) and the language action.
/// Signing in and out, switching program and saving settings are plain form posts
/// followed by a full page load, so they work the same with JavaScript on or off.
#[derive(Clone, Copy)]
pub struct ViewerContext {
    pub viewer: Resource<Result<Option<Viewer>, AppError>>,
    pub set_language: ServerAction<SetLanguage>,
}

pub fn provide_viewer_context() -> ViewerContext {
    let ctx = ViewerContext {
        viewer: Resource::new(|| (), |_| get_viewer()),
        set_language: ServerAction::<SetLanguage>::new(),
    };
    provide_context(ctx);
    ctx
}

pub fn use_viewer_context() -> ViewerContext {
    expect_context::<ViewerContext>()
}

/// The signed-in viewer; available inside the signed-in frame (`AppShell`).
pub fn use_viewer() -> Viewer {
    expect_context::<Viewer>()
}
