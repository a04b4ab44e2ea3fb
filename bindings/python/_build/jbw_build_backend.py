"""PEP 517 build backend of the jbw bindings.

setuptools builds the wheel when it can (setuptools >= 70.1, or an older one
with the `wheel` package). Otherwise, so that
``pip install --no-build-isolation bindings/python`` works offline with
nothing but the standard library, this module writes the wheel of the
pure-Python package itself: the files of jbw/, a METADATA from
pyproject.toml, WHEEL and RECORD (PEP 427). Editable installs get a .pth
file pointing at this directory (PEP 660).
"""
import base64
import hashlib
import io
import os
import re
import tarfile
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _setuptools():
    """setuptools.build_meta when it can build a wheel here, else None."""
    try:
        import setuptools
        import setuptools.build_meta as backend
    except ImportError:
        return None
    try:
        import wheel  # noqa: F401  (bdist_wheel of setuptools < 70.1)
        return backend
    except ImportError:
        pass
    version = tuple(int(x) for x in re.findall(r"\d+", setuptools.__version__)[:2])
    return backend if version >= (70, 1) else None


def _project():
    """name, version, description, requires-python and readme from pyproject.toml."""
    with open(os.path.join(ROOT, "pyproject.toml"), encoding="utf-8") as f:
        text = f.read()
    section = text.split("[project]", 1)[1].split("\n[", 1)[0]

    def value(key):
        m = re.search(rf'^{re.escape(key)}\s*=\s*"([^"]*)"', section, re.M)
        return m.group(1) if m else ""
    return {k: value(k) for k in ("name", "version", "description", "requires-python", "readme")}


def _metadata(p):
    lines = ["Metadata-Version: 2.1", f"Name: {p['name']}", f"Version: {p['version']}",
             f"Summary: {p['description']}", "License: MIT"]
    if p["requires-python"]:
        lines.append(f"Requires-Python: {p['requires-python']}")
    lines.append("Provides-Extra: pandas")
    lines.append('Requires-Dist: pandas; extra == "pandas"')
    readme = os.path.join(ROOT, p["readme"] or "README.md")
    body = ""
    if os.path.isfile(readme):
        lines.append("Description-Content-Type: text/markdown")
        with open(readme, encoding="utf-8") as f:
            body = f.read()
    return "\n".join(lines) + "\n\n" + body


def _package_files():
    out = []
    pkg = os.path.join(ROOT, "jbw")
    for name in sorted(os.listdir(pkg)):
        if name.endswith(".py") or name == "py.typed":
            out.append((f"jbw/{name}", os.path.join(pkg, name)))
    return out


def _write_wheel(directory, files):
    """files: [(archive name, bytes)]; returns the wheel's file name."""
    p = _project()
    dist = f"{p['name']}-{p['version']}"
    info = f"{dist}.dist-info"
    files = list(files) + [
        (f"{info}/METADATA", _metadata(p).encode("utf-8")),
        (f"{info}/WHEEL", b"Wheel-Version: 1.0\nGenerator: jbw_build_backend\n"
                          b"Root-Is-Purelib: true\nTag: py3-none-any\n"),
        (f"{info}/top_level.txt", b"jbw\n"),
    ]
    record = []
    for name, data in files:
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=")
        record.append(f"{name},sha256={digest.decode()},{len(data)}")
    record.append(f"{info}/RECORD,,")
    filename = f"{dist}-py3-none-any.whl"
    with zipfile.ZipFile(os.path.join(directory, filename), "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files:
            z.writestr(name, data)
        z.writestr(f"{info}/RECORD", "\n".join(record) + "\n")
    return filename


def _read(path):
    with open(path, "rb") as f:
        return f.read()


# ---- PEP 517 / PEP 660 hooks -------------------------------------------------

def get_requires_for_build_wheel(config_settings=None):
    st = _setuptools()
    return st.get_requires_for_build_wheel(config_settings) if st else []


def get_requires_for_build_sdist(config_settings=None):
    return []


def get_requires_for_build_editable(config_settings=None):
    return []


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    st = _setuptools()
    if st:
        return st.build_wheel(wheel_directory, config_settings, metadata_directory)
    return _write_wheel(wheel_directory, [(n, _read(p)) for n, p in _package_files()])


def build_editable(wheel_directory, config_settings=None, metadata_directory=None):
    return _write_wheel(wheel_directory, [("jbw_editable.pth", (ROOT + "\n").encode())])


def build_sdist(sdist_directory, config_settings=None):
    p = _project()
    dist = f"{p['name']}-{p['version']}"
    filename = f"{dist}.tar.gz"
    with tarfile.open(os.path.join(sdist_directory, filename), "w:gz") as tar:
        for rel in ["pyproject.toml", "README.md", "_build/jbw_build_backend.py"] + \
                [n for n, _ in _package_files()]:
            path = os.path.join(ROOT, rel)
            if os.path.isfile(path):
                tar.add(path, arcname=f"{dist}/{rel}")
        info = tarfile.TarInfo(f"{dist}/PKG-INFO")
        data = _metadata(p).encode("utf-8")
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
    return filename
