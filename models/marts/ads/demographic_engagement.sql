-- One row per demographic dimension x value x product_category_1 seen in the clean sessions.
-- The query is macro demographic_engagement_from (macros/models/ads/), shared with the dashboard.
{{ demographic_engagement_from(ref('int_session_demographics_unpivoted')) }}
