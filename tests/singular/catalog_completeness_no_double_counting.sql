-- catalog_completeness: at each backfill stage, brand_missing + category_missing - both_missing
-- = either_missing for events, purchases and revenue (inclusion-exclusion: nothing is counted
-- twice or lost). Returns the stages where the identity fails.
with signed as (
    select
        backfill_stage,
        event_count,
        purchase_count,
        revenue,
        case when gap_kind in ('brand_missing', 'category_missing') then 1 else -1 end as sign_factor
    from {{ ref('catalog_completeness') }}
),

residuals as (
    select
        backfill_stage,
        sum(sign_factor * event_count) as event_residual,
        sum(sign_factor * purchase_count) as purchase_residual,
        sum(sign_factor * revenue) as revenue_residual
    from signed
    group by backfill_stage
)

select *
from residuals
where event_residual != 0 or purchase_residual != 0 or revenue_residual != 0
