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
        {{ click_through_rate('per_segment.click_count', 'per_segment.click_data_session_count') }}
            as click_through_rate,
        {{ click_through_rate_interval('per_segment.click_count', 'per_segment.click_data_session_count') }},
        campaigns.session_count as campaign_session_count,
        -- Every session holds one value of each dimension: its values add up to the campaign.
        sum(per_segment.click_data_session_count) over (
            partition by per_segment.campaign_id, per_segment.demographic_dimension
        ) as campaign_click_data_session_count,
        campaigns.click_count as campaign_click_count,
        campaigns.click_through_rate as campaign_click_through_rate,
        campaigns.session_share as campaign_session_share
    from per_segment
    inner join campaigns
        on per_segment.campaign_id = campaigns.campaign_id
),

rest_of_campaign as (
    -- The campaign's other sessions, which the segment is tested against.
    select
        *,
        {{ safe_divide('click_through_rate', 'campaign_click_through_rate') }} - 1 as click_through_rate_lift,
        campaign_click_count - click_count as rest_click_count,
        campaign_click_data_session_count - click_data_session_count as rest_click_data_session_count
    from rated
),

tested as (
    select
        *,
        {{ two_proportion_z_score(
            'click_count', 'click_data_session_count', 'rest_click_count', 'rest_click_data_session_count'
        ) }}
            as lift_z_score
    from rest_of_campaign
),

scaled as (
    -- erfc repeats its argument: computed once here.
    select
        *,
        abs(lift_z_score) / sqrt(2.0) as lift_scaled_abs_z_score
    from tested
),

p_valued as (
    -- Two-sided: P(|Z| >= |z|) = erfc(|z| / sqrt(2)).
    select
        *,
        {{ erfc('lift_scaled_abs_z_score') }} as lift_p_value
    from scaled
),

holm_ranked as (
    -- Holm's step-down adjustment across the campaign's tested segments (all dimensions,
    -- Unknown included): the i-th smallest of m p-values is multiplied by m - i + 1.
    select
        *,
        count(lift_p_value) over (partition by campaign_id) as tested_segment_count,
        row_number() over (
            partition by campaign_id
            order by lift_p_value asc nulls last, demographic_dimension asc, demographic_value asc
        ) as p_value_rank
    from p_valued
),

holm_adjusted as (
    -- Each adjusted p-value is the running maximum of the multiplied ones (so the order of the
    -- p-values is kept), capped at 1; equal p-values get equal adjusted values.
    select
        *,
        case
            when lift_p_value is not null
                then least(1.0, max((tested_segment_count - p_value_rank + 1) * lift_p_value) over (
                    partition by campaign_id
                    order by p_value_rank
                    rows between unbounded preceding and current row
                ))
        end as lift_adjusted_p_value
    from holm_ranked
),

lifted as (
    select
        *,
        coalesce(lift_adjusted_p_value < {{ var('segment_significance_level') }}, false)
            as is_lift_significant,
        -- A candidate for best-responding segment: a known value holding at least an even share
        -- of the campaign's sessions in its dimension (share >= 1 / the dimension's values in the
        -- campaign, Unknown counted), responding better than the rest of its campaign by a
        -- margin that survives Holm's adjustment. Shares compared in integers, because share *
        -- values >= 1 in doubles misses exact ties (1/49 * 49 < 1).
        demographic_value <> {{ unknown_label() }}
        and session_count * count(*) over (partition by campaign_id, demographic_dimension)
        >= campaign_session_count
        and click_through_rate_lift > 0
        and coalesce(lift_adjusted_p_value < {{ var('segment_significance_level') }}, false)
            as is_best_segment_candidate
    from holm_adjusted
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
        click_through_rate_lower,
        click_through_rate_upper,
        click_through_rate_lift,
        lift_p_value,
        lift_adjusted_p_value,
        is_lift_significant,
        -- The highest lift among the campaign's candidates; ties go to the lower dimension, then
        -- value, so each campaign with a candidate has exactly one, and one without has none.
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
