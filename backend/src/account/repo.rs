use crate::db::Db;
use crate::i18n::Lang;
use crate::with_db;

pub async fn update_settings(
    db: &Db,
    user_id: i64,
    lang: Lang,
    time_zone: &crate::zone::Zone,
) -> sqlx::Result<()> {
    with_db!(db, pool => sqlx::query("UPDATE users SET language = $1, time_zone = $2 WHERE id = $3")
        .bind(lang.code())
        .bind(time_zone)
        .bind(user_id)
        .execute(pool)
        .await
        .map(|_| ()))
}
