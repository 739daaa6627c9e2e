-- Backfill lookup: for each category_id, the category_code its other events most often carry.
-- Ties go to the alphabetically first code so the choice is deterministic.
with known_codes as (
    select
        category_id,
        category_code,
        count(*) as event_count
    from {{ ref('stg_store__events') }}
    where not is_category_missing and category_id is not null
    group by category_id, category_code
),

ranked as (
    select
        category_id,
        category_code,
        row_number() over (
            partition by category_id order by event_count desc, category_code asc
        ) as code_rank
    from known_codes
),

final as (
    select
        category_id,
        category_code as resolved_category_code
    from ranked
    where code_rank = 1
)

select * from final
