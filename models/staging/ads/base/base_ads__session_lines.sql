-- Every line of the session files still to load (new or changed since the last build; all
-- of them on a full refresh), header excluded, with its file, line number and decoded text.
{{ config(materialized='ephemeral') }}

{#- The source node documents the export; read_raw_lines reads its files line by line. -#}
{%- do source('ads', 'sessions') %}
{%- set files = files_to_load('ads', 'base_ads__sessions') %}

with lines as (
    {{ read_raw_lines(files) }}
),

final as (
    select
        source_file,
        source_file_version,
        source_line,
        line_text,
        is_invalid_utf8
    from lines
    where source_line > 1
)

select * from final
