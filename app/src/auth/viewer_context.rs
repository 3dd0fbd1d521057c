use super::api::{get_viewer, SetLanguage, SignIn};
use super::model::Viewer;
use crate::error::AppError;
use crate::i18n::use_i18n;
use leptos::prelude::*;

/// The signed-in person, and the actions that change them in place.
/// Provided once by the `App`; refetched after sign-in. Signing out and switching program
/// are plain form posts followed by a full page load: the whole page changes anyway.
#[derive(Clone, Copy)]
pub struct ViewerContext {
    pub viewer: Resource<Result<Option<Viewer>, AppError>>,
    pub sign_in: ServerAction<SignIn>,
    pub set_language: ServerAction<SetLanguage>,
}

pub fn provide_viewer_context() -> ViewerContext {
    let sign_in = ServerAction::<SignIn>::new();
    let set_language = ServerAction::<SetLanguage>::new();
    let viewer = Resource::new(move || sign_in.version().get(), |_| get_viewer());
    // A fresh sign-in brings the person's saved language with it.
    let i18n = use_i18n();
    Effect::new(move |_| {
        if let Some(Ok(Some(v))) = viewer.get() {
            i18n.set_lang(v.language);
        }
    });
    let ctx = ViewerContext {
        viewer,
        sign_in,
        set_language,
    };
    provide_context(ctx);
    ctx
}

pub fn use_viewer_context() -> ViewerContext {
    expect_context::<ViewerContext>()
}
