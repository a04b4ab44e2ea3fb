"""The loader, the ABI check and the function table."""
import ctypes
import ctypes.util
import os
import re
import subprocess
import sys
import unittest

import jbw
from jbw import _lib

from .support import BINDINGS, source_root


def import_with_env(**env):
    """Imports jbw in a fresh interpreter with the given environment."""
    e = dict(os.environ)
    e.update(env)
    e["PYTHONPATH"] = BINDINGS
    return subprocess.run([sys.executable, "-c", "import jbw; print(jbw.library_path)"],
                          capture_output=True, text=True, env=e, timeout=60)


def header_functions():
    """Every function the public headers export (JBW_API ... jbw_x()."""
    root = source_root()
    names = set()
    inc = os.path.join(root, "include", "jbw")
    for name in os.listdir(inc):
        if name.endswith(".h"):
            with open(os.path.join(inc, name), encoding="utf-8") as f:
                text = f.read()
            names.update(re.findall(r"JBW_API\b[^;(]*?\b(jbw_[a-z0-9_]+)\s*\(", text))
    return names


def header_prototypes():
    """{name: (return type, [parameter types])} from the public headers."""
    root = source_root()
    protos = {}
    inc = os.path.join(root, "include", "jbw")
    for name in os.listdir(inc):
        if not name.endswith(".h"):
            continue
        with open(os.path.join(inc, name), encoding="utf-8") as f:
            text = re.sub(r"/\*.*?\*/", " ", f.read(), flags=re.S)
        for m in re.finditer(r"JBW_API\s+([^;(]*?)\b(jbw_\w+)\s*\(([^;]*?)\)\s*;", text, re.S):
            ret = " ".join(m.group(1).split())
            params = [" ".join(p.split()) for p in m.group(3).split(",")]
            params = [] if params == ["void"] else params
            # drop the parameter name, keep the type
            types = [re.sub(r"\b\w+$", "", p).strip() if not p.endswith("*") else p
                     for p in params]
            protos[m.group(2)] = (ret, types)
    return protos


SCALARS = {
    "size_t": ctypes.c_size_t, "int": ctypes.c_int, "unsigned int": ctypes.c_uint,
    "double": ctypes.c_double, "int32_t": ctypes.c_int32, "jbw_date": ctypes.c_int32,
    "uint32_t": ctypes.c_uint32, "uint64_t": ctypes.c_uint64, "jbw_status": ctypes.c_int,
}
ENUMS = {"jbw_kind", "jbw_safety", "jbw_placement", "jbw_jr_risk", "jbw_holiday_kind",
         "jbw_unit", "jbw_load_status", "jbw_group", "jbw_band", "jbw_item", "jbw_lang",
         "jbw_measure_state", "jbw_statistic", "jbw_basis", "jbw_brief_format",
         "jbw_yesno", "jbw_model_format",
         "jbw_calendar_preset", "jbw_finding_rule"}
FUNCTION_POINTERS = {"jbw_malloc_fn", "jbw_realloc_fn", "jbw_free_fn"}


def ctype_matches(c_type, py_type):
    c_type = c_type.replace("const ", "").strip()
    if "*" in c_type or c_type in FUNCTION_POINTERS:
        return (py_type in (ctypes.c_void_p, ctypes.c_char_p)
                or issubclass(py_type, ctypes._Pointer))
    if c_type in ENUMS:
        return py_type is ctypes.c_int
    return SCALARS.get(c_type) is py_type


class Loader(unittest.TestCase):
    def test_loaded_library_has_the_abi_major_the_bindings_need(self):
        self.assertEqual(jbw.abi_major(), _lib.ABI_MAJOR)
        self.assertEqual(_lib.ABI_MAJOR, 0)

    def test_version_string_and_number_agree(self):
        major, minor, patch = (int(x) for x in jbw.version().split("."))
        self.assertEqual(jbw.version_number(), major * 10000 + minor * 100 + patch)
        self.assertGreaterEqual((major, minor, patch), _lib.MIN_VERSION)

    def test_library_path_is_reported(self):
        self.assertTrue(jbw.library_path)

    def test_a_wrong_JBW_LIBRARY_is_one_import_error_naming_it_and_the_version(self):
        p = import_with_env(JBW_LIBRARY="/nonexistent/libjbw.so")
        self.assertNotEqual(p.returncode, 0)
        self.assertIn("ImportError", p.stderr)
        self.assertIn("/nonexistent/libjbw.so", p.stderr)
        self.assertIn("ABI major 0", p.stderr)
        self.assertIn("0.2.0", p.stderr)

    def test_a_library_that_is_not_libjbw_is_refused(self):
        libm = ctypes.util.find_library("m")
        if not libm:
            self.skipTest("no libm to try")
        p = import_with_env(JBW_LIBRARY=libm)
        self.assertNotEqual(p.returncode, 0)
        self.assertIn("not libjbw", p.stderr)

    def test_JBW_LIBRARY_is_used_when_set(self):
        p = import_with_env(JBW_LIBRARY=jbw.library_path)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(p.stdout.strip(), jbw.library_path)


class FunctionTable(unittest.TestCase):
    def test_every_table_function_is_exported_by_the_library(self):
        self.assertEqual(_lib.MISSING, [])

    def test_every_public_header_function_is_bound(self):
        if source_root() is None:
            self.skipTest("headers not available (installed bindings)")
        names = header_functions()
        self.assertGreater(len(names), 150)
        unbound = sorted(n for n in names if not hasattr(_lib.C, n))
        self.assertEqual(unbound, [])

    def test_argtypes_and_restype_match_the_header_prototypes(self):
        if source_root() is None:
            self.skipTest("headers not available (installed bindings)")
        for name, (ret, params) in sorted(header_prototypes().items()):
            with self.subTest(name):
                f = getattr(_lib.C, name)
                self.assertEqual(len(f.argtypes), len(params))
                for c_type, py_type in zip(params, f.argtypes):
                    self.assertTrue(ctype_matches(c_type, py_type), f"{c_type} vs {py_type}")
                if ret == "void":
                    self.assertIsNone(f.restype)
                else:
                    self.assertTrue(ctype_matches(ret, f.restype), f"{ret} vs {f.restype}")
                    if ret == "jbw_status":
                        self.assertIs(f.errcheck, _lib._errcheck)

    def test_status_functions_raise_and_others_do_not_check(self):
        self.assertIs(_lib.C.jbw_date_parse.errcheck, _lib._errcheck)
        self.assertEqual(_lib.C.jbw_date_parse.restype, ctypes.c_int)
        self.assertIsNone(getattr(_lib.C.jbw_date_weekday, "errcheck", None))

    def test_the_date_none_constant_is_the_library_s(self):
        self.assertEqual(_lib.C.jbw_date_none(), jbw.DATE_NONE)

    def test_set_allocator_is_bound_and_refuses_a_partial_set(self):
        # Not wrapped idiomatically: it must run before any other libjbw call,
        # and Python allocation callbacks would hold the GIL on every
        # allocation. A partial set is refused and changes nothing.
        hook = ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_size_t, ctypes.c_void_p)(lambda n, u: None)
        with self.assertRaises(jbw.InvalidArgument):
            _lib.C.jbw_set_allocator(ctypes.cast(hook, ctypes.c_void_p), None, None, None)
        self.assertEqual(jbw.Norm().caseload_per_fte, 12.0)   # still allocates

    def test_every_function_has_argtypes(self):
        for name in vars(_lib.C):
            f = getattr(_lib.C, name)
            self.assertIsNotNone(f.argtypes, name)


if __name__ == "__main__":
    unittest.main()
