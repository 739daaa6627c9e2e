-- The store models' work, written by hand as one DuckDB script, for `make benchmark` to time
-- dbt against: read the files with a plain read_csv as a user's script would (every column as
-- text; the reader drops the lines it cannot split), type and validate the rows with the same
-- value rules (quarantine by reason, exact duplicates collapsed), then the store marts from the
-- typed events (the ordered funnel and the cohorts included, as the models build them). No dbt,
-- no tests, no intermediate tables beyond what a hand-written job would keep. `{files}` is the
-- list of file paths the runner (__main__.py) renders escaped.
create table parsed as
with typed as (
    select
        *,
        try_strptime(event_time, ['%Y-%m-%d %H:%M:%S UTC', '%Y-%m-%d %H:%M:%S']) as event_at_typed,
        case when regexp_full_match(product_id, '[0-9]+') then try_cast(product_id as bigint) end as product_id_typed,
        case when regexp_full_match(category_id, '[0-9]+') then try_cast(category_id as bigint) end as category_id_typed,
        try_cast(price as decimal(18, 2)) as price_typed,
        case when regexp_full_match(user_id, '[0-9]+') then try_cast(user_id as bigint) end as user_id_typed
    from read_csv({files}, all_varchar = true, ignore_errors = true, filename = true)
)
select
    filename as source_file, cast(null as bigint) as source_line, event_at_typed as event_at, event_type,
    product_id_typed as product_id, category_id_typed as category_id, category_code, brand,
    price_typed as price, user_id_typed as user_id, user_session,
    case
        when event_time is null then 'missing_event_time'
        when event_at_typed is null then 'invalid_event_time'
        when event_at_typed < timestamp '2000-01-01' or event_at_typed >= timestamp '2100-01-01' then 'out_of_range_event_time'
        when event_type not in ('view', 'cart', 'purchase', 'remove_from_cart') then 'invalid_event_type'
        when user_id is null then 'missing_user_id'
        when user_id_typed is null then 'invalid_user_id'
        when product_id is null then 'missing_product_id'
        when product_id_typed is null then 'invalid_product_id'
        when category_id is not null and category_id_typed is null then 'invalid_category_id'
        when price is null then 'missing_price'
        when price_typed is null then 'invalid_price'
        when price_typed <= 0 then 'non_positive_price'
    end as reject_reason,
    concat_ws(',', event_time, event_type, product_id, category_id, category_code, brand, price, user_id, user_session)
        as line_text
from typed;

create table rejected as
select line_text, any_value(reject_reason) as reject_reason, min({'f': source_file, 'l': source_line}) as first_at,
    count(*) - 1 as duplicate_count
from parsed where reject_reason is not null group by line_text;

-- Only the lines that share a hash with another line are grouped by value: duplicates are rare.
create table events as
with usable as not materialized (
    select *, hash(event_at, event_type, product_id, category_id, category_code, brand, price, user_id, user_session) as h
    from parsed where reject_reason is null
),
shared as (select h from usable group by h having count(*) > 1),
deduplicated as (
    select event_at, event_type, product_id, category_id, category_code, brand, price, user_id, user_session,
        {'f': source_file, 'l': source_line} as first_at, 0 as duplicate_count
    from usable anti join shared using (h)
    union all
    select event_at, event_type, product_id, category_id, category_code, brand, price, user_id, user_session,
        min({'f': source_file, 'l': source_line}), count(*) - 1
    from usable semi join shared using (h)
    group by event_at, event_type, product_id, category_id, category_code, brand, price, user_id, user_session
)
select *, cast(event_at as date) as event_date, split_part(category_code, '.', 1) as top_level
from deduplicated;

create table per_user as
select
    user_id,
    count(*) filter (where event_type = 'view') as views,
    count(*) filter (where event_type = 'cart') as carts,
    count(*) filter (where event_type = 'purchase') as purchases,
    count(*) filter (where event_type = 'remove_from_cart') as removals,
    coalesce(sum(price) filter (where event_type = 'purchase'), 0) as revenue,
    min(event_at) as first_at, max(event_at) as last_at
from events group by user_id;

create table kpi_summary as
select
    min(event_at), max(event_at), count(distinct user_id) as user_count, count(distinct user_session),
    count(*) filter (where event_type = 'view'), count(*) filter (where event_type = 'cart'),
    count(*) filter (where event_type = 'purchase'), count(*) filter (where event_type = 'remove_from_cart'),
    cast(coalesce(sum(price) filter (where event_type = 'purchase'), 0) as decimal(38, 2)) as revenue
from events;

create table funnel_summary as
select count(*) filter (where views > 0), count(*) filter (where carts > 0), count(*) filter (where purchases > 0)
from per_user;

create table user_summary as
with threshold as (select quantile_cont(cast(revenue as double), 0.9) as t from per_user where purchases > 0)
select
    per_user.*,
    case when purchases >= 2 then 'multi_purchase' when purchases = 1 then 'single_purchase'
        when carts > 0 then 'cart_abandoner' else 'view_only' end as user_segment,
    purchases > 0 and revenue >= threshold.t as is_high_value
from per_user cross join threshold;

create table user_segments as select user_segment, count(*) from user_summary group by all;

create table brands as
select product_id, arg_max(brand, n) as brand from (
    select product_id, brand, count(*) as n from events where brand is not null group by all
) group by product_id;

create table codes as
select category_id, arg_max(category_code, n) as category_code from (
    select category_id, category_code, count(*) as n from events where category_code is not null group by all
) group by category_id;

create table catalog_completeness as
select
    count(*) filter (where events.brand is null) as brand_missing,
    count(*) filter (where events.brand is null and brands.brand is null) as brand_missing_after,
    count(*) filter (where events.category_code is null) as code_missing,
    count(*) filter (where events.category_code is null and codes.category_code is null) as code_missing_after
from events
left join brands on events.product_id = brands.product_id
left join codes on events.category_id = codes.category_id;

create table brand_revenue as
select coalesce(brand, 'Unknown') as brand, count(*) filter (where event_type = 'purchase'), sum(price) filter (where event_type = 'purchase')
from events group by 1;

create table category_revenue as
select coalesce(category_code, 'Unknown'), coalesce(top_level, 'Unknown'), count(*) filter (where event_type = 'purchase'),
    sum(price) filter (where event_type = 'purchase')
from events group by grouping sets ((1), (2));

create table product_purchases as
select product_id, count(*) filter (where event_type = 'view') as views, count(*) filter (where event_type = 'cart'),
    count(*) filter (where event_type = 'purchase') as purchases, count(*) filter (where event_type = 'remove_from_cart'),
    sum(price) filter (where event_type = 'purchase')
from events group by product_id;

create table low_conversion_products as select * from product_purchases where purchases = 0 and views >= 100;

create table activity as
select
    event_date, strftime(event_at, '%Y-%m') as event_month, isodow(event_at) as weekday, hour(event_at) as event_hour,
    count(*), count(*) filter (where event_type = 'view'), count(*) filter (where event_type = 'purchase'),
    sum(price) filter (where event_type = 'purchase'), count(distinct user_id)
from events group by grouping sets ((event_date), (event_month), (weekday), (event_hour));

create table cart_abandoners as
select events.user_id, events.brand, count(*) as carts, sum(price) as value, max(event_at)
from events inner join user_summary on events.user_id = user_summary.user_id
where user_summary.user_segment = 'cart_abandoner' and events.event_type = 'cart'
group by grouping sets ((events.user_id), (events.brand));

create table product_alerts as
with daily as (
    select product_id, event_date, count(*) filter (where event_type = 'view') as views,
        count(*) filter (where event_type = 'purchase') as purchases
    from events group by all
),
candidates as (select product_id from daily group by all having sum(views) > 200),
days as (select unnest(range(min(event_date), max(event_date) + 1, interval 1 day))::date as d from events),
windows as (
    select candidates.product_id, days.d,
        sum(coalesce(views, 0)) over w as window_views, sum(coalesce(purchases, 0)) over w as window_purchases
    from candidates cross join days
    left join daily on candidates.product_id = daily.product_id and days.d = daily.event_date
    window w as (partition by candidates.product_id order by days.d range between interval 29 days preceding and current row)
)
select product_id, min(d), max(d), count(*) from windows where window_views > 200 and window_purchases = 0 group by all;

create table journeys as
with per_session as (
    select user_id, user_session,
        min({'t': event_at, 'p': product_id, 'c': top_level, 'b': brand}) filter (where event_type = 'view') as first_view,
        list({'t': event_at, 'p': product_id, 'c': top_level, 'b': brand}) filter (where event_type = 'view') as views,
        list(event_at) filter (where event_type = 'cart') as carts,
        list(event_at) filter (where event_type = 'purchase') as buys
    from events where event_type in ('view', 'cart', 'purchase') group by all
),
per_user as (
    select user_id, null as user_session, min(first_view) as first_view, flatten(list(views)) as views,
        flatten(list(carts)) as carts, flatten(list(buys)) as buys
    from per_session group by user_id
),
-- funnel_attempts `any`: every view opens an attempt (its first cart after it, the first purchase
-- after that cart, each within 7 days of the view), and a journey is its furthest-reaching attempt,
-- the earliest view among ties.
attempts as (
    select *, case when carts is not null then list_min([
        {'missed': case when a.s.c <= a.v.t + interval 7 day then (case when a.s.p <= a.v.t + interval 7 day then 0 else 1 end) else 2 end,
            'v': a.v, 'c': case when a.s.c <= a.v.t + interval 7 day then a.s.c end,
            'p': case when a.s.p <= a.v.t + interval 7 day then a.s.p end}
        for a in [{'v': v, 's': list_min([s for s in [{'c': c, 'p': list_min([x for x in buys if x >= c])} for c in carts] if s.c >= v.t])}
            for v in views]]) end as best
    from (select * from per_session where user_session is not null union all by name select * from per_user)
    where first_view is not null
)
select user_id, user_session, coalesce(best.v, first_view) as first_view, best.c as cart_at, best.p as purchase_at from attempts;

create table ordered_funnel as
select user_session is null as user_grain, strftime(first_view.t, '%Y-%m') as month, count(*), count(cart_at), count(purchase_at),
    median(date_diff('second', first_view.t, cart_at)), median(date_diff('second', cart_at, purchase_at))
from journeys group by grouping sets ((1), (1, 2));

create table user_periods as
with periods as (
    select user_id, 'week' as grain, date_trunc('week', event_at) as period, event_type, price from events
    union all
    select user_id, 'month', date_trunc('month', event_at), event_type, price from events
),
per_period as (
    select user_id, grain, period, count(*) as events, count(*) filter (where event_type = 'purchase') as purchases,
        sum(price) filter (where event_type = 'purchase') as revenue
    from periods group by all
)
select *, min(period) over (partition by user_id, grain) as cohort from per_period;

create table cohorts as
select grain, cohort, period, count(*) as users, count(*) filter (where purchases > 0), sum(revenue)
from user_periods group by all;
