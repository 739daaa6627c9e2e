-- Every extra copy of a raw session row, with the first occurrence it repeats: a usable row whose
-- typed values equal an earlier usable row's, or a rejected row whose text equals an earlier
-- rejected row's (earlier: the alphabetically first file, then the lowest line). The session
-- log is small, so every row is ranked by value.
{{ config(materialized='table') }}

{%- set session_values = [
    'session_id', 'session_at', 'user_id', 'product_code', 'campaign_id', 'webpage_id',
    'product_category_1', 'product_category_2', 'user_group_id', 'gender', 'age_level',
    'user_depth', 'city_development_index', 'var_1', 'is_clicked',
] -%}

with usable_occurrences as (
    select
        source_file,
        source_line,
        false as is_rejected,
        row_number() over value_order as occurrence_number,
        first_value({{ record([('file', 'source_file'), ('line', 'source_line')]) }}) over value_order
            as first_occurrence
    from {{ ref('base_ads__sessions') }}
    where reject_reason is null
    window value_order as (partition by {{ session_values | join(', ') }} order by source_file, source_line)
),

rejected_occurrences as (
    select
        source_file,
        source_line,
        true as is_rejected,
        row_number() over text_order as occurrence_number,
        first_value({{ record([('file', 'source_file'), ('line', 'source_line')]) }}) over text_order
            as first_occurrence
    from {{ ref('base_ads__sessions') }}
    where reject_reason is not null
    window text_order as (partition by line_text order by source_file, source_line)
),

occurrences as (
    select * from usable_occurrences
    union all
    select * from rejected_occurrences
),

final as (
    select
        source_file,
        source_line,
        is_rejected,
        first_occurrence['file'] as first_source_file,
        first_occurrence['line'] as first_source_line
    from occurrences
    where occurrence_number > 1
)

select * from final
