"""Schemathesis against the running demo API: generated requests never get a 5xx or a body
that contradicts the OpenAPI document, and invalid ones are refused with a client error.

The demo network is served over real HTTP by its own process (tests/demo_server.py); every
GET operation of /api/v3/openapi.json is exercised with a bounded number of examples, valid
and invalid, on a centre's hostname.
"""

from __future__ import annotations

import hypothesis
import pytest
import schemathesis
from hypothesis import HealthCheck, Phase
from schemathesis.checks import not_a_server_error
from schemathesis.config import SchemathesisConfig
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import (
    negative_data_rejection,
    response_schema_conformance,
)

from tests.demo_server import DEMO_HOSTS

# Examples per operation and mode: enough to reach every parameter, bounded for the CI budget.
EXAMPLES = 12
# Needs a live preview token (tests/headless/test_preview.py covers its bad input).
SKIPPED = ("/api/v3/preview/",)


@pytest.fixture(scope="module")
def api_schema(demo_server):
    config = SchemathesisConfig()
    config.projects.default.generation.update(modes=list(GenerationMode))
    # The C resolver does not resolve *.localhost: connect to loopback, name the site in Host.
    schema = schemathesis.openapi.from_url(
        f"http://127.0.0.1:{demo_server.port}/api/v3/openapi.json",
        config=config,
        headers={"Host": DEMO_HOSTS["socio"]},
    )
    return schema.include(method="GET")


def is_public(operation) -> bool:
    """Callable without a token: no security requirement, or the empty (anonymous) one."""
    security = operation.definition.raw.get("security")
    return not security or {} in security


def operations(schema):
    for result in schema.get_all_operations():
        operation = result.ok()
        if is_public(operation) and not operation.path.startswith(SKIPPED):
            yield operation


def test_generated_requests_never_fail_the_server_or_the_schema(api_schema, demo_server):
    base_url = f"http://127.0.0.1:{demo_server.port}/api/v3"
    checked = []
    failures = []

    for operation in operations(api_schema):

        @hypothesis.given(case=operation.as_strategy())
        @hypothesis.settings(
            max_examples=EXAMPLES,
            deadline=None,
            derandomize=True,
            database=None,
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        def exercise(case):
            case.call_and_validate(
                base_url=base_url,
                headers={"Host": DEMO_HOSTS["socio"]},
                checks=[not_a_server_error, response_schema_conformance, negative_data_rejection],
            )

        try:
            exercise()
        except Exception as failure:  # one report for every operation, not the first only
            failures.append(f"{operation.method.upper()} {operation.path}: {failure}")
        checked.append(operation.path)

    print("schemathesis checked", len(checked), "operations:", *checked)
    assert len(checked) >= 10, checked
    assert not failures, "\n\n".join(failures)
