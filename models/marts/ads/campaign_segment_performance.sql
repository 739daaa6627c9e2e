-- One row per campaign x demographic dimension x value seen in the clean sessions.
with demographics as (
    select * from {{ ref('int_session_demographics_unpivoted') }}
),

campaigns as (
    select * from {{ ref('campaign_performance') }}
),

per_segment as (
    select
        campaign_id,
        demographic_dimension,
        demographic_value,
        {{ session_click_measures() }}
    from demographics
    group by campaign_id, demographic_dimension, demographic_value
),

rated as (
    select
        per_segment.*,
        {{ safe_divide('per_segment.session_count', 'campaigns.session_count') }}
            as session_share_of_campaign,
        {{ click_through_rate('per_segment.click_count', 'per_segment.session_count') }}
            as click_through_rate,
        campaigns.session_count as campaign_session_count,
        campaigns.click_count as campaign_click_count,
        campaigns.click_through_rate as campaign_click_through_rate,
        campaigns.session_share as campaign_session_share
    from per_segment
    inner join campaigns
        on per_segment.campaign_id = campaigns.campaign_id
),

final as (
    select
        campaign_id,
        demographic_dimension,
        demographic_value,
        session_count,
        session_share_of_campaign,
        click_count,
        click_through_rate,
        {{ safe_divide('click_through_rate', 'campaign_click_through_rate') }} - 1 as click_through_rate_lift,
        campaign_session_count,
        campaign_click_count,
        campaign_click_through_rate,
        campaign_session_share
    from rated
)

select * from final
