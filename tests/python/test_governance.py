"""House governance, checked on the dbt manifest: every mart is described (and each of its
columns), has a primary-key test and an enforced contract; exposures depend on marts only.
And the README stays a map that links its figures.
"""

from __future__ import annotations

import pytest

from scripts.inputs import PROJECT_ROOT
from tests.python.dbt_manifest import load_manifest, mart_nodes


@pytest.fixture(scope="module")
def manifest() -> dict:
    return load_manifest()


@pytest.fixture(scope="module")
def marts(manifest: dict) -> dict[str, dict]:
    found = mart_nodes(manifest)
    assert len(found) >= 20, "the marts are missing from the manifest"
    return found


def test_every_mart_and_column_is_described(marts: dict[str, dict]):
    problems = []
    for unique_id, node in sorted(marts.items()):
        if not node["description"].strip():
            problems.append(f"{unique_id}: no description")
        if not node["columns"]:
            problems.append(f"{unique_id}: no column documented")
        for name, column in node["columns"].items():
            if not column["description"].strip():
                problems.append(f"{unique_id}.{name}: no description")
    assert not problems, "\n".join(problems)


def test_every_mart_has_an_enforced_contract(marts: dict[str, dict]):
    missing = [unique_id for unique_id, node in marts.items() if not node["config"]["contract"]["enforced"]]
    assert not missing, missing
    untyped = [
        f"{unique_id}.{name}"
        for unique_id, node in marts.items()
        for name, column in node["columns"].items()
        if not column.get("data_type")
    ]
    assert not untyped, untyped


def test_every_mart_has_a_primary_key_test(manifest: dict, marts: dict[str, dict]):
    keyed = {
        node.get("attached_node")
        for node in manifest["nodes"].values()
        if node["resource_type"] == "test" and (node.get("test_metadata") or {}).get("name") == "primary_key"
    }
    missing = sorted(set(marts) - keyed)
    assert not missing, f"marts with no primary_key test: {missing}"


# Marts published without a PRIMARY KEY constraint, each for the reason in its YAML.
UNCONSTRAINED_MARTS = {
    "model.ecommerce_analytics.events_cleaned",
    "model.ecommerce_analytics.user_summary",
}


def test_every_mart_declares_its_primary_key_in_the_contract(manifest: dict, marts: dict[str, dict]):
    """The contract's primary_key constraint (published as the table's PRIMARY KEY) names the
    same columns as one of the mart's primary_key tests, so the two cannot drift apart."""
    tested: dict[str, list[list[str]]] = {}
    for node in manifest["nodes"].values():
        if node["resource_type"] == "test" and (node.get("test_metadata") or {}).get("name") == "primary_key":
            tested.setdefault(node["attached_node"], []).append(node["test_metadata"]["kwargs"]["columns"])
    problems = []
    for unique_id, node in sorted(marts.items()):
        declared = [
            constraint["columns"] for constraint in node["constraints"] if constraint["type"] == "primary_key"
        ]
        if unique_id in UNCONSTRAINED_MARTS:
            if declared:
                problems.append(f"{unique_id}: listed as unconstrained but declares {declared}")
            continue
        if len(declared) != 1 or declared[0] not in tested.get(unique_id, []):
            problems.append(
                f"{unique_id}: contract primary key {declared}, primary_key tests {tested.get(unique_id)}"
            )
    assert not problems, "\n".join(problems)


def test_exposures_depend_on_marts_only(manifest: dict, marts: dict[str, dict]):
    exposures = manifest["exposures"]
    assert exposures, "no exposure declared"
    for unique_id, exposure in exposures.items():
        assert exposure["type"] in {"dashboard", "analysis", "notebook", "application", "ml"}, unique_id
        assert exposure["description"].strip(), unique_id
        outside = [node for node in exposure["depends_on"]["nodes"] if node not in marts]
        assert not outside, f"{unique_id} reads non-mart nodes: {outside}"


def test_every_mart_is_public_and_owned(manifest: dict, marts: dict[str, dict]):
    """Marts are the public interface, each in a group with an owner (models/marts/_groups.yml)."""
    groups = manifest["groups"]
    problems = []
    for unique_id, node in sorted(marts.items()):
        group = node["config"].get("group")
        if node["access"] != "public":
            problems.append(f"{unique_id}: access {node['access']}, not public")
        if not group or f"group.ecommerce_analytics.{group}" not in groups:
            problems.append(f"{unique_id}: no group")
        elif not any(
            groups[f"group.ecommerce_analytics.{group}"]["owner"].get(key) for key in ("name", "email")
        ):
            problems.append(f"{unique_id}: group {group} has no owner")
    assert not problems, "\n".join(problems)


def test_layers_run_one_way(manifest: dict, marts: dict[str, dict]):
    """Marts read intermediate models. A mart reading staging or another mart must say why in
    its YAML (config meta layering_exception); intermediate models never read marts."""
    nodes = manifest["nodes"]

    def layer(unique_id: str) -> str:
        node = nodes.get(unique_id)
        if node is None or node["resource_type"] != "model":
            return "other"
        return node["original_file_path"].split("/")[1]  # models/<layer>/...

    problems = []
    for unique_id, node in sorted(nodes.items()):
        if node["resource_type"] != "model":
            continue
        parents = {parent: layer(parent) for parent in node["depends_on"]["nodes"]}
        if layer(unique_id) == "intermediate" and "marts" in parents.values():
            problems.append(f"{unique_id} reads a mart")
        if unique_id in marts:
            shortcuts = [parent for parent, kind in parents.items() if kind in ("staging", "marts")]
            if shortcuts and not node["config"].get("meta", {}).get("layering_exception"):
                problems.append(f"{unique_id} reads {shortcuts} without a layering_exception")
    assert not problems, "\n".join(problems)


def test_every_project_macro_is_documented(manifest: dict):
    """Each macro of the project has a description and its arguments in a macros/**/_macros.yml."""
    problems = []
    for _unique_id, macro in sorted(manifest["macros"].items()):
        if macro["package_name"] != "ecommerce_analytics":
            continue
        if not macro["description"].strip():
            problems.append(f"{macro['name']} ({macro['original_file_path']}): no description")
        documented = {argument["name"] for argument in macro["arguments"]}
        declared = set(macro["macro_sql"].split("(", 1)[1].split(")", 1)[0].replace(" ", "").split(",")) - {
            ""
        }
        declared = {name.split("=")[0] for name in declared}
        if documented != declared:
            problems.append(f"{macro['name']}: arguments {sorted(declared)}, documented {sorted(documented)}")
    assert not problems, f"{len(problems)} macro(s) undocumented:\n" + "\n".join(problems)


def test_the_readme_is_a_map_and_links_the_figures():
    """House rule: the README is a map for users, at most 120 lines, with no figures of its own:
    they live in PERFORMANCE.md, which `make benchmark` writes (scripts/benchmark.py)."""
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    assert len(readme.splitlines()) <= 120, f"README.md has {len(readme.splitlines())} lines, at most 120"
    assert "(PERFORMANCE.md)" in readme, "README.md does not link PERFORMANCE.md"
    assert (PROJECT_ROOT / "PERFORMANCE.md").exists(), "no PERFORMANCE.md: run make benchmark"
