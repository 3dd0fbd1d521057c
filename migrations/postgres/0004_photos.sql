-- Profile photos, stored in the database (not on disk) so that several app instances
-- behind one database serve the same pictures. One server-resized 256×256 JPEG a person;
-- `users.photo_key` names the current one (NULL = initials avatar) and changes with every
-- upload, so a photo's URL can be cached forever.
CREATE TABLE user_photos (
    user_id     BIGINT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    image       BYTEA NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);
