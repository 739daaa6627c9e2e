-- Thin typed view over the raw session log (first cut; full cleaning arrives with the ads marts).
select
    cast(session_id as bigint) as session_id,
    strptime("DateTime", '%Y-%m-%d %H:%M') as session_at,
    cast(user_id as bigint) as user_id,
    product as product_code,
    cast(campaign_id as bigint) as campaign_id,
    cast(webpage_id as bigint) as webpage_id,
    cast(product_category_1 as integer) as product_category_1,
    cast(cast(nullif(product_category_2, '') as double) as bigint) as product_category_2,
    cast(cast(nullif(user_group_id, '') as double) as integer) as user_group_id,
    nullif(gender, '') as gender,
    cast(cast(nullif(age_level, '') as double) as integer) as age_level,
    cast(cast(nullif(user_depth, '') as double) as integer) as user_depth,
    cast(cast(nullif(city_development_index, '') as double) as integer) as city_development_index,
    cast(var_1 as integer) as var_1,
    is_click = '1' as is_clicked
from {{ source('ads', 'sessions') }}
