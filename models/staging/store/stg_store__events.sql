-- Thin typed view over the raw log (first cut; full cleaning arrives with the event marts).
select
    strptime(event_time, '%Y-%m-%d %H:%M:%S UTC') as event_at,
    event_type,
    cast(product_id as bigint) as product_id,
    cast(category_id as hugeint) as category_id,
    nullif(category_code, '') as category_code,
    nullif(brand, '') as brand,
    cast(price as decimal(12, 2)) as price,
    cast(user_id as hugeint) as user_id,
    nullif(user_session, '') as session_id
from {{ source('store', 'events') }}
