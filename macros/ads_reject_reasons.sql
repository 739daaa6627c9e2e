{#- Every reject_reason stg_ads__sessions_validated can assign, in its precedence order
    (conflicting_session_id last: it is decided after the row checks). ads_pipeline_audit
    pivots on this list; its data test (rejected = sum of the per-reason columns) fails if a
    reason is added to the model but not here; the accepted_values test on
    stg_ads__sessions_validated.reject_reason reads it too. -#}
{% macro ads_reject_reasons() -%}
    {{ return([
        'extra_fields', 'missing_session_id', 'invalid_id', 'invalid_datetime',
        'invalid_is_click', 'invalid_attribute', 'conflicting_session_id',
    ]) }}
{%- endmacro %}
