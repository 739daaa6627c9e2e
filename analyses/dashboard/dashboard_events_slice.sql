-- The Store page's filters applied to the published clean event log: the rows every filtered
-- store mart is recomputed from, by its model's own compiled SQL (scripts/dashboard/queries.py).
-- The values are positional bind parameters, named in order by the params line, so the SQL is
-- compiled once and a value picked in a filter never becomes SQL text. An empty list means no
-- filter on that attribute; dates are inclusive. Brand and top-level category are as exported
-- (`Unknown` where missing), as the marts group them.
{%- set names = ['start_date', 'end_date', 'brands', 'categories'] %}
-- params: {{ names | join(', ') }}
with events as (
    select * from {{ ref('events_cleaned') }}
),

final as (
    select
        event_id,
        event_at,
        event_date,
        event_month,
        event_weekday,
        event_weekday_number,
        event_hour,
        event_type,
        product_id,
        category_id,
        category_code,
        category_top_level,
        brand,
        is_category_missing,
        is_brand_missing,
        backfilled_brand,
        backfilled_category_code,
        is_brand_missing_after_backfill,
        is_category_missing_after_backfill,
        price,
        user_id,
        session_id
    from events
    where
        event_date between cast({{ _param('start_date', names) }} as date)
        and cast({{ _param('end_date', names) }} as date)
        and {{ _in_list('brand', 'brands', 'varchar', names) }}
        and {{ _in_list('category_top_level', 'categories', 'varchar', names) }}
)

select * from final
