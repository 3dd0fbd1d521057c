//! Enums stored as text. One list of variants and their codes gives the enum, `ALL`,
//! `as_str`, `parse` and, on the server, the sqlx encoding for both engines: a new variant
//! cannot be left out of any of them, and a code the enum does not know is a decoding
//! error, never a silent default.

/// The sqlx encoding of a value stored as text, for both engines: written with
/// `value.$to_text()`, read with `$from_text(&str) -> Option<Self>`; a text that does not
/// read back is a decoding error naming `$what`.
#[macro_export]
macro_rules! stored_as_text {
    ($name:ty, $to_text:ident, $from_text:path, $what:expr) => {
        impl<DB: sqlx::Database> sqlx::Type<DB> for $name
        where
            String: sqlx::Type<DB>,
        {
            fn type_info() -> DB::TypeInfo {
                <String as sqlx::Type<DB>>::type_info()
            }

            fn compatible(ty: &DB::TypeInfo) -> bool {
                <String as sqlx::Type<DB>>::compatible(ty)
            }
        }

        impl<'q, DB: sqlx::Database> sqlx::Encode<'q, DB> for $name
        where
            String: sqlx::Encode<'q, DB>,
        {
            fn encode_by_ref(
                &self,
                buf: &mut <DB as sqlx::Database>::ArgumentBuffer,
            ) -> Result<sqlx::encode::IsNull, sqlx::error::BoxDynError> {
                <String as sqlx::Encode<'q, DB>>::encode(self.$to_text().to_owned(), buf)
            }
        }

        impl<'r, DB: sqlx::Database> sqlx::Decode<'r, DB> for $name
        where
            &'r str: sqlx::Decode<'r, DB>,
        {
            fn decode(
                value: <DB as sqlx::Database>::ValueRef<'r>,
            ) -> Result<Self, sqlx::error::BoxDynError> {
                let text = <&'r str as sqlx::Decode<'r, DB>>::decode(value)?;
                $from_text(text)
                    .ok_or_else(|| format!("unknown {} {text:?} in the database", $what).into())
            }
        }
    };
}

/// `text_enum! { /// docs  pub enum Role { Admin = "admin", Mentor = "mentor" } }`
#[macro_export]
macro_rules! text_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $($(#[$variant_meta:meta])* $variant:ident = $code:literal),+ $(,)?
        }
    ) => {
        $crate::listed_enum! {
            $(#[$meta])*
            #[derive(
                Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord,
                serde::Serialize, serde::Deserialize,
            )]
            $vis enum $name {
                $($(#[$variant_meta])* $variant),+
            }
        }

        impl $name {
            /// The code stored in the database and written in URLs and forms.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $code),+
                }
            }

            pub fn parse(code: &str) -> Option<$name> {
                match code {
                    $($code => Some($name::$variant),)+
                    _ => None,
                }
            }
        }

        #[cfg(feature = "server")]
        $crate::stored_as_text!($name, as_str, $name::parse, stringify!($name));
    };
}

/// An enum whose `ALL` lists every variant (`text_enum!` builds on it):
/// `listed_enum! { #[derive(Clone, Copy)] pub enum Kind { A, B } }`.
#[macro_export]
macro_rules! listed_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $($(#[$variant_meta:meta])* $variant:ident),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        $vis enum $name {
            $($(#[$variant_meta])* $variant),+
        }

        impl $name {
            /// Every variant, in the order they are declared.
            pub const ALL: [$name; [$(stringify!($variant)),+].len()] = [$($name::$variant),+];
        }
    };
}

#[cfg(test)]
mod tests {
    crate::text_enum! {
        /// A test enum.
        pub enum Colour {
            Red = "red",
            /// Documented variants keep their docs.
            DeepBlue = "deep-blue",
        }
    }

    crate::listed_enum! {
        #[derive(Clone, Copy, Debug, PartialEq)]
        enum Shape {
            Circle,
            /// Documented variants keep their docs.
            Square,
        }
    }

    #[test]
    fn a_listed_enum_lists_every_variant_in_order() {
        assert_eq!(Shape::ALL, [Shape::Circle, Shape::Square]);
    }

    #[test]
    fn every_variant_round_trips_and_unknown_codes_are_refused() {
        assert_eq!(Colour::ALL, [Colour::Red, Colour::DeepBlue]);
        for colour in Colour::ALL {
            assert_eq!(Colour::parse(colour.as_str()), Some(colour));
        }
        assert_eq!(Colour::parse("Red"), None);
        assert_eq!(Colour::parse(""), None);
    }
}
