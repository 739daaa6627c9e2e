{% macro store_reject_rules() -%}
    {{ return(record_rules() + [
        ('missing_event_time', 'event_time is null'),
        ('invalid_event_time', 'parsed_event_at is null'),
        ('out_of_range_event_time', plausible_time_check('parsed_event_at')),
        ('invalid_event_type', 'event_type is null or event_type not in ('
            ~ sql_string_list(var('accepted_event_types')) ~ ')'),
        ('missing_user_id', 'user_id is null'),
        ('invalid_user_id', 'parsed_user_id is null'),
        ('missing_product_id', 'product_id is null'),
        ('invalid_product_id', 'parsed_product_id is null'),
        ('invalid_category_id', 'category_id is not null and parsed_category_id is null'),
        ('missing_price', 'price is null'),
        ('invalid_price', 'parsed_price is null'),
        ('non_positive_price', 'parsed_price <= 0'),
    ]) }}
{%- endmacro %}

{% macro store_reject_reasons() -%}
    {{ return(rule_reasons(store_reject_rules())) }}
{%- endmacro %}
