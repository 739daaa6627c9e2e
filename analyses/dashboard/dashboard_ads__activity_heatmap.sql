-- ads.activity_heatmap, recomputed by its model's own query macro over the dashboard's
-- slice of ads.sessions_cleaned (filters bound as parameters: macros/dashboard/).
with slice_sessions as (
    {{ dashboard_sessions_slice() }}
),

spine as (
    {{ hours_enumerated() }}
),

final as (
    {{ activity_heatmap_from('slice_sessions', 'spine') }}
)

select * from final
