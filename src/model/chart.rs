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

/// The axis for a line chart: fitted to the values (and the target) with room around them, on
/// round ticks, so that a trend between 82 and 88 is not flattened against a 0–100 axis. Values
/// that are all zero or more keep a bottom of zero or more. Returns (bottom, top).
pub fn fitted_range(values: impl IntoIterator<Item = f64>) -> (f64, f64) {
    let (lo, hi) = values
        .into_iter()
        .filter(|v| v.is_finite())
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| (lo.min(v), hi.max(v)));
    if lo > hi {
        return (0.0, 1.0);
    }
    let span = if hi - lo > 1e-9 { hi - lo } else { hi.abs().max(1.0) * 0.2 };
    let (bottom, top) = (lo - span * 0.15, hi + span * 0.15);
    // Numbers so large that the axis's arithmetic overflows (a value near 1e308 from a file
    // before its repair): the data's own range, with no round ticks.
    if !(top - bottom).is_finite() || !(lo / 2.0 + hi / 2.0).is_finite() {
        return (lo, hi.max(lo + f64::EPSILON));
    }
    // Three steps from bottom to top (four round ticks): the smallest round step that covers it.
    let mut step = nice_max((top - bottom) / 3.0);
    // Of the windows that cover the data, the one whose middle is nearest the data's middle.
    let middle = (lo + hi) / 2.0;
    // Each round grows the step to the next round number: a few rounds always do; the bound
    // only guards against arithmetic at the edge of the floats.
    for _ in 0..64 {
        let first = (bottom / step).floor() * step;
        let best = [first, first - step]
            .into_iter()
            .map(|from| if lo >= 0.0 { from.max(0.0) } else { from })
            .filter(|from| from + 3.0 * step >= top - 1e-9)
            .min_by(|a, b| {
                let off = |from: f64| (from + 1.5 * step - middle).abs();
                off(*a).total_cmp(&off(*b))
            });
        if let Some(from) = best {
            return (from, from + 3.0 * step);
        }
        step = nice_max(step * 1.000_001);
    }
    (bottom, top)
}

/// Where the axis's ticks go: four for a range made by [`fitted_range`] (three round steps),
/// else the bottom, the middle and the top.
pub fn ticks(min: f64, max: f64) -> Vec<f64> {
    let third = (max - min) / 3.0;
    if third > 0.0 && (nice_max(third) - third).abs() <= 1e-9 * third.max(1.0) {
        (0..4).map(|k| min + third * f64::from(k)).collect()
    } else {
        vec![min, (min + max) / 2.0, max]
    }
}

/// A plot area inside a chart: where values land.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    pub left: f64,
    pub top: f64,
    pub width: f64,
    pub height: f64,
    /// The value at the bottom of the axis (zero for bars).
    pub min: f64,
    /// The value at the top of the axis.
    pub max: f64,
    /// How many categories along the x axis.
    pub slots: usize,
}

impl Frame {
    /// The y coordinate of a value.
    pub fn y(&self, value: f64) -> f64 {
        let span = self.max - self.min;
        let share = if span > 0.0 { (value - self.min) / span } else { 0.0 };
        self.top + self.height * (1.0 - share.clamp(0.0, 1.0))
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
        let f = Frame { left: 10.0, top: 0.0, width: 100.0, height: 50.0, min: 0.0, max: 10.0, slots: 4 };
        assert_eq!(f.y(10.0), 0.0);
        assert_eq!(f.y(0.0), 50.0);
        assert_eq!(f.y(20.0), 0.0);
        assert_eq!(f.x(0), 22.5);
        assert_eq!(polyline(&f, &[Some(0.0), None, Some(5.0)]), "22.5,50.0 72.5,25.0");
    }

    // A satisfaction score between 82 and 88 with a target of 85 gets an axis around them, on
    // round ticks, with every value and the target inside it.
    #[test]
    fn a_line_axis_fits_the_data_and_the_target() {
        let (lo, hi) = fitted_range([82.0, 84.0, 88.0, 85.0]);
        assert!(lo > 50.0 && lo <= 82.0 && (88.0..=100.0).contains(&hi), "{lo}–{hi}");
        let step = (hi - lo) / 3.0;
        assert_eq!(nice_max(step), step, "round steps: {lo}–{hi}");
        assert_eq!(ticks(lo, hi).len(), 4);
        // The template's CSAT (86–92, target 90): 80, 85, 90, 95.
        assert_eq!(fitted_range([86.0, 92.0, 90.0]), (80.0, 95.0));
        assert_eq!(ticks(80.0, 95.0), [80.0, 85.0, 90.0, 95.0]);
        // A zero-based axis keeps three ticks.
        assert_eq!(ticks(0.0, 25.0), [0.0, 12.5, 25.0]);
        let f = Frame { left: 0.0, top: 0.0, width: 100.0, height: 100.0, min: lo, max: hi, slots: 4 };
        assert!(f.y(82.0) > f.y(88.0) + 40.0, "the trend uses the height");
        // Non-negative data never get a negative axis; negative data may.
        assert_eq!(fitted_range([0.5, 1.0]).0, 0.0);
        assert!(fitted_range([-3.0, 2.0]).0 <= -3.0);
        // One value, none, and non-finite ones still give an axis.
        let (lo, hi) = fitted_range([40.0]);
        assert!(lo < 40.0 && hi > 40.0);
        assert_eq!(fitted_range([]), (0.0, 1.0));
        assert_eq!(fitted_range([f64::NAN, f64::INFINITY]), (0.0, 1.0));
    }

    // Bug (issue 23): a value or target near ±1e308 (a unitless KPI) made the axis loop forever.
    #[test]
    fn an_axis_for_the_largest_numbers_returns() {
        for values in [[1.7e308, -1.7e308], [f64::MAX, 0.0], [-f64::MAX, f64::MAX], [1e307, 9e307]] {
            let (lo, hi) = fitted_range(values);
            assert!(lo.is_finite() && hi.is_finite() && lo < hi, "{values:?}: {lo}–{hi}");
        }
        let (lo, hi) = fitted_range([1e12, -1e12]);
        assert_eq!(nice_max((hi - lo) / 3.0), (hi - lo) / 3.0, "round ticks within the declared range");
    }
}
