"""Renders the council brief and each of its charts in a real browser
(headless Chromium) and checks what a reader would see: every page and
chart has a screenshot that is not blank, and nothing failed to load.

usage: python3 brief_screenshots.py PATH_TO_JBW WORK_DIR [--keep-brief PNG]
Exits 77 (skipped) with a message when no Chromium is installed.
"""
import os
import re
import shutil
import struct
import subprocess
import sys
import zlib

SKIP = 77
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "chrome")
# What Chromium logs when a page or one of its resources does not load.
LOAD_FAILURES = re.compile(r"Failed to load resource|net::ERR_|ERR_FILE_NOT_FOUND"
                           r"|Not allowed to load local resource")


def browser():
    for name in BROWSERS:
        path = shutil.which(name)
        if path:
            return path
    return None


def png_pixels(path):
    """(width, height, rows of (r, g, b)) of an 8-bit RGB or RGBA PNG."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{path} is not a PNG")
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            width, height, depth, ctype = struct.unpack(">IIBB", chunk[:10])
            if depth != 8 or ctype not in (2, 6):
                raise ValueError(f"{path}: PNG colour type {ctype}/{depth} not read here")
            bpp = 3 if ctype == 2 else 4
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + n
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows, prev, i = [], bytearray(stride), 0
    for _ in range(height):
        ftype, line = raw[i], bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b = prev[x]
            c = prev[x - bpp] if x >= bpp else 0
            if ftype == 1:
                line[x] = (line[x] + a) & 255
            elif ftype == 2:
                line[x] = (line[x] + b) & 255
            elif ftype == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif ftype == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return width, height, bpp, rows


def ink(path):
    """The share of pixels that are not white, and the number of colours."""
    width, height, bpp, rows = png_pixels(path)
    dark, colours = 0, set()
    for y in range(0, height, 2):
        row = rows[y]
        for x in range(0, width * bpp, bpp * 2):
            px = row[x:x + 3]
            if px != b"\xff\xff\xff":
                dark += 1
            if len(colours) < 64:
                colours.add(bytes(px))
    return dark / max(1, ((height + 1) // 2) * ((width + 1) // 2)), len(colours)


def screenshot(chrome, page, png, size):
    if os.path.exists(png):
        os.remove(png)
    p = subprocess.run(
        [chrome, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
         "--no-first-run", "--disable-extensions", "--enable-logging=stderr", "--v=0",
         "--force-device-scale-factor=1", f"--window-size={size}",
         f"--screenshot={png}", "file://" + os.path.abspath(page)],
        capture_output=True, text=True, timeout=180, stdin=subprocess.DEVNULL)
    failures = LOAD_FAILURES.findall(p.stderr)
    if p.returncode != 0 or not os.path.exists(png):
        raise AssertionError(f"{page}: no screenshot (exit {p.returncode})\n{p.stderr[-2000:]}")
    if failures:
        raise AssertionError(f"{page}: something failed to load: {failures}")
    return png


# Injected into a copy of the page (the brief itself has no script): after
# the load it writes every resource the page fetched, every image that did
# not load and every table wider than its box (cut on paper, behind a
# scroll bar on screen: "N:table width/box width") into attributes of
# <body>, which --dump-dom shows.
PROBE = ('<script>addEventListener("load",function(){var r=performance.'
         'getEntriesByType("resource").map(function(e){return e.name});'
         'var bad=[];document.querySelectorAll("img,image").forEach(function(i)'
         '{if(!i.complete||i.naturalWidth===0)bad.push(i.src||"image")});'
         'var wide=[];document.querySelectorAll(".wrap").forEach(function(w,i)'
         '{if(w.scrollWidth>w.clientWidth)wide.push(i+":"+w.scrollWidth+"/"+'
         'w.clientWidth)});'
         'document.body.setAttribute("data-loaded",r.join(" "));'
         'document.body.setAttribute("data-failed",bad.join(" "));'
         'document.body.setAttribute("data-wide",wide.join(" "));});</script>')


def loads(chrome, page, work):
    """What the page fetches besides itself, and what failed to load."""
    with open(page, encoding="utf-8") as f:
        text = f.read()
    if page.endswith(".svg"):
        text = "<!DOCTYPE html><html><body>" + re.sub(r"<\?xml[^>]*\?>", "", text) + "</body></html>"
    probe = os.path.join(work, "probe.html")
    with open(probe, "w", encoding="utf-8") as f:
        f.write(text.replace("</body>", PROBE + "</body>"))
    p = subprocess.run([chrome, "--headless", "--no-sandbox", "--disable-gpu",
                        "--virtual-time-budget=3000", "--dump-dom", "file://" + probe],
                       capture_output=True, text=True, timeout=180,
                       stdin=subprocess.DEVNULL)
    m = re.search(r'<body[^>]*data-loaded="([^"]*)"[^>]*data-failed="([^"]*)"'
                  r'[^>]*data-wide="([^"]*)"', p.stdout)
    if not m:
        raise AssertionError(f"{page}: the browser did not finish loading it")
    return m.group(1).split(), m.group(2).split(), m.group(3).split()


def check(png, what, min_ink):
    share, colours = ink(png)
    print(f"{what}: {share:.1%} of the pixels not white, {colours} colours")
    if share < min_ink or colours < 3:
        raise AssertionError(f"{what}: the screenshot {png} looks blank")


def self_test(chrome, work):
    """The checks find what they look for: a page with a missing image fails
    the load check, an empty page the blank check."""
    bad = os.path.join(work, "missing-image.html")
    with open(bad, "w", encoding="utf-8") as f:
        f.write('<!DOCTYPE html><html><body><p>x</p><img src="missing.png"></body></html>')
    if not loads(chrome, bad, work)[1]:
        raise AssertionError("the load check missed a missing image")
    wide = os.path.join(work, "wide-table.html")
    with open(wide, "w", encoding="utf-8") as f:
        f.write('<!DOCTYPE html><html><body style="max-width:20em">'
                '<div class="wrap" style="overflow-x:auto"><table><tr>'
                + "<td>Jeugdbescherming</td>" * 6 + '</tr></table></div></body></html>')
    if not loads(chrome, wide, work)[2]:
        raise AssertionError("the width check missed a table wider than its box")
    blank = os.path.join(work, "blank.html")
    with open(blank, "w", encoding="utf-8") as f:
        f.write("<!DOCTYPE html><html><body></body></html>")
    try:
        check(screenshot(chrome, blank, os.path.join(work, "blank.png"), "400,300"),
              "an empty page", 0.01)
    except AssertionError:
        return
    raise AssertionError("the blank check passed an empty page")


def main():
    jbw, work = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    keep = sys.argv[sys.argv.index("--keep-brief") + 1] if "--keep-brief" in sys.argv else None
    chrome = browser()
    if not chrome:
        print("SKIP: no Chromium found (install the Debian package chromium) - "
              "the brief was not rendered in a browser")
        return SKIP
    os.makedirs(work, exist_ok=True)
    self_test(chrome, work)
    brief = os.path.join(work, "brief.html")
    subprocess.run([jbw, "brief", "--out", brief, "--replicates", "50"], check=True,
                   timeout=300)
    pages = [(brief, "the brief on a desktop", "900,2400", 0.02),
             (brief, "the brief on a phone", "390,2400", 0.02)]
    # (the load check runs once per page file: the brief's second entry
    # repeats it, which costs a second)
    with open(brief, encoding="utf-8") as f:
        html = f.read()
    charts = re.findall(r"<svg xmlns=.*?</svg>", html, re.S)
    if len(charts) < 3:
        raise AssertionError(f"the brief has {len(charts)} charts, fewer than 3")
    for i, svg in enumerate(charts):
        path = os.path.join(work, f"chart{i}.svg")
        with open(path, "w", encoding="utf-8") as f:
            f.write(svg)
        title = re.search(r"<title[^>]*>(.*?)</title>", svg).group(1)
        pages.append((path, f"chart {i} ({title})", "760,640", 0.01))
    for cmd in ("series", "report", "forecast"):
        path = os.path.join(work, f"{cmd}.svg")
        subprocess.run([jbw, cmd, "--svg", path], check=True, timeout=300,
                       stdout=subprocess.DEVNULL)
        pages.append((path, f"jbw {cmd} --svg", "760,640", 0.01))
    for i, (page, what, size, min_ink) in enumerate(pages):
        png = screenshot(chrome, page, os.path.join(work, f"shot{i}.png"), size)
        check(png, what, min_ink)
        if os.path.basename(page).startswith("chart"):
            continue  # inline in the brief, whose load is checked
        loaded, failed, wide = loads(chrome, page, work)
        if loaded or failed:
            raise AssertionError(f"{what}: fetched {loaded}, failed to load {failed}: "
                                 "the page must load nothing")
        if wide:
            raise AssertionError(f"{what}: tables wider than the page (table number:"
                                 f"width/room in px) {wide}: cut when printed")
    if keep:
        screenshot(chrome, brief, keep, "800,1500")
    print(f"{len(pages)} pages rendered, none blank, nothing failed to load, "
          "no table wider than the page")
    return 0


if __name__ == "__main__":
    sys.exit(main())
