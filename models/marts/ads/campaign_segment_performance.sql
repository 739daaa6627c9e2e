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

lifted as (
    select
        *,
        {{ safe_divide('click_through_rate', 'campaign_click_through_rate') }} - 1 as click_through_rate_lift,
        -- A candidate for best-responding segment: a known value with a lift (the campaign has a
        -- click) holding at least an even share of the campaign's sessions in its dimension
        -- (share >= 1 / the dimension's values in the campaign, Unknown counted), so a large lift
        -- on a handful of sessions cannot win. Compared in integers, because share * values >= 1
        -- in doubles misses exact ties (1/49 * 49 < 1).
        demographic_value <> {{ unknown_label() }}
        and campaign_click_through_rate > 0
        and session_count * count(*) over (partition by campaign_id, demographic_dimension)
        >= campaign_session_count as is_best_segment_candidate
    from rated
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
        click_through_rate_lift,
        -- The highest lift among the campaign's candidates; ties go to the lower dimension, then
        -- value, so each campaign with a candidate has exactly one.
        is_best_segment_candidate
        and row_number() over (
            partition by campaign_id, is_best_segment_candidate
            order by click_through_rate_lift desc, demographic_dimension asc, demographic_value asc
        ) = 1 as is_best_responding_segment,
        campaign_session_count,
        campaign_click_count,
        campaign_click_through_rate,
        campaign_session_share
    from lifted
)

select * from final
