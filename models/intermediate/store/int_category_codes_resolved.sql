-- Backfill lookup: for each category_id, the category_code its other events most often carry.
-- Ties go to the alphabetically first code so the choice is deterministic.
with most_frequent_codes as (
    {{ most_frequent_value(
        ref('stg_store__events'), 'category_id', 'category_code',
        where='not is_category_missing and category_id is not null'
    ) }}
),

final as (
    select
        category_id,
        category_code as resolved_category_code
    from most_frequent_codes
)

select * from final
