{% macro spark__dateadd(datepart, interval, from_date_or_timestamp) -%}
    {#- dbt's dateadd on Spark. dbt-spark's own goes through unix seconds and back with
        to_timestamp(<number>), which Spark 4 cannot do for TIMESTAMP_NTZ, the spark target's
        timestamp type: its result is null, or an error under ANSI mode. timestampadd keeps the
        type (and the fraction of a second). -#}
    timestampadd({{ datepart }}, {{ interval }}, {{ from_date_or_timestamp }})
{%- endmacro %}
