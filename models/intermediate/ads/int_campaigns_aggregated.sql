-- One row per campaign: its sessions, clicks, click-through rate, share of all sessions and
-- rank by sessions (1 = most; ties go to the lower campaign_id).
with sessions as (
    select * from {{ ref('int_sessions_enriched') }}
),

totals as (
    select * from {{ ref('int_sessions_aggregated') }}
),

per_campaign as (
    select
        campaign_id,
        {{ session_click_measures() }}
    from sessions
    group by campaign_id
),

final as (
    select
        per_campaign.campaign_id,
        per_campaign.session_count,
        per_campaign.click_count,
        {{ click_through_rate('per_campaign.click_count', 'per_campaign.session_count') }}
            as click_through_rate,
        {{ safe_divide('per_campaign.session_count', 'totals.session_count') }} as session_share,
        cast(
            row_number() over (
                order by per_campaign.session_count desc, per_campaign.campaign_id asc
            ) as integer
        ) as session_rank
    from per_campaign
    cross join totals
)

select * from final
