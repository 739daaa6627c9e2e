"""Users of one chunk, their per-product journeys, and the clean events these expand to.

* Users are simulated chunk by chunk with vectorised numpy. Each user gets a segment with
  the published shares (only viewed 90.6 %, carted never bought 4.1 %, bought after
  carting 4.9 %, bought without any cart 0.3 %, i.e. ~1,248 per 407,283 users), and
  1.1 % of the non-browsing users never view anything (~420 users). Buyers make exactly
  one purchase with p = 13,598 / 21,304, otherwise 2 + a geometric number (3.08 on
  average).
* A user's events are "journeys" on one product: views, then for a cart journey one cart,
  then for a bought product its purchase(s). Journeys are shuffled per user and laid on
  the user's time line (see `calendar`).
* Sessions: a new session starts at a journey boundary with p = 0.313 and inside a
  journey with p = 0.08, giving ~1.2 sessions per user (490,398 at the default size),
  more for busier users.

Layouts change three things (`Behaviour`):
* Multi-category: most buyers buy without any cart event (79 of the 109 buyers of the real
  file's first 9,999 rows, 30 carted and bought, 37 carted and never bought), so the
  segment shares among shoppers follow those; the buyer share of users stays.
* Multi-category: users browse about seven times as much (~14 rows and ~3 sessions per user
  in a month, as in the real October file, against 2.2 and 1.2).
* Cosmetics: cart removals (`remove_from_cart`), ~0.6 per cart event as in the real shop.
  A carted product that is not bought is removed with p = REMOVE_UNBOUGHT_SHARE (now and
  then twice); any carted product may first go through "cart, remove" rounds (geometric,
  mean CART_REMOVE_ROUNDS) before its last cart. A removal is always the same user and
  product as the cart just before it in the journey, one second or more later, and in the
  same session unless a session break falls in between (p = 0.08).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.random import Generator

from scripts.synthetic.events.calendar import Window, draw_times
from scripts.synthetic.events.catalog import Catalog, pick
from scripts.synthetic.events.draws import geometric, stratified

# Published exclusive user segments, in users; their shares drive the segment draw.
BROWSE, ABANDON, BUY_AFTER_CART, BUY_WITHOUT_CART = range(4)
SEGMENT_USERS = (369_083, 16_896, 20_056, 1_248)
# 406,863 of 407,283 users viewed something: the other 420 are all among non-browsers.
NO_VIEW_SHARE = 420 / sum(SEGMENT_USERS[1:])
SINGLE_PURCHASE_SHARE = 13_598 / 21_304
# Purchases beyond the second of a 2+ buyer (geometric mean): 37,343 purchases in all.
EXTRA_PURCHASES_MEAN = 1.0813
# A further purchase is of a new product (its own cart journey) with this probability,
# else the same product again (a repeat purchase after the one cart).
NEW_PRODUCT_SHARE = 0.6
# Cart-only journeys (carted, not bought): abandoners 1 + geometric, buyers geometric.
# With the above: 54,032 carts, a cart-to-purchase event rate of ~69 %.
EXTRA_CART_JOURNEYS_ABANDONER = 0.25
CART_ONLY_JOURNEYS_BUYER = 0.19
# Views of the product before its cart (or its purchase): 1 + geometric.
EXTRA_VIEWS_BEFORE_CART = 0.6
# View-only journeys: browsers 1 + geometric, other viewers geometric; views in each
# 1 + geometric. Calibrated so views total 793,099 at the default size.
EXTRA_BROWSE_JOURNEYS_BROWSER = 0.1617
BROWSE_JOURNEYS_SHOPPER = 3.0
EXTRA_VIEWS_PER_BROWSE_JOURNEY = 0.3
# A new session starts at a journey boundary / inside a journey with these probabilities:
# 490,398 sessions for 407,283 users at the default size.
SESSION_BREAK_BETWEEN_JOURNEYS = 0.313
SESSION_BREAK_IN_JOURNEY = 0.08
# The multi-category store's browsing and session breaks, calibrated in MULTICATEGORY_BEHAVIOUR.
MULTI_EXTRA_BROWSE_JOURNEYS_BROWSER = 9.6
MULTI_BROWSE_JOURNEYS_SHOPPER = 9.6
MULTI_SESSION_BREAK_BETWEEN_JOURNEYS = 0.19

VIEW, CART, PURCHASE, REMOVE = range(4)

# Cosmetics removals (see the module docstring): with the electronics journeys, ~0.6
# removals per cart event.
REMOVE_UNBOUGHT_SHARE = 0.85
EXTRA_REMOVALS_MEAN = 0.1
CART_REMOVE_ROUNDS = 0.4


@dataclass(frozen=True)
class Behaviour:
    """What a layout changes in the users' behaviour."""

    segment_users: tuple[int, int, int, int]  # BROWSE, ABANDON, BUY_AFTER_CART, BUY_WITHOUT_CART
    removals: bool
    # How much a user browses, and how often a session breaks between two journeys.
    extra_browse_journeys_browser: float = EXTRA_BROWSE_JOURNEYS_BROWSER
    browse_journeys_shopper: float = BROWSE_JOURNEYS_SHOPPER
    session_break_between_journeys: float = SESSION_BREAK_BETWEEN_JOURNEYS


ELECTRONICS_BEHAVIOUR = Behaviour(segment_users=SEGMENT_USERS, removals=False)
# Multi-category: the electronics buyers (21,304 users) split 30 : 79 into carted-then-bought
# and bought-without-cart, and 37 carted-never-bought per 109 buyers (the real file's head).
_BUYERS = SEGMENT_USERS[2] + SEGMENT_USERS[3]
_MULTI_SHOPPERS = (round(_BUYERS * 37 / 109), round(_BUYERS * 30 / 109), round(_BUYERS * 79 / 109))
# Its users browse far more than the electronics store's: the public October 2019 file has
# 42,448,764 rows, 3,022,290 users and 9,244,422 sessions (as public analyses of it count
# them), about 14 rows and 3 sessions per user, against 2.2 and 1.2. Per-user and per-session
# work (funnel journeys, cohorts) scales with those counts: a benchmark needs that shape.
MULTICATEGORY_BEHAVIOUR = Behaviour(
    segment_users=(sum(SEGMENT_USERS) - sum(_MULTI_SHOPPERS), *_MULTI_SHOPPERS),
    removals=False,
    extra_browse_journeys_browser=MULTI_EXTRA_BROWSE_JOURNEYS_BROWSER,
    browse_journeys_shopper=MULTI_BROWSE_JOURNEYS_SHOPPER,
    session_break_between_journeys=MULTI_SESSION_BREAK_BETWEEN_JOURNEYS,
)
COSMETICS_BEHAVIOUR = Behaviour(segment_users=SEGMENT_USERS, removals=True)


@dataclass(frozen=True)
class Users:
    segment: np.ndarray
    views: np.ndarray  # bool: the user views anything at all
    purchases: np.ndarray


@dataclass(frozen=True)
class Journeys:
    """Per-product journeys, grouped by user in random order within each user."""

    user: np.ndarray
    product: np.ndarray
    views: np.ndarray
    carts: np.ndarray
    purchases: np.ndarray
    # Cosmetics only (zeros elsewhere): "cart, remove" rounds before the last cart, and
    # removals after it.
    rounds: np.ndarray
    removals: np.ndarray


def _draw_users(rng: Generator, n: int, behaviour: Behaviour) -> Users:
    shares = np.cumsum(behaviour.segment_users) / sum(behaviour.segment_users)
    segment = np.minimum(np.searchsorted(shares, stratified(rng, n), side="right"), BUY_WITHOUT_CART)
    shopper = segment != BROWSE
    views = np.ones(n, dtype=bool)
    views[shopper] = stratified(rng, int(shopper.sum())) >= NO_VIEW_SHARE
    buyers = segment >= BUY_AFTER_CART
    purchases = np.zeros(n, dtype=np.int64)
    multi = stratified(rng, int(buyers.sum())) >= SINGLE_PURCHASE_SHARE
    counts = np.ones(multi.size, dtype=np.int64)
    counts[multi] = 2 + geometric(stratified(rng, int(multi.sum())), EXTRA_PURCHASES_MEAN)
    purchases[buyers] = counts
    return Users(segment=segment, views=views, purchases=purchases)


def _bought_journeys(rng: Generator, users: Users) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(user, carts, purchases) of the journeys that end in a purchase."""
    buyers = np.flatnonzero(users.purchases)
    bought = users.purchases[buyers]
    products = 1 + rng.binomial(bought - 1, NEW_PRODUCT_SHARE)
    user = np.repeat(buyers, products)
    # Repeat purchases go to one of the buyer's bought products, after its first purchase.
    first = np.cumsum(products) - products
    owner = np.repeat(np.arange(buyers.size), bought - products)
    target = first[owner] + (rng.random(owner.size) * products[owner]).astype(np.int64)
    purchases = 1 + np.bincount(target, minlength=user.size)
    carts = (users.segment[user] == BUY_AFTER_CART).astype(np.int64)
    return user, carts, purchases


def _journey_counts(rng: Generator, members: np.ndarray, mean: float, base: int) -> np.ndarray:
    """base + geometric(mean) journeys for each flagged user, 0 for the others."""
    counts = np.zeros(members.size, dtype=np.int64)
    counts[members] = base + geometric(stratified(rng, int(members.sum())), mean)
    return counts


def _draw_journeys(rng: Generator, users: Users, catalog: Catalog, behaviour: Behaviour) -> Journeys:
    """Journeys without removals (electronics' draws, in electronics' order)."""
    bought_user, bought_carts, bought_purchases = _bought_journeys(rng, users)
    cart_only = _journey_counts(rng, users.segment == ABANDON, EXTRA_CART_JOURNEYS_ABANDONER, 1)
    cart_only += _journey_counts(rng, users.segment == BUY_AFTER_CART, CART_ONLY_JOURNEYS_BUYER, 0)
    cart_user = np.repeat(np.arange(cart_only.size), cart_only)
    browsing = _journey_counts(rng, users.segment == BROWSE, behaviour.extra_browse_journeys_browser, 1)
    shoppers = (users.segment != BROWSE) & users.views
    browsing += _journey_counts(rng, shoppers, behaviour.browse_journeys_shopper, 0)
    browse_user = np.repeat(np.arange(browsing.size), browsing)

    buy_user = np.concatenate([bought_user, cart_user])
    buy_views = np.where(
        users.views[buy_user], 1 + geometric(stratified(rng, buy_user.size), EXTRA_VIEWS_BEFORE_CART), 0
    )
    browse_views = 1 + geometric(stratified(rng, browse_user.size), EXTRA_VIEWS_PER_BROWSE_JOURNEY)
    # Each group of journeys is stratified on its own, so bought products, carted products
    # and browsed products each follow their catalog shares closely.
    product = np.concatenate(
        [
            pick(catalog.buy_cdf, stratified(rng, bought_user.size)),
            pick(catalog.buy_cdf, stratified(rng, cart_user.size)),
            pick(catalog.browse_cdf, stratified(rng, browse_user.size)),
        ]
    )
    user = np.concatenate([buy_user, browse_user])
    order = np.lexsort((rng.random(user.size), user))
    return Journeys(
        user=user[order],
        product=product[order],
        views=np.concatenate([buy_views, browse_views])[order],
        carts=np.concatenate(
            [bought_carts, np.ones(cart_user.size, np.int64), np.zeros(browse_user.size, np.int64)]
        )[order],
        purchases=np.concatenate([bought_purchases, np.zeros(cart_user.size + browse_user.size, np.int64)])[
            order
        ],
        rounds=np.zeros(user.size, np.int64),
        removals=np.zeros(user.size, np.int64),
    )


def _add_removals(rng: Generator, journeys: Journeys) -> Journeys:
    """Cosmetics: removal rounds for carted journeys, removals for the unbought ones."""
    carted = journeys.carts > 0
    rounds = np.zeros(carted.size, np.int64)
    rounds[carted] = geometric(stratified(rng, int(carted.sum())), CART_REMOVE_ROUNDS)
    unbought = carted & (journeys.purchases == 0)
    removals = np.zeros(carted.size, np.int64)
    removed = stratified(rng, int(unbought.sum())) < REMOVE_UNBOUGHT_SHARE
    extra = geometric(stratified(rng, int(unbought.sum())), EXTRA_REMOVALS_MEAN)
    removals[unbought] = np.where(removed, 1 + extra, 0)
    return Journeys(
        user=journeys.user,
        product=journeys.product,
        views=journeys.views,
        carts=journeys.carts,
        purchases=journeys.purchases,
        rounds=rounds,
        removals=removals,
    )


@dataclass(frozen=True)
class Events:
    """One chunk's clean events, grouped by user, each user's in time order."""

    user: np.ndarray
    kind: np.ndarray
    product: np.ndarray
    session: np.ndarray
    time: np.ndarray  # seconds since the window start

    def _take(self, index: slice | np.ndarray) -> Events:
        return Events(
            self.user[index], self.kind[index], self.product[index], self.session[index], self.time[index]
        )

    def head(self, n: int) -> Events:
        """The first n events: whole users, then the earliest events of one more."""
        return self._take(slice(0, n))

    def sorted_by_time(self) -> Events:
        return self._take(np.argsort(self.time, kind="stable"))


def _expand(journeys: Journeys) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(user, kind, product, opens_journey) per event: views, then "cart, remove" rounds, then
    the cart, then its removals or purchases."""
    removals = bool(journeys.rounds.any() or journeys.removals.any())
    counts = journeys.views + journeys.carts + journeys.purchases
    if removals:
        counts = counts + 2 * journeys.rounds + journeys.removals
    journey = np.repeat(np.arange(counts.size), counts)
    position = np.arange(journey.size) - np.repeat(np.cumsum(counts) - counts, counts)
    views = journeys.views[journey]
    if not removals:
        carted = position < views + journeys.carts[journey]
        kind = np.where(position < views, VIEW, np.where(carted, CART, PURCHASE))
    else:
        rounds_end = views + 2 * journeys.rounds[journey]
        cart_end = rounds_end + journeys.carts[journey]
        removals_end = cart_end + journeys.removals[journey]
        # Inside the rounds, even positions (from the first round) are carts, odd removals.
        round_kind = np.where((position - views) % 2 == 0, CART, REMOVE)
        kind = np.select(
            [position < views, position < rounds_end, position < cart_end, position < removals_end],
            [VIEW, round_kind, CART, REMOVE],
            PURCHASE,
        )
    return journeys.user[journey], kind, journeys.product[journey], position == 0


def _draw_sessions(
    rng: Generator, user: np.ndarray, opens_journey: np.ndarray, p_between: float
) -> np.ndarray:
    """Chunk-local session index per event; sessions are numbered in event order."""
    opens_user = np.r_[True, user[1:] != user[:-1]]
    p_break = np.where(opens_journey, p_between, SESSION_BREAK_IN_JOURNEY)
    opens_session = opens_user | (rng.random(user.size) < p_break)
    return np.cumsum(opens_session) - 1


def simulate_chunk(
    rng: Generator, catalog: Catalog, n_users: int, opens_window: bool, behaviour: Behaviour, window: Window
) -> Events:
    """Clean events of `n_users` new users; `opens_window` puts the file's first row at the
    window start."""
    users = _draw_users(rng, n_users, behaviour)
    journeys = _draw_journeys(rng, users, catalog, behaviour)
    if behaviour.removals:
        journeys = _add_removals(rng, journeys)
    user, kind, product, opens_journey = _expand(journeys)
    session = _draw_sessions(rng, user, opens_journey, behaviour.session_break_between_journeys)
    time = draw_times(rng, user, session, n_users, opens_window, window)
    return Events(user=user, kind=kind, product=product, session=session, time=time)
