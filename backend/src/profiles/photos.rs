//! Profile photos: upload (type and size checked, resized on the server), removal, and
//! serving the stored 256×256 JPEG to signed-in people. Plain HTTP routes (a multipart form
//! works with and without JavaScript), behind the session middleware like `members::upload`.
//!
//! Photos live in the database (`user_photos`), not on disk, so several app instances behind
//! one PostgreSQL serve the same pictures. `users.photo_key` names the current photo and
//! changes with every upload: a photo's URL (`profiles::photo_url`) is cached for good.
use crate::auth::session::RequestSession;
use crate::db::Db;
use crate::error::{AppError, AppResult, ValidationCode};
use crate::profiles::repo;
use crate::profiles::service::refresh_person;
use crate::state::AppState;
use axum::extract::{FromRequest, Multipart, Path, Request, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{DateTime, Utc};
use image::imageops::FilterType;
use image::metadata::Orientation;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits, RgbImage};
use std::io::Cursor;

/// The largest file accepted for upload (5 MiB).
pub const MAX_PHOTO_BYTES: usize = 5 * 1024 * 1024;
/// The request body limit of the upload route: one photo plus multipart overhead.
pub const MAX_UPLOAD_BODY_BYTES: usize = 6 * 1024 * 1024;
/// Wider or taller images are refused before their pixels are decoded.
pub const MAX_PHOTO_SIDE: u32 = 6000;
/// So are images of more pixels than a 24-megapixel camera's (6000×4000): decoding one
/// costs about 100 MB and a second of a core, no more.
pub const MAX_PHOTO_PIXELS: u64 = 24_000_000;
/// The stored photo is a square of this many pixels.
pub const PHOTO_SIZE: u32 = 256;
/// JPEG quality of the stored photo.
const JPEG_QUALITY: u8 = 85;
/// The most a decoder may allocate: the largest image accepted, in RGBA, no more (16-bit
/// images that large are refused too).
const MAX_DECODED_BYTES: u64 = MAX_PHOTO_PIXELS * 4;
/// The form field of the upload.
const FIELD: &str = "photo";
/// Where the member edits their photo.
const PROFILE_PAGE: &str = "/profile?tab=basic";

/// Checks an uploaded picture and turns it into the stored form: a 256×256 JPEG
/// (quality 85), centre-cropped, turned upright by its EXIF orientation, transparency
/// flattened onto white.
///
/// Only JPEG, PNG and WebP are accepted, recognised by their content (never by the file's
/// name or declared type). The dimensions are read from the header and checked before any
/// pixel is decoded, so a small file declaring a huge image allocates nothing.
pub fn normalise_photo(bytes: &[u8]) -> Result<Vec<u8>, ValidationCode> {
    if bytes.len() > MAX_PHOTO_BYTES {
        return Err(ValidationCode::FileTooLarge);
    }
    let invalid = |_| ValidationCode::InvalidImage;
    let format = image::guess_format(bytes).map_err(invalid)?;
    if !matches!(
        format,
        ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::WebP
    ) {
        return Err(ValidationCode::InvalidImage);
    }
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_PHOTO_SIDE);
    limits.max_image_height = Some(MAX_PHOTO_SIDE);
    limits.max_alloc = Some(MAX_DECODED_BYTES);
    reader.limits(limits);
    // Reads the header only; the limits above already refuse oversized images here.
    let too_big_or_invalid = |err| match err {
        image::ImageError::Limits(_) => ValidationCode::PictureTooBig,
        _ => ValidationCode::InvalidImage,
    };
    let mut decoder = reader.into_decoder().map_err(too_big_or_invalid)?;
    let (width, height) = decoder.dimensions();
    if width == 0 || height == 0 {
        return Err(ValidationCode::InvalidImage);
    }
    if width > MAX_PHOTO_SIDE
        || height > MAX_PHOTO_SIDE
        || width as u64 * height as u64 > MAX_PHOTO_PIXELS
        || decoder.total_bytes() > MAX_DECODED_BYTES
    {
        return Err(ValidationCode::PictureTooBig);
    }
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    let mut image = DynamicImage::from_decoder(decoder).map_err(too_big_or_invalid)?;
    image.apply_orientation(orientation);
    // The middle square, shrunk by a cheap filter to twice the stored size, then by a
    // good one: Lanczos over millions of pixels would cost seconds.
    let side = image.width().min(image.height());
    let mut square = image.crop_imm(
        (image.width() - side) / 2,
        (image.height() - side) / 2,
        side,
        side,
    );
    if side > 2 * PHOTO_SIZE {
        square = square.thumbnail_exact(2 * PHOTO_SIZE, 2 * PHOTO_SIZE);
    }
    let square = square.resize_exact(PHOTO_SIZE, PHOTO_SIZE, FilterType::Lanczos3);
    let rgb = flatten_on_white(&square);
    let mut out = Vec::with_capacity(32 * 1024);
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY)
        .encode_image(&rgb)
        .map_err(invalid)?;
    Ok(out)
}

/// JPEG has no transparency: transparent parts become white rather than black.
fn flatten_on_white(image: &DynamicImage) -> RgbImage {
    if !image.color().has_alpha() {
        return image.to_rgb8();
    }
    let rgba = image.to_rgba8();
    RgbImage::from_fn(rgba.width(), rgba.height(), |x, y| {
        let [r, g, b, a] = rgba.get_pixel(x, y).0;
        let blend = |c: u8| ((c as u32 * a as u32 + 255 * (255 - a as u32) + 127) / 255) as u8;
        image::Rgb([blend(r), blend(g), blend(b)])
    })
}

// HTTP handlers

fn session_of(request: &Request) -> Option<RequestSession> {
    request.extensions().get::<RequestSession>().cloned()
}

fn back_with_error(code: &str) -> Response {
    Redirect::to(&format!("{PROFILE_PAGE}&error={code}&field={FIELD}")).into_response()
}

fn validation_redirect(code: ValidationCode) -> Response {
    back_with_error(AppError::validation(FIELD, code).url_code())
}

/// `POST /profile/photo` (multipart, field `photo`): stores the signed-in person's photo.
pub async fn upload_photo(State(state): State<AppState>, request: Request) -> Response {
    let Some(session) = session_of(&request) else {
        return Redirect::to("/login").into_response();
    };
    let mut multipart = match Multipart::from_request(request, &state).await {
        Ok(m) => m,
        Err(_) => return back_with_error(AppError::BadRequest.url_code()),
    };
    let mut upload: Option<Vec<u8>> = None;
    loop {
        match multipart.next_field().await {
            Ok(Some(field)) if field.name() == Some(FIELD) => match field.bytes().await {
                Ok(bytes) if bytes.len() > MAX_PHOTO_BYTES => {
                    return validation_redirect(ValidationCode::FileTooLarge)
                }
                Ok(bytes) => upload = Some(bytes.to_vec()),
                Err(err) if err.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                    return validation_redirect(ValidationCode::FileTooLarge)
                }
                Err(_) => return back_with_error(AppError::BadRequest.url_code()),
            },
            Ok(Some(_)) => {}
            Ok(None) => break,
            Err(err) if err.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                return validation_redirect(ValidationCode::FileTooLarge)
            }
            Err(_) => return back_with_error(AppError::BadRequest.url_code()),
        }
    }
    // A form sent without choosing a file carries an empty part.
    let Some(bytes) = upload.filter(|b| !b.is_empty()) else {
        return validation_redirect(ValidationCode::Required);
    };
    // Decoding and resizing take a while and up to 256 MB: keep them off the async
    // workers, two at a time.
    static DECODING: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(2);
    let Ok(_permit) = DECODING.acquire().await else {
        return back_with_error(AppError::Internal.url_code());
    };
    let jpeg = match tokio::task::spawn_blocking(move || normalise_photo(&bytes)).await {
        Ok(Ok(jpeg)) => jpeg,
        Ok(Err(code)) => return validation_redirect(code),
        Err(err) => {
            tracing::error!(error = %err, "photo processing failed");
            return back_with_error(AppError::Internal.url_code());
        }
    };
    match store_photo(&state.db, session.viewer.user_id, &jpeg, Utc::now()).await {
        Ok(_) => Redirect::to(&format!("{PROFILE_PAGE}&photo=saved")).into_response(),
        Err(err) => back_with_error(err.url_code()),
    }
}

/// `POST /profile/photo/delete`: removes the signed-in person's photo.
pub async fn delete_photo(State(state): State<AppState>, request: Request) -> Response {
    let Some(session) = session_of(&request) else {
        return Redirect::to("/login").into_response();
    };
    match remove_photo(&state.db, session.viewer.user_id).await {
        Ok(()) => Redirect::to(&format!("{PROFILE_PAGE}&photo=removed")).into_response(),
        Err(err) => back_with_error(err.url_code()),
    }
}

/// `GET /photos/{user_id}/{key}.jpg`: a member's current photo, to anyone signed in.
/// An old or wrong key is a 404; the URL changes with the photo, so it is cached for good.
pub async fn serve_photo(
    State(state): State<AppState>,
    Path((user_id, file)): Path<(String, String)>,
    request: Request,
) -> Response {
    if session_of(&request).is_none() {
        return StatusCode::UNAUTHORIZED.into_response();
    }
    let key = file.strip_suffix(".jpg").unwrap_or(&file);
    let Ok(user_id) = user_id.parse::<i64>() else {
        return StatusCode::NOT_FOUND.into_response();
    };
    if !is_photo_key(key) {
        return StatusCode::NOT_FOUND.into_response();
    }
    match photo(&state.db, user_id, key).await {
        Ok(Some(bytes)) => (
            [
                (header::CONTENT_TYPE, "image/jpeg"),
                (
                    header::CACHE_CONTROL,
                    "private, max-age=31536000, immutable",
                ),
                (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
            ],
            bytes,
        )
            .into_response(),
        Ok(None) => StatusCode::NOT_FOUND.into_response(),
        Err(err) => {
            tracing::error!(error = %err, "photo lookup failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// A photo key as `new_photo_key` makes them: 16 lowercase hex digits.
fn is_photo_key(key: &str) -> bool {
    key.len() == 16 && key.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

fn new_photo_key() -> String {
    format!("{:016x}", rand::random::<u64>())
}

/// Stores the person's photo (an already normalised JPEG) under a new key and brings the
/// completeness of each of their profiles up to date (the photo is a profile field in every
/// program), in one transaction. Returns the new key.
pub async fn store_photo(
    db: &Db,
    user_id: i64,
    jpeg: &[u8],
    now: DateTime<Utc>,
) -> AppResult<String> {
    let key = new_photo_key();
    let mut tx = db.begin().await?;
    if !repo::store_photo(&mut tx, user_id, jpeg, &key, now).await? {
        return Err(AppError::NotFound);
    }
    refresh_person(&mut tx, user_id).await?;
    tx.commit().await?;
    Ok(key)
}

/// Removes the person's photo (back to the initials avatar), with the same completeness
/// update, in one transaction.
pub async fn remove_photo(db: &Db, user_id: i64) -> AppResult<()> {
    let mut tx = db.begin().await?;
    repo::remove_photo(&mut tx, user_id).await?;
    refresh_person(&mut tx, user_id).await?;
    tx.commit().await?;
    Ok(())
}

/// The photo's JPEG bytes, only while `key` is the person's current photo key.
pub async fn photo(db: &Db, user_id: i64, key: &str) -> AppResult<Option<Vec<u8>>> {
    Ok(repo::photo(db, user_id, key).await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn photo_keys_are_sixteen_hex_digits() {
        let key = new_photo_key();
        assert!(is_photo_key(&key), "{key}");
        assert_ne!(key, new_photo_key());
        assert!(!is_photo_key("0123456789ABCDEF"));
        assert!(!is_photo_key("../../etc/passwd"));
        assert!(!is_photo_key("0123456789abcde"));
    }

    #[test]
    fn oversized_files_are_refused_before_anything_else() {
        assert_eq!(
            normalise_photo(&vec![0; MAX_PHOTO_BYTES + 1]),
            Err(ValidationCode::FileTooLarge)
        );
        assert_eq!(
            normalise_photo(b"not a picture"),
            Err(ValidationCode::InvalidImage)
        );
    }
}
