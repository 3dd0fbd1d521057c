//! RFC 5545 recurrence rules, expanded on the event's own wall clock (so a weekly 09:00
//! stays at 09:00 across DST changes). The parts calendars publish are read: FREQ
//! (DAILY, WEEKLY, MONTHLY, YEARLY), INTERVAL, COUNT, UNTIL, BYDAY (with ordinals in
//! monthly and yearly rules), BYMONTHDAY, BYMONTH, BYSETPOS and WKST. A rule using
//! anything else is `Unsupported`, and its event is read as its first occurrence.
use chrono::{Datelike, Duration, Months, NaiveDate, NaiveDateTime, Weekday};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Freq {
    Daily,
    Weekly,
    Monthly,
    Yearly,
}

/// Where a rule stops: an instant, or a local reading for floating and all-day events.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Until {
    Instant(chrono::DateTime<chrono::Utc>),
    Local(NaiveDateTime),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RRule {
    pub freq: Freq,
    pub interval: u32,
    pub count: Option<u32>,
    pub until: Option<Until>,
    /// Weekdays, each with an optional ordinal (`2TU`, `-1FR`).
    pub by_day: Vec<(Option<i32>, Weekday)>,
    pub by_month_day: Vec<i32>,
    pub by_month: Vec<u32>,
    pub by_set_pos: Vec<i32>,
    pub week_start: Weekday,
}

/// A rule part this reader does not expand (BYHOUR, BYWEEKNO, HOURLY…), or a bad value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unsupported(pub String);

fn weekday(code: &str) -> Option<Weekday> {
    Some(match code {
        "MO" => Weekday::Mon,
        "TU" => Weekday::Tue,
        "WE" => Weekday::Wed,
        "TH" => Weekday::Thu,
        "FR" => Weekday::Fri,
        "SA" => Weekday::Sat,
        "SU" => Weekday::Sun,
        _ => return None,
    })
}

fn numbers<T: std::str::FromStr>(value: &str, part: &str) -> Result<Vec<T>, Unsupported> {
    value
        .split(',')
        .map(|n| n.trim().parse().map_err(|_| Unsupported(part.to_string())))
        .collect()
}

impl RRule {
    /// Reads an RRULE value; `until` turns UNTIL's text into a stopping point.
    pub fn parse(value: &str, until: impl Fn(&str) -> Option<Until>) -> Result<RRule, Unsupported> {
        let mut rule = RRule {
            freq: Freq::Daily,
            interval: 1,
            count: None,
            until: None,
            by_day: Vec::new(),
            by_month_day: Vec::new(),
            by_month: Vec::new(),
            by_set_pos: Vec::new(),
            week_start: Weekday::Mon,
        };
        let mut freq = None;
        for part in value.trim().split(';').filter(|p| !p.is_empty()) {
            let (name, v) = part
                .split_once('=')
                .ok_or_else(|| Unsupported(part.to_string()))?;
            let name = name.trim().to_ascii_uppercase();
            let v = v.trim().to_ascii_uppercase();
            let bad = || Unsupported(name.clone());
            match name.as_str() {
                "FREQ" => {
                    freq = Some(match v.as_str() {
                        "DAILY" => Freq::Daily,
                        "WEEKLY" => Freq::Weekly,
                        "MONTHLY" => Freq::Monthly,
                        "YEARLY" => Freq::Yearly,
                        _ => return Err(Unsupported(format!("FREQ={v}"))),
                    })
                }
                "INTERVAL" => rule.interval = v.parse().ok().filter(|&n| n > 0).ok_or_else(bad)?,
                "COUNT" => rule.count = Some(v.parse().map_err(|_| bad())?),
                "UNTIL" => rule.until = Some(until(&v).ok_or_else(bad)?),
                "BYDAY" => {
                    for day in v.split(',') {
                        let day = day.trim();
                        let split = day.len().checked_sub(2).ok_or_else(bad)?;
                        if !day.is_char_boundary(split) {
                            return Err(bad());
                        }
                        let wd = weekday(&day[split..]).ok_or_else(bad)?;
                        let ordinal = match &day[..split] {
                            "" => None,
                            n => Some(n.trim_start_matches('+').parse().map_err(|_| bad())?),
                        };
                        rule.by_day.push((ordinal, wd));
                    }
                }
                "BYMONTHDAY" => rule.by_month_day = numbers(&v, &name)?,
                "BYMONTH" => rule.by_month = numbers(&v, &name)?,
                "BYSETPOS" => rule.by_set_pos = numbers(&v, &name)?,
                "WKST" => rule.week_start = weekday(&v).ok_or_else(bad)?,
                _ => return Err(Unsupported(name)),
            }
        }
        rule.freq = freq.ok_or_else(|| Unsupported("FREQ".into()))?;
        if rule.by_month.iter().any(|m| !(1..=12).contains(m))
            || rule.by_month_day.iter().any(|d| *d == 0 || d.abs() > 31)
        {
            return Err(Unsupported("BYMONTH".into()));
        }
        Ok(rule)
    }

    /// The local starts from `start` (the first of the rule, always one) within
    /// `[skip_before, limit)` and within COUNT and UNTIL (`past_until` says whether a start
    /// is past UNTIL), at most `max` of them. Starts before `skip_before` still count
    /// towards COUNT.
    pub fn starts(
        &self,
        start: NaiveDateTime,
        (skip_before, limit): (NaiveDateTime, NaiveDateTime),
        max: usize,
        past_until: impl Fn(NaiveDateTime) -> bool,
    ) -> Vec<NaiveDateTime> {
        let mut out = Vec::new();
        if start >= skip_before && start < limit {
            out.push(start);
        }
        let mut counted: u32 = 1;
        let time = start.time();
        let mut period: u32 = 0;
        // Without COUNT nothing before the window matters: a daily or weekly rule started
        // years ago jumps to the period just before it.
        let days_per_period = match self.freq {
            Freq::Daily => i64::from(self.interval),
            Freq::Weekly => 7 * i64::from(self.interval),
            Freq::Monthly | Freq::Yearly => 0,
        };
        if self.count.is_none() && days_per_period > 0 && skip_before > start {
            let gap = (skip_before.date() - start.date()).num_days();
            period = u32::try_from(gap / days_per_period - 1).unwrap_or(0);
        }
        while let Some((opens, days)) = self.period_days(start.date(), period) {
            // No day of a period comes before the day it opens.
            if opens.and_time(time) >= limit {
                break;
            }
            for day in days {
                let at = day.and_time(time);
                if at <= start {
                    continue;
                }
                if at >= limit || past_until(at) || out.len() >= max {
                    return out;
                }
                if self.count.is_some_and(|c| counted >= c) {
                    return out;
                }
                counted += 1;
                if at >= skip_before {
                    out.push(at);
                }
            }
            period += 1;
            // A rule that matches nothing (BYMONTHDAY=30 in February only) stops here.
            if period > 100_000 {
                break;
            }
        }
        out
    }

    /// The first day of the `n`th period after the one holding `first`, and the days it
    /// picks, sorted, with BYSETPOS applied; `None` when the period is beyond the
    /// calendar.
    fn period_days(&self, first: NaiveDate, n: u32) -> Option<(NaiveDate, Vec<NaiveDate>)> {
        let step = n.checked_mul(self.interval)?;
        let opens;
        let mut days = match self.freq {
            Freq::Daily => {
                let day = first.checked_add_signed(Duration::days(step.into()))?;
                opens = day;
                let ok = (self.by_month.is_empty() || self.by_month.contains(&day.month()))
                    && (self.by_month_day.is_empty() || month_days(day, &self.by_month_day))
                    && (self.by_day.is_empty()
                        || self.by_day.iter().any(|(_, w)| *w == day.weekday()));
                if ok {
                    vec![day]
                } else {
                    vec![]
                }
            }
            Freq::Weekly => {
                let back = (7 + first.weekday().num_days_from_monday()
                    - self.week_start.num_days_from_monday())
                    % 7;
                let week = first
                    .checked_sub_signed(Duration::days(back.into()))?
                    .checked_add_signed(Duration::weeks(step.into()))?;
                opens = week;
                let wanted: Vec<Weekday> = if self.by_day.is_empty() {
                    vec![first.weekday()]
                } else {
                    self.by_day.iter().map(|(_, w)| *w).collect()
                };
                (0..7)
                    .map(|d| week + Duration::days(d))
                    .filter(|d| wanted.contains(&d.weekday()))
                    .filter(|d| self.by_month.is_empty() || self.by_month.contains(&d.month()))
                    .collect()
            }
            Freq::Monthly => {
                let month = first.with_day(1)?.checked_add_months(Months::new(step))?;
                opens = month;
                if !self.by_month.is_empty() && !self.by_month.contains(&month.month()) {
                    vec![]
                } else {
                    self.days_of_month(month, first.day())
                }
            }
            Freq::Yearly => {
                let year = first.year().checked_add(i32::try_from(step).ok()?)?;
                opens = NaiveDate::from_ymd_opt(year, 1, 1)?;
                let months: Vec<u32> = if self.by_month.is_empty() {
                    vec![first.month()]
                } else {
                    self.by_month.clone()
                };
                if self.by_month.is_empty()
                    && !self.by_day.is_empty()
                    && self.by_month_day.is_empty()
                {
                    // BYDAY over the whole year (`FREQ=YEARLY;BYDAY=20MO`).
                    year_weekdays(year, &self.by_day)
                } else {
                    months
                        .iter()
                        .filter_map(|&m| NaiveDate::from_ymd_opt(year, m, 1))
                        .flat_map(|m| self.days_of_month(m, first.day()))
                        .collect()
                }
            }
        };
        days.sort();
        days.dedup();
        if !self.by_set_pos.is_empty() {
            let len = days.len() as i32;
            let mut kept: Vec<NaiveDate> = self
                .by_set_pos
                .iter()
                .filter_map(|&p| {
                    let i = if p > 0 { p - 1 } else { len + p };
                    (0..len).contains(&i).then(|| days[i as usize])
                })
                .collect();
            kept.sort();
            kept.dedup();
            days = kept;
        }
        Some((opens, days))
    }

    /// The days of the month starting `month` that BYMONTHDAY and BYDAY pick, or the
    /// day `day_of_start` when neither is given (a month without it has none).
    fn days_of_month(&self, month: NaiveDate, day_of_start: u32) -> Vec<NaiveDate> {
        let all: Vec<NaiveDate> = month
            .iter_days()
            .take_while(|d| d.month() == month.month())
            .collect();
        if self.by_month_day.is_empty() && self.by_day.is_empty() {
            return all
                .into_iter()
                .filter(|d| d.day() == day_of_start)
                .collect();
        }
        all.iter()
            .copied()
            .filter(|d| self.by_month_day.is_empty() || month_days(*d, &self.by_month_day))
            .filter(|d| self.by_day.is_empty() || nth_weekday_matches(&all, *d, &self.by_day))
            .collect()
    }
}

/// Whether `day` is one of `wanted` (negative counts from the month's end).
fn month_days(day: NaiveDate, wanted: &[i32]) -> bool {
    let length = days_in_month(day);
    wanted.iter().any(|&w| {
        let n = if w > 0 { w } else { length as i32 + 1 + w };
        n == day.day() as i32
    })
}

fn days_in_month(day: NaiveDate) -> u32 {
    let first = day.with_day(1).expect("day 1");
    let next = first + Months::new(1);
    (next - first).num_days() as u32
}

/// Whether `day` matches one of `by_day` within `days` (a month or a year): an
/// ordinal picks the nth (or nth from the end) of that weekday in it.
fn nth_weekday_matches(
    days: &[NaiveDate],
    day: NaiveDate,
    by_day: &[(Option<i32>, Weekday)],
) -> bool {
    by_day.iter().any(|&(ordinal, wd)| {
        if day.weekday() != wd {
            return false;
        }
        let Some(n) = ordinal else { return true };
        let same: Vec<&NaiveDate> = days.iter().filter(|d| d.weekday() == wd).collect();
        let at = same
            .iter()
            .position(|d| **d == day)
            .expect("day is in days") as i32;
        if n > 0 {
            at == n - 1
        } else {
            at == same.len() as i32 + n
        }
    })
}

fn year_weekdays(year: i32, by_day: &[(Option<i32>, Weekday)]) -> Vec<NaiveDate> {
    let Some(first) = NaiveDate::from_ymd_opt(year, 1, 1) else {
        return vec![];
    };
    let all: Vec<NaiveDate> = first.iter_days().take_while(|d| d.year() == year).collect();
    all.iter()
        .copied()
        .filter(|d| nth_weekday_matches(&all, *d, by_day))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(y: i32, m: u32, d: u32, h: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .unwrap()
            .and_hms_opt(h, 0, 0)
            .unwrap()
    }

    fn expand(rule: &str, start: NaiveDateTime, limit: NaiveDateTime) -> Vec<NaiveDateTime> {
        let until = |v: &str| {
            NaiveDateTime::parse_from_str(v, "%Y%m%dT%H%M%S")
                .ok()
                .map(Until::Local)
        };
        let rule = RRule::parse(rule, until).unwrap();
        let stop = rule.until;
        rule.starts(
            start,
            (start, limit),
            1000,
            |t| matches!(stop, Some(Until::Local(u)) if t > u),
        )
    }

    fn days(starts: &[NaiveDateTime]) -> Vec<String> {
        starts
            .iter()
            .map(|s| s.format("%m-%d").to_string())
            .collect()
    }

    #[test]
    fn every_other_week_on_two_days_counts_weeks_from_the_week_start() {
        // Tue 2026-01-06 09:00, every other week on Tuesday and Thursday, six in all.
        let got = expand(
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;COUNT=6",
            at(2026, 1, 6, 9),
            at(2027, 1, 1, 0),
        );
        assert_eq!(
            days(&got),
            ["01-06", "01-08", "01-20", "01-22", "02-03", "02-05"]
        );
    }

    #[test]
    fn until_is_inclusive_and_the_limit_stops_an_endless_rule() {
        let got = expand(
            "FREQ=DAILY;UNTIL=20260103T090000",
            at(2026, 1, 1, 9),
            at(2027, 1, 1, 0),
        );
        assert_eq!(days(&got), ["01-01", "01-02", "01-03"]);
        let got = expand("FREQ=WEEKLY", at(2026, 1, 1, 9), at(2026, 1, 20, 0));
        assert_eq!(days(&got), ["01-01", "01-08", "01-15"]);
    }

    #[test]
    fn monthly_rules_by_ordinal_weekday_by_negative_day_and_by_set_position() {
        let limit = at(2026, 6, 1, 0);
        let last_friday = expand("FREQ=MONTHLY;BYDAY=-1FR", at(2026, 1, 30, 12), limit);
        assert_eq!(
            days(&last_friday),
            ["01-30", "02-27", "03-27", "04-24", "05-29"]
        );
        let second_tuesday = expand("FREQ=MONTHLY;BYDAY=2TU;COUNT=3", at(2026, 1, 13, 12), limit);
        assert_eq!(days(&second_tuesday), ["01-13", "02-10", "03-10"]);
        let last_day = expand(
            "FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=3",
            at(2026, 1, 31, 12),
            limit,
        );
        assert_eq!(days(&last_day), ["01-31", "02-28", "03-31"]);
        let last_workday = expand(
            "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;COUNT=3",
            at(2026, 1, 30, 12),
            limit,
        );
        assert_eq!(days(&last_workday), ["01-30", "02-27", "03-31"]);
        // The 31st: months without one have none.
        let the_31st = expand("FREQ=MONTHLY;COUNT=3", at(2026, 1, 31, 12), limit);
        assert_eq!(days(&the_31st), ["01-31", "03-31", "05-31"]);
    }

    #[test]
    fn yearly_rules_by_month_and_weekday() {
        let got = expand(
            "FREQ=YEARLY;BYMONTH=11;BYDAY=4TH;COUNT=3",
            at(2026, 11, 26, 12),
            at(2030, 1, 1, 0),
        );
        let years: Vec<String> = got
            .iter()
            .map(|s| s.format("%Y-%m-%d").to_string())
            .collect();
        assert_eq!(years, ["2026-11-26", "2027-11-25", "2028-11-23"]);
    }

    #[test]
    fn parts_it_does_not_expand_are_refused_by_name() {
        let none = |_: &str| None;
        assert_eq!(
            RRule::parse("FREQ=HOURLY", none),
            Err(Unsupported("FREQ=HOURLY".into()))
        );
        assert_eq!(
            RRule::parse("FREQ=DAILY;BYHOUR=9,17", none),
            Err(Unsupported("BYHOUR".into()))
        );
        assert_eq!(
            RRule::parse("INTERVAL=2", none),
            Err(Unsupported("FREQ".into()))
        );
    }
}
