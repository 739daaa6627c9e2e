{% macro ads_line_reject_rules() -%}
    {{ return(record_rules() + [
        ('missing_session_id', 'session_id_text is null'),
        ('invalid_id', 'parsed_session_id is null or parsed_user_id is null'
            ~ ' or parsed_campaign_id is null or parsed_webpage_id is null'),
        ('invalid_datetime', 'parsed_session_at is null'),
        ('out_of_range_datetime', plausible_time_check('parsed_session_at')),
        ('invalid_is_click', 'has_is_click_column and parsed_is_clicked is null'),
        ('invalid_attribute', 'parsed_product_category_1 is null'
            ~ ' or (product_category_2_text is not null and parsed_product_category_2 is null)'
            ~ ' or (user_group_id_text is not null and parsed_user_group_id is null)'
            ~ ' or (age_level_text is not null and parsed_age_level is null)'
            ~ ' or (user_depth_text is not null and parsed_user_depth is null)'
            ~ ' or (city_development_index_text is not null and parsed_city_development_index is null)'
            ~ ' or (var_1_text is not null and parsed_var_1 is null)'),
    ]) }}
{%- endmacro %}

{% macro ads_reject_reasons() -%}
    {{ return(rule_reasons(ads_line_reject_rules()) + ['conflicting_session_id']) }}
{%- endmacro %}
