//! Why a form was refused, as it travels back to the form.

use serde::{Deserialize, Serialize};

/// Why a form was refused: message ids per field, and what was typed
/// (never a password) so that the form can be shown again as it was, also
/// without JavaScript, where the answer is a redirect back to the form.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormErrors {
    /// `(field, message id)`
    pub fields: Vec<(String, String)>,
    /// `(field, typed value)`, each cut to [`MAX_ECHOED_CHARS`]: a refused
    /// form comes back in the address, and a huge value must not make a
    /// huge address.
    #[serde(serialize_with = "echo_bounded")]
    pub values: Vec<(String, String)>,
    /// A message for the whole form.
    pub form: Option<String>,
}

/// The most of a typed value a refused form shows again: more than any
/// field accepts (names 100 characters, passwords 200, codes 20).
pub const MAX_ECHOED_CHARS: usize = 200;

fn echo_bounded<S: serde::Serializer>(values: &[(String, String)], serializer: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeSeq;
    let mut sequence = serializer.serialize_seq(Some(values.len()))?;
    for (field, value) in values {
        let field: String = field.chars().take(64).collect();
        let value: String = value.chars().take(MAX_ECHOED_CHARS).collect();
        sequence.serialize_element(&(field, value))?;
    }
    sequence.end()
}

impl FormErrors {
    pub fn field(&self, name: &str) -> Option<&str> {
        self.fields.iter().find(|(field, _)| field == name).map(|(_, message)| message.as_str())
    }

    pub fn value(&self, name: &str) -> String {
        self.values.iter().find(|(field, _)| field == name).map(|(_, value)| value.clone()).unwrap_or_default()
    }

    pub fn is_empty(&self) -> bool {
        self.fields.is_empty() && self.form.is_none()
    }
}
