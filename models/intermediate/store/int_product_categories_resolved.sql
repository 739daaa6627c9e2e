-- For each product, the category_code its events most often carry after the backfill.
-- Ties go to the alphabetically first code so the choice is deterministic.
with most_frequent_codes as (
    {{ most_frequent_value(
        ref('int_events_backfilled'), 'product_id', 'backfilled_category_code',
        where='not is_category_missing_after_backfill'
    ) }}
),

final as (
    select
        product_id,
        backfilled_category_code as resolved_category_code
    from most_frequent_codes
)

select * from final
