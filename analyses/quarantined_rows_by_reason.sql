-- Ad-hoc, for a first run on your own export: what was quarantined and why, with three raw
-- lines per reason, where each first occurs (file and line: `sed -n '<line>p' <file>` shows
-- it). Compile with `dbt compile -s quarantined_rows_by_reason` and run
-- target/compiled/.../*.sql against the build database. Totals per reason are in
-- store.pipeline_audit; this shows the lines behind them.
with ranked as (
    select
        reject_reason,
        source_file,
        source_line,
        duplicate_count,
        line_text,
        count(*) over (partition by reject_reason) as reason_line_count,
        row_number() over (partition by reject_reason order by source_file, source_line) as example_number
    from {{ ref('stg_store__events_rejected') }}
),

final as (
    select
        reject_reason,
        reason_line_count,
        example_number,
        source_file,
        source_line,
        duplicate_count,
        left(line_text, 200) as line_text_start
    from ranked
    where example_number <= 3
)

select * from final
order by reason_line_count desc, reject_reason asc, example_number asc
