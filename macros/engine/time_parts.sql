{#- Reading and naming times. Both engines hold naive timestamps here (Spark: the spark target
    sets spark.sql.timestampType TIMESTAMP_NTZ and the session time zone UTC). -#}

{% macro parse_timestamp(text, formats) -%}
    {{ return(adapter.dispatch('parse_timestamp')(text, formats)) }}
{%- endmacro %}

{% macro default__parse_timestamp(text, formats) -%}
    {%- if formats | length == 1 -%}
    try_strptime({{ text }}, '{{ formats[0] }}')
    {%- else -%}
    try_strptime({{ text }}, [{% for format in formats %}'{{ format }}'{{ ', ' if not loop.last }}{% endfor %}])
    {%- endif -%}
{%- endmacro %}

{% macro spark__parse_timestamp(text, formats) -%}
    {%- set patterns = [] -%}
    {%- for format in formats -%}
        {%- do patterns.append("try_to_timestamp(" ~ text ~ ", '" ~ _java_datetime_pattern(format) ~ "')") -%}
    {%- endfor -%}
    {%- if patterns | length == 1 -%}{{ patterns[0] }}{%- else -%}coalesce({{ patterns | join(', ') }}){%- endif -%}
{%- endmacro %}

{% macro _java_datetime_pattern(format) -%}
    {#- strptime -> java.time: one-letter fields parse any number of digits, as strptime does
        (%Y accepts '20', %m accepts '1'); literal text is quoted. -#}
    {%- set fields = {'%Y': 'y', '%m': 'M', '%d': 'd', '%H': 'H', '%M': 'm', '%S': 's'} -%}
    {%- set ns = namespace(out='', literal='', i=0) -%}
    {%- for _ in range(format | length) -%}
        {%- if ns.i < format | length -%}
            {%- set token = format[ns.i:ns.i + 2] -%}
            {%- if token in fields -%}
                {%- if ns.literal -%}{%- set ns.out = ns.out ~ "''" ~ ns.literal ~ "''" -%}{%- set ns.literal = '' -%}{%- endif -%}
                {%- set ns.out = ns.out ~ fields[token] -%}
                {%- set ns.i = ns.i + 2 -%}
            {%- elif token[0] == '%' -%}
                {{ exceptions.raise_compiler_error("parse_timestamp: no Spark pattern for " ~ token) }}
            {%- else -%}
                {%- set ns.literal = ns.literal ~ format[ns.i] -%}
                {%- set ns.i = ns.i + 1 -%}
            {%- endif -%}
        {%- endif -%}
    {%- endfor -%}
    {%- if ns.literal -%}{%- set ns.out = ns.out ~ "''" ~ ns.literal ~ "''" -%}{%- endif -%}
    {{ ns.out }}
{%- endmacro %}

{% macro iso_weekday(timestamp) -%}
    {{ return(adapter.dispatch('iso_weekday')(timestamp)) }}
{%- endmacro %}

{% macro default__iso_weekday(timestamp) -%}
    isodow({{ timestamp }})
{%- endmacro %}

{% macro spark__iso_weekday(timestamp) -%}
    extract(dayofweek_iso from {{ timestamp }})
{%- endmacro %}

{% macro weekday_name(timestamp) -%}
    {{ return(adapter.dispatch('weekday_name')(timestamp)) }}
{%- endmacro %}

{% macro default__weekday_name(timestamp) -%}
    dayname({{ timestamp }})
{%- endmacro %}

{% macro spark__weekday_name(timestamp) -%}
    date_format({{ timestamp }}, 'EEEE')
{%- endmacro %}

{% macro year_month_text(timestamp) -%}
    {{ return(adapter.dispatch('year_month_text')(timestamp)) }}
{%- endmacro %}

{% macro default__year_month_text(timestamp) -%}
    strftime({{ timestamp }}, '%Y-%m')
{%- endmacro %}

{% macro spark__year_month_text(timestamp) -%}
    date_format({{ timestamp }}, 'yyyy-MM')
{%- endmacro %}
