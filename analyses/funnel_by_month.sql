-- Ad-hoc: the user funnel per month, to see whether the view-to-cart drop-off is stable over
-- time or driven by a few months. Compile with `dbt compile -s funnel_by_month` and run the SQL
-- in target/compiled/ against the warehouse. Stage users count as in store.funnel_summary.
with monthly_users as (
    select
        event_month,
        count(distinct user_id) filter (where event_type = 'view') as viewer_count,
        count(distinct user_id) filter (where event_type = 'cart') as carter_count,
        count(distinct user_id) filter (where event_type = 'purchase') as purchaser_count
    from {{ ref('int_events_enriched') }}
    group by event_month
),

final as (
    select
        event_month,
        viewer_count,
        carter_count,
        purchaser_count,
        {{ safe_divide('carter_count', 'viewer_count') }} as view_to_cart_user_rate,
        {{ safe_divide('purchaser_count', 'carter_count') }} as cart_to_purchase_user_rate
    from monthly_users
)

select * from final
order by event_month
