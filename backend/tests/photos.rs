//! Profile photos: checking and resizing uploads, storing them with a key, and the
//! completeness a photo adds. SQLite and PostgreSQL.
mod support;

use backend::db::Db;
use backend::profiles::photos::{
    normalise_photo, photo, remove_photo, store_photo, MAX_PHOTO_BYTES,
};
use backend::profiles::repo;
use image::{ImageFormat, RgbImage, RgbaImage};
use shared::error::ValidationCode;
use std::io::Cursor;

fn encode(image: image::DynamicImage, format: ImageFormat) -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    image.write_to(&mut out, format).unwrap();
    out.into_inner()
}

/// A 600×400 PNG with a gradient (not a flat colour, so resizing has work to do).
fn landscape_png() -> Vec<u8> {
    let image = RgbImage::from_fn(600, 400, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 90])
    });
    encode(image.into(), ImageFormat::Png)
}

/// A 300×900 JPEG: taller than wide.
fn portrait_jpeg() -> Vec<u8> {
    let image = RgbImage::from_fn(300, 900, |x, y| {
        image::Rgb([200, (x % 256) as u8, (y % 256) as u8])
    });
    encode(image.into(), ImageFormat::Jpeg)
}

/// Asserts `bytes` is a 256×256 JPEG and returns it decoded.
fn assert_stored_form(bytes: &[u8]) -> image::DynamicImage {
    assert_eq!(image::guess_format(bytes).unwrap(), ImageFormat::Jpeg);
    let decoded = image::load_from_memory_with_format(bytes, ImageFormat::Jpeg).unwrap();
    assert_eq!((decoded.width(), decoded.height()), (256, 256));
    decoded
}

/// The CRC of a PNG chunk (over its type and data).
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in bytes {
        crc ^= b as u32;
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A small real PNG whose header claims `width`×`height` (with a valid CRC), so only the
/// dimension check can refuse it, and nothing of that size is ever allocated.
fn png_claiming(width: u32, height: u32) -> Vec<u8> {
    let mut png = encode(RgbImage::new(1, 1).into(), ImageFormat::Png);
    // Signature (8), IHDR length (4), "IHDR" (4), then width and height.
    assert_eq!(&png[12..16], b"IHDR");
    png[16..20].copy_from_slice(&width.to_be_bytes());
    png[20..24].copy_from_slice(&height.to_be_bytes());
    let crc = crc32(&png[12..29]);
    png[29..33].copy_from_slice(&crc.to_be_bytes());
    png
}

/// The smallest GIF: a real image, but not a format we take.
const GIF: &[u8] = &[
    0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00, 0xff, 0xff, 0xff,
    0x00, 0x00, 0x00, 0x21, 0xf9, 0x04, 0x01, 0x00, 0x00, 0x00, 0x00, 0x2c, 0x00, 0x00, 0x00, 0x00,
    0x01, 0x00, 0x01, 0x00, 0x00, 0x02, 0x02, 0x44, 0x01, 0x00, 0x3b,
];

#[test]
fn pictures_become_square_256_pixel_jpegs() {
    assert_stored_form(&normalise_photo(&landscape_png()).unwrap());
    assert_stored_form(&normalise_photo(&portrait_jpeg()).unwrap());
    let webp = encode(
        RgbImage::from_fn(64, 40, |x, _| image::Rgb([x as u8 * 4, 0, 0])).into(),
        ImageFormat::WebP,
    );
    assert_stored_form(&normalise_photo(&webp).unwrap());
}

#[test]
fn the_middle_of_the_picture_is_kept() {
    // Left and right thirds red, the middle third blue: the square crop keeps only blue.
    let image = RgbImage::from_fn(600, 200, |x, _| {
        if (200..400).contains(&x) {
            image::Rgb([0, 0, 255])
        } else {
            image::Rgb([255, 0, 0])
        }
    });
    let out =
        assert_stored_form(&normalise_photo(&encode(image.into(), ImageFormat::Png)).unwrap())
            .to_rgb8();
    for (x, y) in [(5, 5), (128, 128), (250, 250)] {
        let [r, _, b] = out.get_pixel(x, y).0;
        assert!(
            b > 200 && r < 60,
            "pixel ({x},{y}) is {:?}",
            out.get_pixel(x, y)
        );
    }
}

#[test]
fn transparency_becomes_white() {
    let clear = RgbaImage::from_pixel(50, 50, image::Rgba([0, 0, 0, 0]));
    let out =
        assert_stored_form(&normalise_photo(&encode(clear.into(), ImageFormat::Png)).unwrap())
            .to_rgb8();
    assert!(out.get_pixel(128, 128).0.iter().all(|c| *c > 245));
}

#[test]
fn other_files_and_formats_are_refused() {
    let invalid = Err(ValidationCode::InvalidImage);
    assert_eq!(
        normalise_photo(b"name,email\nAnna,anna@example.org\n"),
        invalid
    );
    assert_eq!(normalise_photo(b""), invalid);
    assert_eq!(normalise_photo(GIF), invalid);
    // A PNG cut short: the right signature and header, but no pixels to decode.
    let png = landscape_png();
    assert_eq!(normalise_photo(&png[..200]), invalid);
    // A text file whose name or type would claim it is a picture changes nothing: only the
    // content counts, and the content is checked.
    let mut fake = b"\x89PNG\r\n\x1a\n".to_vec();
    fake.extend_from_slice(b"not really");
    assert_eq!(normalise_photo(&fake), invalid);
}

#[test]
fn huge_dimensions_are_refused_from_the_header() {
    // 10000×10000 RGB would need 300 MB; the file is a few dozen bytes.
    let bomb = png_claiming(10_000, 10_000);
    assert!(bomb.len() < 100);
    let started = std::time::Instant::now();
    assert_eq!(normalise_photo(&bomb), Err(ValidationCode::PictureTooBig));
    assert!(started.elapsed() < std::time::Duration::from_secs(1));
    for (width, height) in [(6001, 10), (10, 6001), (5000, 5000), (8000, 8000)] {
        assert_eq!(
            normalise_photo(&png_claiming(width, height)),
            Err(ValidationCode::PictureTooBig),
            "{width}×{height}"
        );
    }
    // A 24-megapixel camera's picture passes the check (this one then fails to decode:
    // its pixels are not in the file).
    assert_eq!(
        normalise_photo(&png_claiming(6000, 4000)),
        Err(ValidationCode::InvalidImage)
    );
}

#[test]
fn files_over_five_mebibytes_are_too_large() {
    let mut big = landscape_png();
    big.resize(MAX_PHOTO_BYTES + 1, 0);
    assert_eq!(normalise_photo(&big), Err(ValidationCode::FileTooLarge));
    let mut just_fits = landscape_png();
    just_fits.resize(MAX_PHOTO_BYTES, 0);
    assert_ne!(
        normalise_photo(&just_fits),
        Err(ValidationCode::FileTooLarge)
    );
}

async fn user_id(db: &Db, email: &str) -> i64 {
    backend::with_db!(db, pool => sqlx::query_scalar("SELECT id FROM users WHERE email = $1")
        .bind(email)
        .fetch_one(pool)
        .await
        .unwrap())
}

async fn photo_key(db: &Db, user_id: i64) -> Option<String> {
    backend::with_db!(db, pool => sqlx::query_scalar("SELECT photo_key FROM users WHERE id = $1")
        .bind(user_id)
        .fetch_one(pool)
        .await
        .unwrap())
}

async fn completeness(db: &Db, program_id: i64, user_id: i64) -> i64 {
    repo::completeness_of(db, program_id, user_id)
        .await
        .unwrap()
        .expect("a membership")
}

#[tokio::test]
async fn stored_photos_have_a_key_and_count_towards_completeness() {
    for db in support::databases().await {
        let db = support::demo(db).await;
        let engine = db.engine();
        let demo = backend::seed::demo_program_id(&db).await.unwrap().unwrap();
        let circle = backend::seed::circle_program_id(&db)
            .await
            .unwrap()
            .unwrap();
        let mentor = user_id(&db, backend::seed::DEMO_MENTOR).await;
        let mentee = user_id(&db, backend::seed::DEMO_MENTEE).await;
        assert_eq!(photo_key(&db, mentor).await, None, "{engine}");
        // The demo mentor is a mentor in one program and a mentee in the other. (The seed
        // computes completeness for the demo program only: bring the other one up to date.)
        backend::profiles::service::refresh_completeness(&db, circle, mentor)
            .await
            .unwrap();
        let before = (
            completeness(&db, demo, mentor).await,
            completeness(&db, circle, mentor).await,
        );

        let jpeg = normalise_photo(&landscape_png()).unwrap();
        let key = store_photo(&db, mentor, &jpeg, chrono::Utc::now())
            .await
            .unwrap();
        assert_eq!(key.len(), 16, "{engine}");
        assert!(key.bytes().all(|b| b.is_ascii_hexdigit()));
        assert_eq!(photo_key(&db, mentor).await.as_deref(), Some(key.as_str()));
        assert_eq!(
            shared::profiles::photo_url::photo_url(mentor, &key),
            format!("/photos/{mentor}/{key}.jpg")
        );

        assert_eq!(
            photo(&db, mentor, &key).await.unwrap(),
            Some(jpeg.clone()),
            "{engine}"
        );
        assert_eq!(photo(&db, mentor, "0000000000000000").await.unwrap(), None);
        assert_eq!(
            photo(&db, mentee, &key).await.unwrap(),
            None,
            "another person's id"
        );

        let with_photo = (
            completeness(&db, demo, mentor).await,
            completeness(&db, circle, mentor).await,
        );
        assert!(
            with_photo.0 > before.0,
            "{engine}: {before:?} -> {with_photo:?}"
        );
        assert!(
            with_photo.1 > before.1,
            "{engine}: {before:?} -> {with_photo:?}"
        );

        // A new upload replaces the picture and the key: the old URL stops working.
        let second = normalise_photo(&portrait_jpeg()).unwrap();
        let new_key = store_photo(&db, mentor, &second, chrono::Utc::now())
            .await
            .unwrap();
        assert_ne!(new_key, key);
        assert_eq!(photo(&db, mentor, &key).await.unwrap(), None, "{engine}");
        assert_eq!(photo(&db, mentor, &new_key).await.unwrap(), Some(second));
        assert_eq!(completeness(&db, demo, mentor).await, with_photo.0);

        remove_photo(&db, mentor).await.unwrap();
        assert_eq!(photo_key(&db, mentor).await, None, "{engine}");
        assert_eq!(photo(&db, mentor, &new_key).await.unwrap(), None);
        let rows: i64 = backend::with_db!(&db, pool => sqlx::query_scalar(
            "SELECT COUNT(*) FROM user_photos WHERE user_id = $1",
        )
        .bind(mentor)
        .fetch_one(pool)
        .await
        .unwrap());
        assert_eq!(rows, 0, "{engine}: the picture itself is gone");
        assert_eq!(
            (
                completeness(&db, demo, mentor).await,
                completeness(&db, circle, mentor).await,
            ),
            before,
            "{engine}"
        );
        // Removing again changes nothing and does not fail.
        remove_photo(&db, mentor).await.unwrap();
    }
}

#[tokio::test]
async fn an_admin_only_account_can_have_a_photo() {
    for db in support::databases().await {
        let db = support::demo(db).await;
        let admin = user_id(&db, backend::seed::DEMO_ADMIN).await;
        let jpeg = normalise_photo(&portrait_jpeg()).unwrap();
        let key = store_photo(&db, admin, &jpeg, chrono::Utc::now())
            .await
            .unwrap();
        assert_eq!(
            photo(&db, admin, &key).await.unwrap(),
            Some(jpeg),
            "{}",
            db.engine()
        );
        remove_photo(&db, admin).await.unwrap();
    }
}
