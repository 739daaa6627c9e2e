-- The clean event log: valid rows only, typed, renamed, with missing catalog attributes
-- imputed as 'Unknown' and flagged so the gap stays measurable.
{{ config(materialized='table') }}

with valid_rows as (
    select *
    from {{ ref('stg_store__events_validated') }}
    where reject_reason is null
),

final as (
    select
        raw_row_id as event_id,
        parsed_event_at as event_at,
        event_type,
        parsed_product_id as product_id,
        parsed_category_id as category_id,
        {{ label_or_unknown('category_code') }} as category_code,
        {{ label_or_unknown('brand') }} as brand,
        category_code is null as is_category_missing,
        brand is null as is_brand_missing,
        parsed_price as price,
        parsed_user_id as user_id,
        -- An empty session is still a real event: it keeps a null session.
        user_session as session_id
    from valid_rows
)

select * from final
