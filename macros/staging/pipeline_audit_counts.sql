{% macro pipeline_audit_counts(dataset_name, lines, rejected, clean, reject_reasons) %}
with raw_lines as (
    select
        count(*) as raw_row_count,
        count(distinct source_file) as source_file_count
    from {{ lines }}
),

rejected_rows as (
    select
        {% for reason in reject_reasons -%}
            count(*) filter (where reject_reason = '{{ reason }}') as rejected_{{ reason }}_count,
        {% endfor -%}
        count(*) as rejected_row_count,
        coalesce(sum(duplicate_count), 0) as rejected_duplicate_count
    from {{ rejected }}
),

clean_rows as (
    select
        count(*) as clean_row_count,
        coalesce(sum(duplicate_count), 0) as clean_duplicate_count
    from {{ clean }}
)

select
    '{{ dataset_name }}' as dataset_name,
    raw_lines.raw_row_count,
    cast(rejected_rows.rejected_duplicate_count + clean_rows.clean_duplicate_count as bigint)
        as duplicate_row_count,
    rejected_rows.rejected_row_count + clean_rows.clean_row_count as deduplicated_row_count,
    rejected_rows.rejected_row_count,
    {% for reason in reject_reasons -%}
        rejected_rows.rejected_{{ reason }}_count,
    {% endfor -%}
    clean_rows.clean_row_count,
    raw_lines.source_file_count
from raw_lines
cross join rejected_rows
cross join clean_rows
{% endmacro %}

{% macro rejected_per_reason_sum(reject_reasons) -%}
    {%- for reason in reject_reasons -%}
        rejected_{{ reason }}_count{{ ' + ' if not loop.last }}
    {%- endfor -%}
{%- endmacro %}
