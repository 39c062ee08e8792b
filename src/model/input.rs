//! What people type into a form, read the one way every form reads it: numbers with a comma or
//! a point for the decimals (both are common in the team's languages), whole numbers, and
//! nothing for an empty field.

/// What was typed is not a number (or not a whole one, where one is asked for).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotANumber;

/// A number as typed: `2.5` or `2,5`. `Ok(None)` for an empty field; `Err` for anything that is
/// not a finite number.
pub fn number(text: &str) -> Result<Option<f64>, NotANumber> {
    let s = text.trim().replace(',', ".");
    if s.is_empty() {
        return Ok(None);
    }
    s.parse::<f64>().ok().filter(|x| x.is_finite()).map(Some).ok_or(NotANumber)
}

/// A whole number as typed (`40`, or `40.0`). `Ok(None)` for an empty field; `Err` for anything
/// else, a fraction included.
pub fn whole(text: &str) -> Result<Option<u32>, NotANumber> {
    match number(text)? {
        None => Ok(None),
        Some(x) if x.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&x) => Ok(Some(x as u32)),
        Some(_) => Err(NotANumber),
    }
}

/// A number as a form shows it: empty for none, and no `.0` on a whole one.
pub fn number_text(x: Option<f64>) -> String {
    x.map(|x| x.to_string()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    // Rule (was written in four components): a comma is a decimal point; empty is nothing.
    #[test]
    fn numbers_read_with_a_comma_or_a_point() {
        assert_eq!(number("2,5"), Ok(Some(2.5)));
        assert_eq!(number(" 2.5 "), Ok(Some(2.5)));
        assert_eq!(number(""), Ok(None));
        assert_eq!(number("two"), Err(NotANumber));
        assert_eq!(number("inf"), Err(NotANumber));
        assert_eq!(whole("40"), Ok(Some(40)));
        assert_eq!(whole("40,0"), Ok(Some(40)));
        assert_eq!(whole("4.5"), Err(NotANumber));
        assert_eq!(whole("-1"), Err(NotANumber));
        assert_eq!(number_text(Some(3.0)), "3");
    }
}
