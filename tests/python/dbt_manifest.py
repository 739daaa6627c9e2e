"""The dbt manifest (target/manifest.json, and the semantic manifest beside it), for checks over
the project's declarations.

`make test` runs `dbt parse` and a CI build before pytest, both of which write it; run alone,
pytest parses the project first if the file is missing.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from scripts.inputs import PROJECT_ROOT

MANIFEST = PROJECT_ROOT / "target" / "manifest.json"
# What `mf` reads: the semantic models, metrics and time spine, written beside the manifest.
SEMANTIC_MANIFEST = PROJECT_ROOT / "target" / "semantic_manifest.json"


def load_manifest() -> dict:
    if not (MANIFEST.exists() and SEMANTIC_MANIFEST.exists()):
        dbt = Path(sys.executable).with_name("dbt")
        subprocess.run([str(dbt), "parse", "--target", "ci", "--quiet"], cwd=PROJECT_ROOT, check=True)
    return json.loads(MANIFEST.read_text(encoding="utf-8"))


def mart_nodes(manifest: dict) -> dict[str, dict]:
    """unique_id -> node for every model under models/marts/."""
    return {
        unique_id: node
        for unique_id, node in manifest["nodes"].items()
        if node["resource_type"] == "model" and node["original_file_path"].startswith("models/marts/")
    }


def published_nodes(manifest: dict) -> dict[str, dict]:
    """unique_id -> node for every model published in the warehouse BI tools open (database
    `marts`): the marts, and the semantic layer's time spine."""
    return {
        unique_id: node
        for unique_id, node in manifest["nodes"].items()
        if node["resource_type"] == "model" and node["database"] == "marts"
    }
