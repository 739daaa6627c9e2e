"""A hostile events file: every line defect the models quarantine, and the valid values that
break naive code, planted at the start, in the middle and at the end of a file larger than
DuckDB's CSV sniffer sample, with a manifest of what was planted.

    python -m scripts.synthetic.hostile --help
    python -m scripts.generate_sample hostile --events-path data/hostile/events.csv

`cases` lists what is planted and the reason each line must get; `writer` assembles the file.
"""

from scripts.synthetic.hostile.writer import write

__all__ = ["write"]
