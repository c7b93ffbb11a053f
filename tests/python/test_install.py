"""`pip install ./bindings/python` works offline: the package's own build backend needs nothing
from an index. A copy of the package with the built library beside it is installed into a fresh
virtual environment with --no-index and used from there."""

import os
import pathlib
import shutil
import subprocess
import sys

import pytest

from readiness import _ffi

PACKAGE = pathlib.Path(__file__).resolve().parents[2] / "bindings" / "python"


def test_pip_install_no_index_into_a_fresh_venv(tmp_path, example_path):
    source = tmp_path / "python"
    shutil.copytree(PACKAGE, source, ignore=shutil.ignore_patterns("__pycache__", "*.so*"))
    library = pathlib.Path(_ffi.lib._name).resolve()
    shutil.copy(library, source / "readiness" / "libreadiness.so.1")
    os.symlink("libreadiness.so.1", source / "readiness" / "libreadiness.so")
    venv = tmp_path / "venv"
    made = subprocess.run([sys.executable, "-m", "venv", str(venv)], capture_output=True,
                          text=True)
    if made.returncode != 0:
        pytest.skip(f"no venv for {sys.executable}: {made.stderr.strip()[:200]}")
    python = venv / "bin" / "python"
    env = {k: v for k, v in os.environ.items() if k not in ("READINESS_LIBRARY", "PYTHONPATH")}
    env["PIP_NO_INDEX"] = "1"
    installed = subprocess.run([str(python), "-m", "pip", "install", "--no-index", str(source)],
                               capture_output=True, text=True, env=env, cwd=tmp_path)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    used = subprocess.run(
        [str(python), "-c",
         "import readiness, sys\n"
         "p = readiness.Plan.load(sys.argv[1])\n"
         "print(readiness._ffi.lib._name)\n"
         "print(readiness.batch_rank(p, [{'id': 'a', 'items': {}}], quota='10%').inside)\n",
         str(example_path)], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert used.returncode == 0, used.stderr
    loaded, inside = used.stdout.split()
    assert loaded.startswith(str(venv)), loaded  # the library installed with the package
    assert inside == "1"
    files = sorted(p.name for p in pathlib.Path(loaded).parent.iterdir())
    assert [f for f in files if f.startswith("libreadiness")] == ["libreadiness.so.1"]
