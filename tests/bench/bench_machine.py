"""The machine and its load average, printed by the Python benches
(bench_python.py, bench_report.py) before their figures, which depend on
both. Standard library only."""
import os
import platform


def loadavg():
    """The 1, 5 and 15 minute load averages (Linux), or "unknown"."""
    try:
        with open("/proc/loadavg") as f:
            return " ".join(f.read().split()[:3])
    except OSError:
        return "unknown"


def processor():
    """The processor's model name (Linux /proc/cpuinfo), or what
    platform.processor() says."""
    model = platform.processor() or "unknown processor"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return model


def machine():
    """Processor, cores, system, Python and the load average, on one line."""
    return (f"{processor()}, {os.cpu_count()} cores, {platform.system()} "
            f"{platform.release()}, Python {platform.python_version()}; "
            f"load average (1, 5, 15 min) {loadavg()}")
