-- Ad-hoc, for a first run on your own export: what was quarantined and why, with three raw
-- examples per reason (the raw text as it was in the file). Compile with
-- `dbt compile -s quarantined_rows_by_reason` and run target/compiled/.../*.sql against the
-- warehouse. Totals per reason are in store.pipeline_audit; this shows the rows behind them.
with ranked as (
    select
        reject_reason,
        event_time,
        event_type,
        product_id,
        category_id,
        price,
        user_id,
        extra_values,
        count(*) over (partition by reject_reason) as reason_row_count,
        row_number() over (partition by reject_reason order by raw_row_id) as example_number
    from {{ ref('stg_store__events_rejected') }}
),

final as (
    select
        reject_reason,
        reason_row_count,
        example_number,
        event_time,
        event_type,
        product_id,
        category_id,
        price,
        user_id,
        extra_values
    from ranked
    where example_number <= 3
)

select * from final
order by reason_row_count desc, reject_reason asc, example_number asc
