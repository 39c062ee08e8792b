//! Geometry for the app's SVG charts: a "nice" axis maximum and the mapping from values to
//! coordinates. Pure, so the charts' numbers can be tested without a browser.

/// The smallest "nice" number (1, 2, 2.5 or 5 times a power of ten) at or above `max`, so that
/// axis ticks land on round values. Zero or less gives 1.
pub fn nice_max(max: f64) -> f64 {
    if !max.is_finite() || max <= 0.0 {
        return 1.0;
    }
    let power = 10f64.powf(max.log10().floor());
    for step in [1.0, 2.0, 2.5, 5.0, 10.0] {
        if step * power >= max - 1e-9 {
            return step * power;
        }
    }
    10.0 * power
}

/// A plot area inside a chart: where values land.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    pub left: f64,
    pub top: f64,
    pub width: f64,
    pub height: f64,
    /// The value at the top of the axis (the bottom is zero).
    pub max: f64,
    /// How many categories along the x axis.
    pub slots: usize,
}

impl Frame {
    /// The y coordinate of a value.
    pub fn y(&self, value: f64) -> f64 {
        self.top + self.height * (1.0 - (value / self.max).clamp(0.0, 1.0))
    }

    /// The x coordinate of the centre of slot `i`.
    pub fn x(&self, i: usize) -> f64 {
        self.left + self.width * (i as f64 + 0.5) / self.slots.max(1) as f64
    }

    /// The width of one slot.
    pub fn slot(&self) -> f64 {
        self.width / self.slots.max(1) as f64
    }
}

/// An SVG polyline through the values that are present (gaps split nothing: missing values
/// are simply skipped).
pub fn polyline(frame: &Frame, values: &[Option<f64>]) -> String {
    values
        .iter()
        .enumerate()
        .filter_map(|(i, v)| v.map(|v| format!("{:.1},{:.1}", frame.x(i), frame.y(v))))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    // Axis maxima are round numbers at or above the data.
    #[test]
    fn nice_max_rounds_up_to_1_2_2_5_or_5() {
        assert_eq!(nice_max(0.0), 1.0);
        assert_eq!(nice_max(7.0), 10.0);
        assert_eq!(nice_max(92.0), 100.0);
        assert_eq!(nice_max(23.0), 25.0);
        assert_eq!(nice_max(140.0), 200.0);
        assert_eq!(nice_max(0.42), 0.5);
        assert_eq!(nice_max(5.0), 5.0);
    }

    #[test]
    fn values_map_into_the_frame() {
        let f = Frame { left: 10.0, top: 0.0, width: 100.0, height: 50.0, max: 10.0, slots: 4 };
        assert_eq!(f.y(10.0), 0.0);
        assert_eq!(f.y(0.0), 50.0);
        assert_eq!(f.y(20.0), 0.0);
        assert_eq!(f.x(0), 22.5);
        assert_eq!(polyline(&f, &[Some(0.0), None, Some(5.0)]), "22.5,50.0 72.5,25.0");
    }
}
