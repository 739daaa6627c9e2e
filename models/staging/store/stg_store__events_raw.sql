-- The raw file as a relation, untouched (all text). Downstream models and their unit tests
-- read this rather than the source: dbt cannot take fixture column types from an external
-- (file) source, only from a relation in the warehouse.
select
    event_time,
    event_type,
    product_id,
    category_id,
    category_code,
    brand,
    price,
    user_id,
    user_session,
    {{ extra_field_values('store', 'events') }} as extra_values
from {{ source('store', 'events') }}
