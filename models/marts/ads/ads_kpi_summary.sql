-- One row: the report's KPI cards. Every figure is read from the model that defines it.
{{ config(alias='kpi_summary') }}

with totals as (
    select * from {{ ref('int_sessions_aggregated') }}
),

top_category as (
    select
        product_category_1,
        session_count,
        session_share
    from {{ ref('category_engagement') }}
    where session_rank = 1
),

top_campaign as (
    select
        campaign_id,
        session_count,
        session_share
    from {{ ref('campaign_performance') }}
    where session_rank = 1
),

final as (
    select
        totals.session_count,
        totals.user_count,
        totals.click_count,
        totals.click_through_rate,
        totals.click_through_rate_lower,
        totals.click_through_rate_upper,
        totals.avg_user_depth,
        top_category.product_category_1 as top_product_category_1,
        top_category.session_count as top_product_category_session_count,
        top_category.session_share as top_product_category_session_share,
        top_campaign.campaign_id as top_campaign_id,
        top_campaign.session_count as top_campaign_session_count,
        top_campaign.session_share as top_campaign_session_share
    from totals
    left join top_category on true
    left join top_campaign on true
)

select * from final
