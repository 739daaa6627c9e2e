-- The clean event log as a mart: what `outputs/events_cleaned.csv` holds (the case study's
-- "final cleaned and formatted dataset") and what a BI tool drills into below the aggregates.
-- Every column is defined upstream (stg_store__events, int_events_enriched,
-- int_events_backfilled); this model only publishes them under a contract.
with events as (
    select * from {{ ref('int_events_backfilled') }}
),

final as (
    select
        event_id,
        event_at,
        event_date,
        event_month,
        event_weekday,
        event_weekday_number,
        event_hour,
        event_type,
        product_id,
        category_id,
        category_code,
        category_top_level,
        brand,
        is_category_missing,
        is_brand_missing,
        backfilled_brand,
        backfilled_category_code,
        is_brand_missing_after_backfill,
        is_category_missing_after_backfill,
        price,
        user_id,
        session_id
    from events
)

-- Stored in time order: a session's events sit together, so its id compresses, and a BI date
-- filter skips the row groups outside its range. At 110M events the warehouse and outputs left
-- by a run shrink from 16.5 to 12.0 GiB, under the 14.1 GiB input; at 10M the table shrinks by
-- 17 % and its Parquet by 21 %. The price is the sort: about 5 s at 10M; at 110M about 110 s,
-- and the run's working files peak at 54 GiB beside the input (README, Performance).
select * from final
order by event_at
