"""The store's catalog lines and planted products, calibrated to the published figures.

Calibrated to the real file's published figures (REES46 "eCommerce events history in
electronics store"). Each line is one brand in one category; `catalog` turns it into
products. Expected purchases and revenue per line are set so that, after the row-level
blanks (see `catalog`), brand and category revenue land near the published table:
computers.components.videocards ~51 % of revenue; top brands msi, gigabyte, palit, asus,
sapphire, amd, canon, powercolor, epson, pioneer; top-level categories computers,
electronics, auto, stationery, construction, appliances.

Lines with brand None or category_code None are the catalog's true gaps (rates in
`catalog`). Ten planted products have a high browse weight and a zero buy weight (~500 to
1,150 views at the default size, never carted or bought).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Line:
    """One catalog line: the products of one brand in one category.

    `purchases`, `revenue` and `views` are expected totals at the default size BEFORE the
    row-level blanks (which move 5 % of a branded line's rows to "no brand" and 5.7 % of a
    coded line's rows to "no category"). `views` is the browse weight; journeys that end in
    a cart add views in proportion to `purchases` on top (~11 % of all views). A line with
    brand None is an unbranded line, one with category_code None sits on category_ids
    that never have a code.
    """

    category_code: str | None
    brand: str | None
    purchases: int
    revenue: int
    views: int


LINES: tuple[Line, ...] = (
    Line("computers.components.videocards", "msi", 1_500, 642_000, 40_000),
    Line("computers.components.videocards", "gigabyte", 1_450, 535_000, 36_700),
    Line("computers.components.videocards", "palit", 1_128, 500_000, 30_400),
    Line("computers.components.videocards", "asus", 650, 283_610, 17_400),
    Line("computers.components.videocards", "sapphire", 960, 320_621, 23_500),
    Line("computers.components.videocards", "powercolor", 285, 103_460, 7_200),
    Line("computers.components.videocards", "inno3d", 200, 66_000, 4_900),
    Line("computers.components.videocards", "zotac", 170, 60_000, 4_200),
    Line("computers.components.videocards", "evga", 150, 60_000, 3_900),
    Line("computers.components.videocards", "pny", 120, 40_000, 2_900),
    Line("computers.components.videocards", "kfa2", 120, 40_000, 2_900),
    Line("computers.components.videocards", "afox", 200, 30_000, 3_700),
    Line("computers.components.videocards", "biostar", 60, 20_000, 1_500),
    Line("computers.components.videocards", "amd", 68, 11_034, 1_300),
    Line("computers.components.videocards", None, 205, 37_500, 3_700),
    Line("computers.components.cpu", "amd", 1_000, 190_000, 20_100),
    Line("computers.components.cpu", "intel", 200, 35_000, 3_900),
    Line("computers.components.cpu", None, 80, 6_191, 1_100),
    Line("computers.components.motherboard", "msi", 330, 30_000, 5_100),
    Line("computers.components.motherboard", "gigabyte", 360, 30_000, 5_400),
    Line("computers.components.motherboard", "asus", 300, 25_000, 4_500),
    Line("computers.components.motherboard", "asrock", 200, 15_000, 2_900),
    Line("computers.components.motherboard", "biostar", 145, 8_514, 1_900),
    Line("computers.peripherals.printer", "canon", 560, 95_000, 10_800),
    Line("computers.peripherals.printer", "epson", 330, 90_000, 7_500),
    Line("computers.peripherals.printer", "hp", 300, 40_000, 5_300),
    Line("computers.peripherals.printer", "brother", 260, 40_000, 4_800),
    Line("computers.peripherals.printer", "pantum", 380, 45_000, 6_500),
    Line("computers.peripherals.printer", "kyocera", 150, 45_000, 3_500),
    Line("computers.peripherals.printer", "xerox", 200, 20_000, 3_200),
    Line("computers.peripherals.printer", None, 517, 9_564, 4_200),
    Line("computers.notebook", "lenovo", 300, 25_000, 4_500),
    Line("computers.notebook", "acer", 300, 15_000, 3_800),
    Line("computers.notebook", "asus", 168, 7_094, 2_000),
    Line("computers.notebook", None, 600, 20_000, 6_000),
    Line("computers.components.power_supply", "aerocool", 131, 15_000, 2_200),
    Line("computers.components.power_supply", "deepcool", 138, 23_000, 2_600),
    Line("computers.components.power_supply", "gigabyte", 78, 12_391, 1_500),
    Line("computers.components.power_supply", None, 98, 10_000, 1_500),
    Line("computers.components.memory", "kingston", 262, 25_000, 4_100),
    Line("computers.components.memory", "crucial", 131, 10_000, 1_900),
    Line("computers.components.memory", "samsung", 65, 5_000, 1_000),
    Line("computers.components.memory", "patriot", 65, 5_000, 1_000),
    Line("computers.components.memory", None, 65, 5_000, 900),
    Line("computers.components.hdd", "seagate", 164, 20_000, 2_800),
    Line("computers.components.hdd", "toshiba", 171, 23_000, 3_000),
    Line("computers.components.hdd", "wd", 164, 20_000, 2_800),
    Line("computers.components.cooler", "deepcool", 196, 12_000, 2_600),
    Line("computers.components.cooler", "arctic", 164, 8_000, 2_000),
    Line("computers.components.cooler", None, 164, 10_000, 2_000),
    Line("computers.components.case", "aerocool", 78, 8_000, 1_300),
    Line("computers.components.case", "zalman", 65, 6_000, 1_000),
    Line("computers.components.case", "deepcool", 52, 5_366, 800),
    Line("computers.peripherals.monitor", "samsung", 52, 15_000, 1_200),
    Line("computers.peripherals.monitor", "lg", 65, 20_000, 1_500),
    Line("computers.peripherals.monitor", "asus", 65, 20_000, 1_500),
    Line("computers.peripherals.monitor", "aoc", 20, 5_000, 400),
    Line("computers.peripherals.mouse", "logitech", 420, 12_000, 4_300),
    Line("computers.peripherals.mouse", "a4tech", 380, 8_000, 3_500),
    Line("computers.peripherals.mouse", "defender", 300, 5_000, 2_600),
    Line("computers.peripherals.mouse", None, 131, 5_000, 1_400),
    Line("computers.peripherals.keyboard", "logitech", 164, 10_000, 2_200),
    Line("computers.peripherals.keyboard", "a4tech", 260, 8_000, 2_800),
    Line("computers.peripherals.keyboard", "defender", 131, 6_000, 1_600),
    Line("computers.peripherals.keyboard", None, 98, 6_000, 1_200),
    Line("computers.peripherals.camera", "logitech", 131, 10_000, 1_900),
    Line("computers.peripherals.camera", "defender", 98, 5_000, 1_200),
    Line("computers.peripherals.camera", None, 98, 5_000, 1_100),
    Line("computers.network.router", "tp-link", 327, 20_000, 4_400),
    Line("computers.network.router", "asus", 131, 10_000, 1_900),
    Line("computers.network.router", "keenetic", 196, 15_000, 2_900),
    Line("electronics.telephone", "panasonic", 1_200, 50_000, 14_200),
    Line("electronics.telephone", "gigaset", 700, 30_000, 8_300),
    Line("electronics.telephone", "texet", 800, 20_000, 7_900),
    Line("electronics.telephone", "alcatel", 500, 20_000, 5_800),
    Line("electronics.telephone", "philips", 245, 19_194, 3_600),
    Line("electronics.telephone", None, 900, 20_000, 7_900),
    Line("electronics.audio.acoustic", "pioneer", 200, 30_000, 3_700),
    Line("electronics.audio.acoustic", "jbl", 300, 25_000, 4_500),
    Line("electronics.audio.acoustic", "sven", 250, 15_000, 3_400),
    Line("electronics.audio.acoustic", "edifier", 145, 19_372, 2_600),
    Line("electronics.audio.headphone", "pioneer", 26, 5_500, 500),
    Line("electronics.audio.headphone", "jbl", 131, 10_000, 1_900),
    Line("electronics.audio.headphone", "sony", 236, 23_000, 3_700),
    Line("electronics.audio.headphone", "sven", 105, 4_500, 1_300),
    Line("electronics.audio.headphone", None, 196, 10_000, 2_300),
    Line("electronics.video.tv", "samsung", 20, 15_000, 600),
    Line("electronics.video.tv", "lg", 33, 25_000, 1_100),
    Line("electronics.video.tv", "sony", 26, 20_000, 900),
    Line("electronics.camera.photo", "canon", 88, 34_466, 2_300),
    Line("electronics.camera.photo", "nikon", 46, 20_000, 1_200),
    Line("electronics.tablet", "lenovo", 126, 23_000, 2_500),
    Line("electronics.tablet", "huawei", 65, 15_000, 1_400),
    Line("electronics.video.projector", "acer", 26, 20_000, 900),
    Line("electronics.video.projector", "benq", 20, 17_020, 700),
    Line("auto.accessories.player", "pioneer", 200, 40_000, 4_100),
    Line("auto.accessories.player", "prology", 200, 15_000, 2_900),
    Line("auto.accessories.player", "kenwood", 150, 20_000, 2_700),
    Line("auto.accessories.player", "alpine", 173, 11_032, 2_400),
    Line("auto.accessories.videoregister", "neoline", 65, 10_000, 1_200),
    Line("auto.accessories.videoregister", "prology", 65, 5_000, 1_000),
    Line("auto.accessories.videoregister", None, 65, 10_000, 1_100),
    Line("auto.accessories.radar", "neoline", 98, 12_716, 1_700),
    Line("stationery.cartridge", "canon", 400, 15_000, 4_500),
    Line("stationery.cartridge", "epson", 154, 12_893, 2_300),
    Line("stationery.cartridge", "hp", 500, 20_000, 5_800),
    Line("stationery.cartridge", "cactus", 600, 25_000, 7_100),
    Line("stationery.cartridge", "brother", 135, 6_385, 1_700),
    Line("stationery.cartridge", None, 1_100, 30_000, 10_300),
    Line("stationery.paper", "svetocopy", 196, 6_408, 2_100),
    Line("construction.tools.drill", "makita", 65, 20_000, 1_500),
    Line("construction.tools.drill", "bosch", 65, 20_000, 1_500),
    Line("construction.tools.drill", None, 65, 11_000, 1_200),
    Line("construction.tools.saw", "makita", 52, 15_000, 1_200),
    Line("construction.tools.saw", "bosch", 46, 15_000, 1_100),
    Line("construction.tools.light", None, 196, 15_000, 2_600),
    Line("construction.tools.welding", "resanta", 39, 19_644, 1_100),
    Line("appliances.kitchen.kettle", "tefal", 196, 10_000, 2_500),
    Line("appliances.kitchen.kettle", None, 327, 14_000, 3_500),
    Line("appliances.environment.vacuum", "samsung", 57, 13_000, 1_200),
    Line("appliances.environment.vacuum", "philips", 73, 17_000, 1_600),
    Line("appliances.environment.vacuum", None, 65, 10_000, 1_100),
    Line("appliances.personal.hair_cutter", "philips", 164, 10_000, 2_200),
    Line("appliances.personal.hair_cutter", "braun", 164, 10_000, 2_200),
    Line("appliances.kitchen.microwave", "samsung", 65, 13_076, 1_300),
    Line("appliances.kitchen.microwave", "lg", 65, 13_000, 1_300),
    Line("furniture.office.chair", None, 26, 7_000, 500),
    Line("accessories.bag", None, 98, 4_674, 1_100),
    Line(None, None, 2_923, 111_000, 83_300),
    Line(None, "sven", 510, 20_000, 15_900),
    Line(None, "defender", 650, 20_000, 18_600),
    Line(None, "hp", 100, 5_000, 3_400),
    Line(None, "xiaomi", 700, 30_000, 22_600),
    Line(None, "huawei", 333, 15_000, 10_900),
    Line(None, "gembird", 550, 12_962, 14_400),
)


@dataclass(frozen=True)
class PlantedProduct:
    """A product viewed a lot and never carted or bought (the zero-conversion alert)."""

    category_code: str | None
    brand: str | None
    views: int


ZERO_CONVERSION_PRODUCTS: tuple[PlantedProduct, ...] = (
    PlantedProduct("computers.components.videocards", "msi", 1_150),
    PlantedProduct("electronics.telephone", "panasonic", 1_086),
    PlantedProduct("computers.peripherals.printer", "canon", 995),
    PlantedProduct("electronics.video.tv", "samsung", 946),
    PlantedProduct("computers.components.cpu", "intel", 891),
    PlantedProduct("computers.peripherals.monitor", "lg", 879),
    PlantedProduct("auto.accessories.player", "pioneer", 724),
    PlantedProduct(None, "xiaomi", 615),
    PlantedProduct("appliances.environment.vacuum", "philips", 610),
    PlantedProduct("computers.components.videocards", "gigabyte", 513),
)
