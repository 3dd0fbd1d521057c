//! Password hashing with Argon2id (the argon2 crate's default parameters: 19 MiB, t=2, p=1).
use argon2::password_hash::{
    rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString,
};
use argon2::Argon2;
use std::sync::OnceLock;

pub fn hash_password(password: &str) -> String {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .expect("argon2 hashing with default parameters cannot fail")
        .to_string()
}

pub fn verify_password(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash)
        .map(|parsed| {
            Argon2::default()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false)
}

/// Spends the same time as a real check, so a sign-in for an unknown e-mail is not faster.
pub fn verify_against_dummy(password: &str) {
    static DUMMY: OnceLock<String> = OnceLock::new();
    let hash = DUMMY.get_or_init(|| hash_password("not-a-real-password"));
    let _ = verify_password(password, hash);
}

/// Argon2 takes tens of milliseconds of CPU: keep it off the async workers.
async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> crate::error::AppResult<T> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|_| crate::error::AppError::Internal)
}

pub async fn verify_password_blocking(password: &str, hash: &str) -> crate::error::AppResult<bool> {
    let (password, hash) = (password.to_string(), hash.to_string());
    blocking(move || verify_password(&password, &hash)).await
}

pub async fn verify_against_dummy_blocking(password: &str) -> crate::error::AppResult<()> {
    let password = password.to_string();
    blocking(move || verify_against_dummy(&password)).await
}

pub async fn hash_password_blocking(password: &str) -> crate::error::AppResult<String> {
    let password = password.to_string();
    blocking(move || hash_password(&password)).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_argon2id_and_verify() {
        let hash = hash_password("correct horse");
        assert!(hash.starts_with("$argon2id$"));
        assert!(verify_password("correct horse", &hash));
        assert!(!verify_password("wrong horse", &hash));
        assert!(!verify_password("correct horse", "not a hash"));
        assert_ne!(hash, hash_password("correct horse"), "salts must differ");
    }
}
