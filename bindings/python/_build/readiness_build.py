"""The package's own PEP 517 build backend: standard library only, so `pip install
./bindings/python` needs nothing from an index and works offline (with setuptools as the backend,
pip's isolated build first has to download it).

It builds a wheel of the `readiness` package plus a libreadiness copied beside it (see README):
each distinct library file once, under the name the package loads first. With a library the wheel
is tagged for this platform, without one it is pure Python.
"""

import base64
import hashlib
import io
import os
import re
import sysconfig
import tarfile
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PACKAGE = "readiness"
# The names readiness/_ffi.py tries, best first.
LIBRARY_NAMES = ["libreadiness.so.1", "libreadiness.so", "libreadiness.1.dylib",
                 "libreadiness.dylib", "readiness.dll"]
LIBRARY_PATTERN = re.compile(r"^(libreadiness\.so.*|libreadiness.*\.dylib|readiness\.dll)$")


def _project():
    """name, version, summary and requires-python from pyproject.toml's [project] table."""
    with open(os.path.join(ROOT, "pyproject.toml"), encoding="utf-8") as f:
        text = f.read()
    table = text.split("[project]", 1)[1].split("\n[", 1)[0]
    fields = dict(re.findall(r'^([A-Za-z-]+)\s*=\s*"([^"]*)"', table, re.M))
    return fields["name"], fields["version"], fields.get("description", ""), \
        fields.get("requires-python", "")


def _metadata():
    name, version, summary, requires = _project()
    lines = ["Metadata-Version: 2.1", f"Name: {name}", f"Version: {version}",
             f"Summary: {summary}"]
    if requires:
        lines.append(f"Requires-Python: {requires}")
    lines.append("Description-Content-Type: text/markdown")
    with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as f:
        return "\n".join(lines) + "\n\n" + f.read()


def _package_files():
    """(path in the wheel, bytes) of the package's Python files."""
    out = []
    folder = os.path.join(ROOT, PACKAGE)
    for name in sorted(os.listdir(folder)):
        if name.endswith(".py"):
            with open(os.path.join(folder, name), "rb") as f:
                out.append((f"{PACKAGE}/{name}", f.read()))
    return out


def _library_files():
    """(path in the wheel, bytes) of each distinct library file beside the package, once, under
    its best name (symbolic links to one file are one file)."""
    folder = os.path.join(ROOT, PACKAGE)
    by_target = {}
    for name in sorted(os.listdir(folder)):
        if LIBRARY_PATTERN.match(name):
            by_target.setdefault(os.path.realpath(os.path.join(folder, name)), []).append(name)

    def rank(name):
        return LIBRARY_NAMES.index(name) if name in LIBRARY_NAMES else len(LIBRARY_NAMES)

    out = []
    for target, names in sorted(by_target.items()):
        with open(target, "rb") as f:
            out.append((f"{PACKAGE}/{min(names, key=rank)}", f.read()))
    return out


def _tag(has_library):
    if not has_library:
        return "py3-none-any"
    return "py3-none-" + sysconfig.get_platform().replace("-", "_").replace(".", "_")


def _digest(data):
    return "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=") \
        .decode("ascii")


def get_requires_for_build_wheel(config_settings=None):
    return []


def get_requires_for_build_sdist(config_settings=None):
    return []


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    name, version, _, _ = _project()
    libraries = _library_files()
    tag = _tag(bool(libraries))
    dist_info = f"{name}-{version}.dist-info"
    wheel_name = f"{name}-{version}-{tag}.whl"
    files = _package_files() + libraries
    files.append((f"{dist_info}/METADATA", _metadata().encode("utf-8")))
    files.append((f"{dist_info}/WHEEL", (
        "Wheel-Version: 1.0\nGenerator: readiness_build\n"
        f"Root-Is-Purelib: {'false' if libraries else 'true'}\nTag: {tag}\n").encode("ascii")))
    record = "".join(f"{path},{_digest(data)},{len(data)}\n" for path, data in files)
    record += f"{dist_info}/RECORD,,\n"
    files.append((f"{dist_info}/RECORD", record.encode("utf-8")))
    with zipfile.ZipFile(os.path.join(wheel_directory, wheel_name), "w",
                         zipfile.ZIP_DEFLATED) as wheel:
        for path, data in files:
            info = zipfile.ZipInfo(path, date_time=(1980, 1, 1, 0, 0, 0))
            info.external_attr = (0o755 if LIBRARY_PATTERN.match(os.path.basename(path))
                                  else 0o644) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            wheel.writestr(info, data)
    return wheel_name


def build_sdist(sdist_directory, config_settings=None):
    name, version, _, _ = _project()
    base = f"{name}-{version}"
    sdist_name = f"{base}.tar.gz"
    with tarfile.open(os.path.join(sdist_directory, sdist_name), "w:gz") as sdist:
        for rel in ["pyproject.toml", "README.md", "_build/readiness_build.py"] + \
                [path for path, _ in _package_files()]:
            sdist.add(os.path.join(ROOT, rel), arcname=f"{base}/{rel}")
        metadata = _metadata().encode("utf-8")
        info = tarfile.TarInfo(f"{base}/PKG-INFO")
        info.size = len(metadata)
        sdist.addfile(info, io.BytesIO(metadata))
    return sdist_name
