{% macro parse_utc_timestamp(text, export_formats, seconds_optional=false) -%}
    {#- A timestamp as exports and tools write it, in UTC; null when it is none. First the
        export's own spellings (export_formats, most rows: a plain strptime); then the ISO 8601
        forms pandas, Spark and Excel write: `T` or a space between date and time, fractional
        seconds (kept to the microsecond), and a zone of ` UTC`, `Z` or a numeric offset
        (`+03:00`, `+0300`, `-05`), which is taken off to give UTC. Seconds may be left out
        where seconds_optional (the session log's minutes). -#}
    {%- set iso = '^([0-9]{4}-[0-9]{2}-[0-9]{2})[T ]([0-9]{2}:[0-9]{2})(:[0-9]{2})' ~ ('?' if seconds_optional else '')
        ~ '([.][0-9]+)? ?(Z|UTC|([+-])([0-9]{2}):?([0-9]{2})?)?$' -%}
    {%- set local = 'try_cast(' ~ regex_extract(text, iso, 1) ~ " || ' ' || " ~ regex_extract(text, iso, 2)
        ~ " || coalesce(nullif(" ~ regex_extract(text, iso, 3) ~ ", ''), ':00') || substr("
        ~ regex_extract(text, iso, 4) ~ ', 1, 7) as timestamp)' -%}
    {%- set offset_hours = 'cast(nullif(' ~ regex_extract(text, iso, 7) ~ ", '') as integer)" -%}
    {%- set offset_minutes = 'coalesce(cast(nullif(' ~ regex_extract(text, iso, 8) ~ ", '') as integer), 0)" -%}
    {%- set offset = 'case when ' ~ regex_extract(text, iso, 6) ~ " = '-' then -1 else 1 end * ("
        ~ offset_hours ~ ' * 60 + ' ~ offset_minutes ~ ')' -%}
    coalesce(
        {{ parse_timestamp(text, export_formats) }},
        case
            when not {{ regex_full_match(text, iso) }} then null
            when {{ regex_extract(text, iso, 7) }} = '' then {{ local }}
            when {{ offset_hours }} <= 14 and {{ offset_minutes }} < 60
                then {{ dbt.dateadd('minute', '-(' ~ offset ~ ')', local) }}
        end
    )
{%- endmacro %}
