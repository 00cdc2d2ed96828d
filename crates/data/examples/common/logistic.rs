//! A one-variable logistic regression the calibration examples share.

/// Newton's method for `P(y = 1) = 1 / (1 + exp(-(a + b·x)))` over
/// `(x, y, weight)` points; returns `(a, b)`.
pub fn fit(points: &[(f64, f64, f64)]) -> (f64, f64) {
    let (mut a, mut b) = (0.0f64, 0.0f64);
    for _ in 0..50 {
        let (mut g0, mut g1, mut h00, mut h01, mut h11) = (0.0, 0.0, 0.0, 0.0, 0.0);
        for &(x, y, weight) in points {
            let p = 1.0 / (1.0 + (-(a + b * x)).exp());
            let w = weight * p * (1.0 - p);
            g0 += weight * (y - p);
            g1 += weight * (y - p) * x;
            h00 += w;
            h01 += w * x;
            h11 += w * x * x;
        }
        let det = h00 * h11 - h01 * h01;
        a += (h11 * g0 - h01 * g1) / det;
        b += (h00 * g1 - h01 * g0) / det;
    }
    (a, b)
}
