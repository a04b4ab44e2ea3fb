"""Status codes become jbw.Error subclasses carrying the library's message."""
import pickle
import unittest

import jbw
from jbw import errors


class Mapping(unittest.TestCase):
    EXPECTED = {
        -1: (jbw.InvalidArgument, ValueError),
        -2: (jbw.OutOfMemory, MemoryError),
        -3: (jbw.RangeError, ValueError),
        -4: (jbw.ParseError, ValueError),
        -5: (jbw.NotFound, LookupError),
        -6: (jbw.Duplicate, ValueError),
        -7: (jbw.VersionError, jbw.Error),
        -8: (jbw.JbwIOError, OSError),
        -9: (jbw.ProtectedAttribute, ValueError),
        -10: (jbw.BufferTooSmall, jbw.Error),
        -11: (jbw.Canceled, jbw.Error),
    }

    def test_each_status_code_has_its_class(self):
        for code, (cls, builtin) in self.EXPECTED.items():
            with self.subTest(code):
                self.assertIs(errors.error_class(code), cls)
                self.assertTrue(issubclass(cls, jbw.Error))
                self.assertTrue(issubclass(cls, builtin))
                self.assertEqual(cls.status, code)

    def test_an_unknown_code_maps_to_the_base_class(self):
        self.assertIs(errors.error_class(-99), jbw.Error)

    def test_the_range_error_does_not_shadow_a_builtin(self):
        import builtins
        for cls in self.EXPECTED.values():
            self.assertFalse(hasattr(builtins, cls[0].__name__), cls[0].__name__)

    def test_strerror_gives_static_text_for_every_code(self):
        self.assertEqual(jbw.strerror(-1), "invalid argument")
        for code in self.EXPECTED:
            self.assertTrue(jbw.strerror(code))
        self.assertEqual(jbw.strerror(-99), "unknown error")


class Messages(unittest.TestCase):
    def test_a_bad_date_raises_parse_error_quoting_the_text(self):
        with self.assertRaises(jbw.ParseError) as cm:
            jbw.parse_date("31-02-2025")
        e = cm.exception
        self.assertEqual(e.status, -4)
        # the reason first, then the text it refused
        self.assertEqual(
            e.detail, "not a date, February 2025 has 28 days: '31-02-2025'")
        self.assertIn("31-02-2025", str(e))
        self.assertEqual(e.strerror, jbw.strerror(-4))

    def test_the_message_is_the_thread_last_error_of_the_failing_call(self):
        with self.assertRaises(jbw.RangeError) as cm:
            jbw.make_date(2300, 1, 1)
        self.assertEqual(cm.exception.detail, jbw.last_error())
        self.assertIn("2300", cm.exception.detail)
        jbw.clear_error()
        self.assertEqual(jbw.last_error(), "")

    def test_a_missing_file_is_an_OSError_naming_the_path(self):
        with self.assertRaises(OSError) as cm:
            jbw.read_file("/nonexistent/dir/measures.csv")
        self.assertIsInstance(cm.exception, jbw.JbwIOError)
        self.assertIn("/nonexistent/dir/measures.csv", str(cm.exception))
        self.assertIsNone(cm.exception.errno)

    def test_errors_pickle_with_their_message(self):
        with self.assertRaises(jbw.ParseError) as cm:
            jbw.parse_date("x")
        e = cm.exception
        copy = pickle.loads(pickle.dumps(e))
        self.assertIs(type(copy), jbw.ParseError)
        self.assertEqual(str(copy), str(e))
        self.assertEqual(copy.status, -4)

    def test_repr_shows_the_class_and_message(self):
        e = errors.make_error(-5, "region 'XX' is not in the registry", "not found")
        self.assertEqual(repr(e), "NotFound(\"not found: region 'XX' is not in the registry\")")


if __name__ == "__main__":
    unittest.main()


class Limits(unittest.TestCase):
    """The readers' limits (docs/formats.md, "Limits") from Python."""
    MEASURES = ("id,child_id,kind,organisation,region,start\n"
                "M1,C1,OTS,JBWEST,ZHZ,2025-01-10\n"
                "M2,C" + "2" * 200 + ",OTS,JBWEST,ZHZ,2025-01-10\n")
    WORKERS = "id,organisation,fte,hired\n"

    def test_a_line_past_max_line_bytes_is_a_range_error_naming_it(self):
        # line 3 before its LF: "M2,C" 4 + 200 digits + ",OTS" 4 + ",JBWEST" 7
        # + ",ZHZ" 4 + ",2025-01-10" 11 = 230 bytes
        with self.assertRaises(jbw.RangeError) as cm:
            jbw.Snapshot.from_csv(self.MEASURES, self.WORKERS,
                                  reference_date="2025-09-01", max_line_bytes=229)
        self.assertIn("line 3", str(cm.exception))
        snap = jbw.Snapshot.from_csv(self.MEASURES, self.WORKERS,
                                     reference_date="2025-09-01", max_line_bytes=230)
        self.assertEqual(len(snap.measures()), 2)

    def test_a_text_past_max_file_bytes_is_a_range_error(self):
        size = len(self.MEASURES.encode())
        with self.assertRaises(jbw.RangeError):
            jbw.Snapshot.from_csv(self.MEASURES, self.WORKERS,
                                  reference_date="2025-09-01",
                                  max_file_bytes=size - 1)

    def test_limits_are_whole_numbers_from_1(self):
        for bad, exc in ((0, ValueError), (-5, ValueError), (1.5, TypeError),
                         ("10", TypeError), (True, TypeError)):
            with self.subTest(bad=bad), self.assertRaises(exc):
                jbw.Snapshot.from_csv(self.MEASURES, self.WORKERS,
                                      reference_date="2025-09-01",
                                      max_line_bytes=bad)
