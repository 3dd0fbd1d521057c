//! Spans of time between two instants, and sorted sets of them: availability is a set of
//! spans, busy time another, and a slot is offered where it fits inside the first and
//! touches nothing of the second.
use chrono::{DateTime, Utc};

/// `[start, end)`, in UTC.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
}

impl Span {
    pub fn new(start: DateTime<Utc>, end: DateTime<Utc>) -> Span {
        Span { start, end }
    }

    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// Its length in whole minutes (none when empty).
    pub fn minutes(&self) -> u32 {
        (self.end - self.start).num_minutes().max(0) as u32
    }

    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// Disjoint, sorted, non-empty spans; spans that touch or overlap are merged.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SpanSet {
    spans: Vec<Span>,
}

impl SpanSet {
    pub fn from_spans(mut spans: Vec<Span>) -> SpanSet {
        spans.retain(|s| !s.is_empty());
        spans.sort();
        let mut merged: Vec<Span> = Vec::with_capacity(spans.len());
        for span in spans {
            match merged.last_mut() {
                Some(last) if span.start <= last.end => last.end = last.end.max(span.end),
                _ => merged.push(span),
            }
        }
        SpanSet { spans: merged }
    }

    pub fn spans(&self) -> &[Span] {
        &self.spans
    }

    /// Whether the whole of `span` lies inside one span of the set.
    pub fn covers(&self, span: &Span) -> bool {
        // The last span starting at or before `span.start` is the only candidate.
        let at = self.spans.partition_point(|s| s.start <= span.start);
        at > 0 && self.spans[at - 1].end >= span.end
    }

    /// Whether any span of the set shares time with `span`.
    pub fn overlaps(&self, span: &Span) -> bool {
        let at = self.spans.partition_point(|s| s.end <= span.start);
        self.spans.get(at).is_some_and(|s| s.overlaps(span))
    }

    /// The time both sets hold.
    pub fn intersection(&self, other: &SpanSet) -> SpanSet {
        let (mut i, mut j) = (0, 0);
        let mut out = Vec::new();
        while i < self.spans.len() && j < other.spans.len() {
            let (a, b) = (self.spans[i], other.spans[j]);
            let span = Span::new(a.start.max(b.start), a.end.min(b.end));
            if !span.is_empty() {
                out.push(span);
            }
            if a.end < b.end {
                i += 1;
            } else {
                j += 1;
            }
        }
        SpanSet { spans: out }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(h: u32, m: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 3, h, m, 0).unwrap()
    }

    fn span(a: (u32, u32), b: (u32, u32)) -> Span {
        Span::new(at(a.0, a.1), at(b.0, b.1))
    }

    #[test]
    fn touching_and_overlapping_spans_merge_and_empty_ones_vanish() {
        let set = SpanSet::from_spans(vec![
            span((12, 0), (13, 0)),
            span((9, 0), (10, 0)),
            span((10, 0), (11, 0)),
            span((12, 30), (14, 0)),
            span((15, 0), (15, 0)),
        ]);
        assert_eq!(
            set.spans(),
            &[span((9, 0), (11, 0)), span((12, 0), (14, 0))]
        );
    }

    #[test]
    fn covers_needs_one_span_holding_all_of_it() {
        let set = SpanSet::from_spans(vec![span((9, 0), (11, 0)), span((12, 0), (14, 0))]);
        assert!(set.covers(&span((9, 0), (9, 30))));
        assert!(set.covers(&span((10, 30), (11, 0))));
        assert!(set.covers(&span((12, 0), (14, 0))));
        assert!(!set.covers(&span((10, 30), (12, 30))));
        assert!(!set.covers(&span((8, 30), (9, 30))));
        assert!(!set.covers(&span((13, 30), (14, 30))));
        assert!(!SpanSet::default().covers(&span((9, 0), (9, 30))));
    }

    #[test]
    fn overlap_ignores_spans_that_only_touch() {
        let busy = SpanSet::from_spans(vec![span((10, 0), (10, 30)), span((13, 0), (14, 0))]);
        assert!(!busy.overlaps(&span((9, 30), (10, 0))));
        assert!(!busy.overlaps(&span((10, 30), (11, 0))));
        assert!(busy.overlaps(&span((10, 15), (10, 45))));
        assert!(busy.overlaps(&span((12, 0), (15, 0))));
        assert!(!busy.overlaps(&span((14, 0), (15, 0))));
    }

    #[test]
    fn the_intersection_is_the_time_both_hold() {
        let a = SpanSet::from_spans(vec![span((9, 0), (12, 0)), span((13, 0), (17, 0))]);
        let b = SpanSet::from_spans(vec![span((11, 0), (14, 0)), span((16, 0), (18, 0))]);
        assert_eq!(
            a.intersection(&b).spans(),
            &[
                span((11, 0), (12, 0)),
                span((13, 0), (14, 0)),
                span((16, 0), (17, 0))
            ]
        );
    }
}
