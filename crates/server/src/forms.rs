//! The profile form: its fields, and the profile document (JSON, the same
//! shape as a profile file) it becomes — so a form is validated exactly
//! as a file is, by the one profile parser.

use std::collections::HashMap;

use serde_json::{Map, Value, json};

/// How many option rows the form has.
pub const OPTION_ROWS: usize = 5;

/// The form's values by field name (`current_role`, `option_role_2`).
pub type Fields = HashMap<String, String>;

/// Why a form field is not a profile value.
#[derive(Debug)]
pub struct FieldError {
    /// The form field.
    pub field: String,
    /// What is wrong.
    pub message: String,
}

fn text(f: &Fields, name: &str) -> Option<String> {
    f.get(name)
        .map(|v| v.trim().to_owned())
        .filter(|v| !v.is_empty())
}

fn number(f: &Fields, name: &str) -> Result<Option<Value>, FieldError> {
    let Some(t) = text(f, name) else {
        return Ok(None);
    };
    let cleaned: String = t
        .chars()
        .filter(|c| *c != ',' && *c != '$' && *c != '_')
        .collect();
    cleaned
        .parse::<f64>()
        .ok()
        .filter(|x| x.is_finite())
        .map(|x| Some(json!(x)))
        .ok_or_else(|| FieldError {
            field: name.to_owned(),
            message: format!(
                "{}: {} is not a number",
                profile_field(name),
                switchback_app::text::quoted(&t)
            ),
        })
}

/// Yes or no (the form's select offers those; `true` and `false` are
/// taken too).
fn yes_no(f: &Fields, name: &str) -> Result<Option<Value>, FieldError> {
    match text(f, name).as_deref() {
        None => Ok(None),
        Some("yes" | "true") => Ok(Some(Value::Bool(true))),
        Some("no" | "false") => Ok(Some(Value::Bool(false))),
        Some(other) => Err(FieldError {
            field: name.to_owned(),
            message: format!(
                "{}: {} is not yes or no",
                profile_field(name),
                switchback_app::text::quoted(other)
            ),
        }),
    }
}

fn put(map: &mut Map<String, Value>, key: &str, value: Option<Value>) {
    if let Some(v) = value {
        map.insert(key.to_owned(), v);
    }
}

/// The profile document the form describes.
pub fn profile_document(f: &Fields) -> Result<Value, FieldError> {
    let mut current = Map::new();
    put(
        &mut current,
        "role",
        text(f, "current_role").map(Value::from),
    );
    put(
        &mut current,
        "level",
        text(f, "current_level").map(Value::from),
    );
    put(
        &mut current,
        "industry",
        text(f, "current_industry").map(Value::from),
    );
    put(
        &mut current,
        "department",
        text(f, "current_department").map(Value::from),
    );
    put(&mut current, "salary", number(f, "current_salary")?);
    put(
        &mut current,
        "years_in_role",
        number(f, "current_years_in_role")?,
    );
    put(
        &mut current,
        "years_experience",
        number(f, "current_years_experience")?,
    );
    put(
        &mut current,
        "education",
        text(f, "current_education").map(Value::from),
    );
    if f.contains_key("current_manages_people") {
        current.insert("manages_people".into(), Value::Bool(true));
    }
    let mut doc = Map::new();
    doc.insert("current".into(), Value::Object(current));
    if text(f, "goal_role").is_some() {
        let mut goal = Map::new();
        put(&mut goal, "role", text(f, "goal_role").map(Value::from));
        put(&mut goal, "level", text(f, "goal_level").map(Value::from));
        put(&mut goal, "horizon_years", number(f, "goal_horizon_years")?);
        doc.insert("goal".into(), Value::Object(goal));
    }
    let mut situation = Map::new();
    put(&mut situation, "employed", yes_no(f, "situation_employed")?);
    put(
        &mut situation,
        "months_of_savings",
        number(f, "situation_months_of_savings")?,
    );
    put(
        &mut situation,
        "min_salary",
        number(f, "situation_min_salary")?,
    );
    put(
        &mut situation,
        "max_step_down",
        number(f, "situation_max_step_down")?,
    );
    if f.contains_key("situation_promotion_blocked") {
        situation.insert("promotion_blocked".into(), Value::Bool(true));
    }
    if !situation.is_empty() {
        doc.insert("situation".into(), Value::Object(situation));
    }
    let mut options = Vec::new();
    for i in 0..OPTION_ROWS {
        let Some(role) = text(f, &format!("option_role_{i}")) else {
            continue;
        };
        let mut o = Map::new();
        let id = text(f, &format!("option_id_{i}")).unwrap_or_else(|| format!("option-{}", i + 1));
        o.insert("id".into(), Value::from(id));
        o.insert("role".into(), Value::from(role));
        put(
            &mut o,
            "level",
            text(f, &format!("option_level_{i}")).map(Value::from),
        );
        put(
            &mut o,
            "industry",
            text(f, &format!("option_industry_{i}")).map(Value::from),
        );
        put(
            &mut o,
            "department",
            text(f, &format!("option_department_{i}")).map(Value::from),
        );
        put(&mut o, "salary", number(f, &format!("option_salary_{i}"))?);
        if f.contains_key(&format!("option_offered_{i}")) {
            o.insert("offered".into(), Value::Bool(true));
        }
        options.push(Value::Object(o));
    }
    if !options.is_empty() {
        doc.insert("options".into(), Value::Array(options));
    }
    Ok(Value::Object(doc))
}

/// The profile field a form field fills (`option_salary_2` →
/// `options[2].salary`, `current_salary` → `current.salary`): what an
/// error names, as the command line's do. [`form_field`] inverts it.
fn profile_field(form_field: &str) -> String {
    if let Some(rest) = form_field.strip_prefix("option_")
        && let Some((key, i)) = rest.rsplit_once('_')
        && i.parse::<usize>().is_ok()
    {
        return format!("options[{i}].{key}");
    }
    match form_field.split_once('_') {
        Some((table, key)) if ["current", "goal", "situation"].contains(&table) => {
            format!("{table}.{key}")
        }
        _ => form_field.to_owned(),
    }
}

/// The form field a profile field came from (`options[2].salary` →
/// `option_salary_2`), to show an error beside it.
pub fn form_field(profile_field: &str) -> String {
    let (head, key) = profile_field
        .rsplit_once('.')
        .unwrap_or(("", profile_field));
    if let Some(i) = head
        .strip_prefix("options[")
        .and_then(|r| r.strip_suffix(']'))
    {
        return format!("option_{key}_{i}");
    }
    match head {
        "" => profile_field.to_owned(),
        h => format!("{h}_{key}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn profile_and_form_fields_name_each_other() {
        for (form, profile) in [
            ("current_salary", "current.salary"),
            ("situation_months_of_savings", "situation.months_of_savings"),
            ("goal_horizon_years", "goal.horizon_years"),
            ("option_salary_2", "options[2].salary"),
        ] {
            assert_eq!(profile_field(form), profile);
            assert_eq!(form_field(profile), form);
        }
    }

    #[test]
    fn a_yes_or_no_that_is_neither_is_refused_by_name() {
        let fields = |v: &str| Fields::from([("situation_employed".to_owned(), v.to_owned())]);
        assert_eq!(
            yes_no(&fields("true"), "situation_employed").unwrap(),
            Some(Value::Bool(true))
        );
        assert_eq!(
            yes_no(&fields("no"), "situation_employed").unwrap(),
            Some(Value::Bool(false))
        );
        let e = yes_no(&fields("maybe"), "situation_employed").unwrap_err();
        assert_eq!(e.field, "situation_employed");
        assert_eq!(e.message, "situation.employed: \"maybe\" is not yes or no");
    }
}
