import pytest
import pytest_examples.run_code


@pytest.fixture(autouse=True, scope="session")
def _plain_example_tracebacks():
    """Keep an example's own traceback when it raises.

    pytest-examples rewrites the traceback of an exception raised by an example with
    code that reads `co_lnotab`, which on Python 3.11 turns the failure into a pytest
    INTERNALERROR. The snippet test reports file and line itself instead.
    """
    original = pytest_examples.run_code.create_example_traceback
    pytest_examples.run_code.create_example_traceback = lambda *args: None
    yield
    pytest_examples.run_code.create_example_traceback = original
