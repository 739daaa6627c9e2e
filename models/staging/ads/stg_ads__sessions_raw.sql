-- The raw session file as a relation, untouched (all text), columns prefixed `raw_`, plus
-- `extra_values`: what a ragged row carries past the 15 declared columns (null when none).
-- Downstream models and their unit tests read this rather than the source: dbt cannot take
-- fixture column types from an external (file) source, only from a relation in the warehouse.
select
    session_id as raw_session_id,
    datetime as raw_datetime,
    user_id as raw_user_id,
    product as raw_product,
    campaign_id as raw_campaign_id,
    webpage_id as raw_webpage_id,
    product_category_1 as raw_product_category_1,
    product_category_2 as raw_product_category_2,
    user_group_id as raw_user_group_id,
    gender as raw_gender,
    age_level as raw_age_level,
    user_depth as raw_user_depth,
    city_development_index as raw_city_development_index,
    var_1 as raw_var_1,
    is_click as raw_is_click,
    {{ extra_field_values('ads', 'sessions') }} as extra_values
from {{ source('ads', 'sessions') }}
