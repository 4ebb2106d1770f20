"""Published results on the Curtois & Qu instances 1-24, to print beside the engine's.

Figures copied from `shared/data/curtois/BEST_KNOWN.md` (which cites its sources):
- best known solution and lower bound: schedulingbenchmarks.org's table as snapshotted on
  or before 2022-02-08 (table A);
- IP&VNS (hybrid integer programming and variable neighbourhood search, Rahimian et al.
  2017b) after 10 and 60 minutes: table C for instances 1-19, and for the 60-minute figure of
  instances 20-24, Strandmark, Qu & Curtois (2020) table 5 (3600 s). None is known for 10
  minutes on 20-24. Instance 23's 3794 is kept as printed although the paper says it "is not
  possible".
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Published:
    best_known: int
    lower_bound: int
    ipvns_10min: int | None
    ipvns_60min: int | None

    @property
    def proven(self) -> bool:
        return self.best_known == self.lower_bound


PUBLISHED: dict[int, Published] = {
    1: Published(607, 607, 607, 607),
    2: Published(828, 828, 828, 828),
    3: Published(1001, 1001, 1001, 1001),
    4: Published(1716, 1716, 1716, 1716),
    5: Published(1143, 1143, 1143, 1143),
    6: Published(1950, 1950, 1950, 1950),
    7: Published(1056, 1056, 1056, 1056),
    8: Published(1300, 1300, 1364, 1344),
    9: Published(439, 439, 439, 439),
    10: Published(4631, 4631, 4631, 4631),
    11: Published(3443, 3443, 3443, 3443),
    12: Published(4040, 4040, 4042, 4040),
    13: Published(1348, 1348, 3109, 1905),
    14: Published(1278, 1278, 1281, 1279),
    15: Published(3831, 3829, 4144, 3928),
    16: Published(3225, 3225, 3306, 3225),
    17: Published(5746, 5746, 5760, 5750),
    18: Published(4459, 4459, 5049, 4662),
    19: Published(3149, 3149, 3974, 3224),
    20: Published(4769, 4769, None, 4913),
    21: Published(21133, 21133, None, 23191),
    22: Published(30244, 30240, None, 32126),
    23: Published(17428, 16990, None, 3794),
    24: Published(42463, 26571, None, 2281440),
}
