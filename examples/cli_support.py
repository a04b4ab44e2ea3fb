"""What the tests of the jbw command share (test_cli.py, test_cli_brief.py):
the command under test and a directory to write in, both from the command
line, and running the command with its exit status checked.

usage of a test file: python3 test_x.py PATH_TO_JBW WORK_DIR
"""
import os
import subprocess
import sys
import unittest

JBW = None   # the jbw command under test
WORK = None  # a directory the tests may write in


def run(*args, check_rc=0, cwd=None, timeout=300):
    """Runs jbw with `args` (stdin empty) and returns the finished process;
    with check_rc not None, an exit status other than check_rc fails the
    test, showing the start of stdout and stderr."""
    p = subprocess.run([JBW, *args], capture_output=True, text=True,
                       stdin=subprocess.DEVNULL, timeout=timeout, cwd=cwd)
    if check_rc is not None and p.returncode != check_rc:
        raise AssertionError(
            f"jbw {' '.join(args)}: exit {p.returncode}, expected {check_rc}\n"
            f"stdout: {p.stdout[:2000]}\nstderr: {p.stderr[:2000]}")
    return p


def work_file(name, text):
    """Writes `text` (UTF-8) to the file `name` in WORK; returns its path."""
    path = os.path.join(WORK, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


def main():
    """Takes JBW and WORK from the command line and runs the tests of the
    calling script."""
    global JBW, WORK
    JBW, WORK = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    os.makedirs(WORK, exist_ok=True)
    unittest.main(module="__main__", argv=[sys.argv[0], "-v"])
