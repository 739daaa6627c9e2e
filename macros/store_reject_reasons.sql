{#- Every reject_reason stg_store__events_validated can assign, in its check order. pipeline_audit
    pivots on this list; its data test (rejected = sum of the per-reason columns) fails if a
    reason is added to the model but not here; the accepted_values test on
    stg_store__events_validated.reject_reason reads it too. -#}
{% macro store_reject_reasons() -%}
    {{ return([
        'extra_fields', 'missing_event_time', 'invalid_event_time', 'invalid_event_type',
        'missing_user_id', 'invalid_user_id', 'missing_product_id', 'invalid_product_id',
        'invalid_category_id', 'missing_price', 'invalid_price', 'non_positive_price',
    ]) }}
{%- endmacro %}
