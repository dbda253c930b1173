package io.steppe.bench;

/**
 * The benchmark's yardstick: Steppe's res-8 aggregation written as the single SQL statement a database engineer
 * would write (plain SQL on purpose, not jOOQ: it is the comparison, not part of Steppe). Observations by median,
 * the 3-per-device-per-day cap, the evidence minimum, the exact binomial critical values (computed by SQL from the
 * binomial sum) and the Wilson bound, with the default thresholds; it counts the cells it judged.
 */
final class PlainSqlAggregation {

    static final String SQL = """
            with obs as (
              select operator, device, h3_r9, h3_r8, date_trunc('hour', measured_at) as hour,
                     percentile_disc(0.5) within group (order by class) as class
              from coverage_sample group by operator, device, h3_r9, h3_r8, date_trunc('hour', measured_at)),
            capped as (
              select *, row_number() over (partition by operator, device, h3_r8,
                        (hour at time zone 'Asia/Shanghai')::date order by hour, h3_r9) as rank
              from obs),
            cells as (
              select operator, h3_r8, count(*) as n, count(*) filter (where class >= 2) as bad,
                     count(distinct device) as devices, extract(epoch from max(hour) - min(hour)) / 3600 as span,
                     count(distinct h3_r9) filter (where class >= 2) as bad_children
              from capped where rank <= 3 group by operator, h3_r8),
            pmf as (
              select n, j, exp(lgamma(n + 1) - lgamma(j + 1) - lgamma(n - j + 1) + j * ln(0.1) + (n - j) * ln(0.9)) as p
              from (select distinct n from cells) ns, generate_series(0, n) j),
            critical as (
              select n, min(j) as k from (select n, j, sum(p) over (partition by n order by j desc) as tail from pmf) t
              where tail <= 0.05 group by n),
            judged as (
              select c.*, case
                  when n < 5 or devices < 2 or span < 4 then 'unmeasured'
                  when bad >= k and bad_children >= 2 then 'gap'
                  when (bad::float / n + 1.96 ^ 2 / (2 * n) + 1.96 * sqrt((bad::float / n) * (1 - bad::float / n) / n
                        + 1.96 ^ 2 / (4.0 * n * n))) / (1 + 1.96 ^ 2 / n) <= 0.30 then 'covered'
                  else 'uncertain' end as status
              from cells c left join critical using (n))
            select count(*) from judged""";

    private PlainSqlAggregation() {
    }
}
