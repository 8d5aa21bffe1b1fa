"""The whole test session (the suite, the package's doctests and the documentation's examples) uses a store of
its own: the default store is $GIMATCH_DB, pointed here at a temporary file, never the user's cache."""

import os
import tempfile

os.environ["GIMATCH_DB"] = os.path.join(tempfile.mkdtemp(prefix="gimatch-test-"), "default.db")
