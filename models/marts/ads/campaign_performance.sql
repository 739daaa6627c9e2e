-- One row per campaign with a clean session: its sessions, clicks, click-through rate,
-- share of all sessions and rank by sessions (1 = most; ties go to the lower campaign_id).
with sessions as (
    select * from {{ ref('int_sessions_enriched') }}
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
        campaign_id,
        session_count,
        click_count,
        {{ click_through_rate() }} as click_through_rate,
        {{ click_through_rate_interval() }},
        {{ session_share() }} as session_share,
        {{ session_rank('campaign_id') }} as session_rank
    from per_campaign
)

select * from final
