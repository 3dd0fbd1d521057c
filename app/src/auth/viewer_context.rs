use super::api::{get_viewer, SetLanguage, SignIn, SignOut, SwitchProgram};
use super::model::Viewer;
use crate::error::AppError;
use crate::i18n::use_i18n;
use leptos::prelude::*;

/// The signed-in person and the actions that change who or where they are.
/// Provided once by the `App`; refetched after sign-in, sign-out and program switches.
#[derive(Clone, Copy)]
pub struct ViewerContext {
    pub viewer: Resource<Result<Option<Viewer>, AppError>>,
    pub sign_in: ServerAction<SignIn>,
    pub sign_out: ServerAction<SignOut>,
    pub set_language: ServerAction<SetLanguage>,
    pub switch_program: ServerAction<SwitchProgram>,
}

pub fn provide_viewer_context() -> ViewerContext {
    let sign_in = ServerAction::<SignIn>::new();
    let sign_out = ServerAction::<SignOut>::new();
    let set_language = ServerAction::<SetLanguage>::new();
    let switch_program = ServerAction::<SwitchProgram>::new();
    let viewer = Resource::new(
        move || {
            (
                sign_in.version().get(),
                sign_out.version().get(),
                switch_program.version().get(),
            )
        },
        |_| get_viewer(),
    );
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
        sign_out,
        set_language,
        switch_program,
    };
    provide_context(ctx);
    ctx
}

pub fn use_viewer_context() -> ViewerContext {
    expect_context::<ViewerContext>()
}
