-- For each product, the category_code its events most often carry after the backfill.
-- Ties go to the alphabetically first code so the choice is deterministic.
with known_codes as (
    select
        product_id,
        backfilled_category_code,
        count(*) as event_count
    from {{ ref('int_events_enriched') }}
    where not is_category_missing_after_backfill
    group by product_id, backfilled_category_code
),

ranked as (
    select
        product_id,
        backfilled_category_code,
        row_number() over (
            partition by product_id order by event_count desc, backfilled_category_code asc
        ) as code_rank
    from known_codes
),

final as (
    select
        product_id,
        backfilled_category_code as resolved_category_code
    from ranked
    where code_rank = 1
)

select * from final
