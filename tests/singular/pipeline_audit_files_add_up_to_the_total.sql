-- Each audit's file rows add up to its total row. The total's raw rows are counted over all
-- rows and its duplicates are the copies its kept rows count, while a file's come from where
-- its rows and copies sit: a copy attributed to no file, or to two, shows here.
{%- set counts = [
    'dataset_name', 'is_total', 'raw_row_count', 'duplicate_row_count', 'rejected_row_count', 'clean_row_count',
] | join(', ') %}

with audits as (
    select {{ counts }} from {{ ref('pipeline_audit') }}
    union all
    select {{ counts }} from {{ ref('ads_pipeline_audit') }}
),

sums as (
    select
        dataset_name,
        sum(raw_row_count) filter (where is_total) as total_raw_row_count,
        sum(raw_row_count) filter (where not is_total) as file_raw_row_count,
        sum(duplicate_row_count) filter (where is_total) as total_duplicate_row_count,
        sum(duplicate_row_count) filter (where not is_total) as file_duplicate_row_count,
        sum(rejected_row_count) filter (where is_total) as total_rejected_row_count,
        sum(rejected_row_count) filter (where not is_total) as file_rejected_row_count,
        sum(clean_row_count) filter (where is_total) as total_clean_row_count,
        sum(clean_row_count) filter (where not is_total) as file_clean_row_count
    from audits
    group by dataset_name
)

select *
from sums
where
    total_raw_row_count != coalesce(file_raw_row_count, 0)
    or total_duplicate_row_count != coalesce(file_duplicate_row_count, 0)
    or total_rejected_row_count != coalesce(file_rejected_row_count, 0)
    or total_clean_row_count != coalesce(file_clean_row_count, 0)
