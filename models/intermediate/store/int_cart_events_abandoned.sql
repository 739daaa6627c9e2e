-- The abandoned cart events: every clean cart event of a user in the cart_abandoner segment
-- (carted, never purchased; since such a user bought nothing, all their cart events count),
-- and whether the user emptied it: each removal of a product from the cart, at or after the
-- user's first cart event of that product, empties one of their cart events of it, the
-- earliest first. A cart event not emptied was still in the cart at the user's last event.
-- The query is macro abandoned_cart_events_from (macros/models/store/), shared with the dashboard.
{{ abandoned_cart_events_from(ref('int_events_enriched'), ref('int_users_funnel_states')) }}
