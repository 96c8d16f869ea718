"""``make bench-web``: the tracker page's budgets (issue 16), against a running ``make dev``.

Lighthouse 12 (npm, ``bench/lighthouse/``, installed here on first use) on Debian's Chromium, mobile
(its default: a mid-range phone on a slow 4G link, simulated), on the page a receipt's QR code opens
(``/track?n=…``, in Arabic, the default), three runs, the median kept:

* performance >= 95 and accessibility = 100;
* everything the page loads, fonts included, <= 100 KB over the wire (gzip, as CloudFront compresses
  and as the dev server does for the pages).

Prints each figure and every request's bytes; exits 1 if a budget is missed. A script, not a test:
scores depend on the machine (docs/web.md, "Budgets").
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
LIGHTHOUSE_DIR = ROOT / "bench" / "lighthouse"
LIGHTHOUSE = LIGHTHOUSE_DIR / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
BASE_URL = os.environ.get("SHUBBAK_WEB_URL", "http://127.0.0.1:8000")
PAGE = "/track?n=MED-2612-000001"
RUNS = 3
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking "
    "--disable-component-update --disable-sync --disable-dev-shm-usage"
)
BUDGET = {"performance": 95, "accessibility": 100, "kilobytes": 100}


def install_lighthouse() -> None:
    if not LIGHTHOUSE.exists():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=LIGHTHOUSE_DIR, check=True)


def lighthouse_report(url: str) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as folder:
        output = Path(folder) / "report.json"
        subprocess.run(
            [
                str(LIGHTHOUSE),
                url,
                f"--chrome-path={CHROMIUM}",
                f"--chrome-flags={CHROME_FLAGS}",
                "--only-categories=performance,accessibility",
                "--output=json",
                f"--output-path={output}",
                "--quiet",
            ],
            check=True,
        )
        report: dict[str, Any] = json.loads(output.read_text())
        return report


def figures(report: dict[str, Any]) -> dict[str, Any]:
    requests = report["audits"]["network-requests"]["details"]["items"]
    return {
        "performance": round(report["categories"]["performance"]["score"] * 100),
        "accessibility": round(report["categories"]["accessibility"]["score"] * 100),
        "bytes": sum(request["transferSize"] for request in requests),
        "requests": [(request["url"].removeprefix(BASE_URL), request["transferSize"]) for request in requests],
        "lcp_ms": round(report["audits"]["largest-contentful-paint"]["numericValue"]),
        "tbt_ms": round(report["audits"]["total-blocking-time"]["numericValue"]),
        "cls": round(report["audits"]["cumulative-layout-shift"]["numericValue"], 3),
    }


def main() -> None:
    try:
        httpx.get(BASE_URL + "/", timeout=5).raise_for_status()
    except httpx.HTTPError:
        raise SystemExit(f"No pages at {BASE_URL}: start `make dev` first.") from None
    install_lighthouse()
    runs = [figures(lighthouse_report(BASE_URL + PAGE)) for _ in range(RUNS)]
    median = sorted(runs, key=lambda run: run["performance"])[len(runs) // 2]
    print(f"\nLighthouse {RUNS} runs (mobile, simulated slow 4G) on {BASE_URL}{PAGE}")
    print(f"  performance    {[run['performance'] for run in runs]}  median {median['performance']}")
    print(f"  accessibility  {[run['accessibility'] for run in runs]}")
    print(f"  LCP {median['lcp_ms']} ms, TBT {median['tbt_ms']} ms, CLS {median['cls']}")
    print("  over the wire (gzip), median run:")
    for url, size in median["requests"]:
        print(f"    {size / 1024:7.1f} KB  {url}")
    kilobytes = statistics.median(run["bytes"] for run in runs) / 1024
    print(f"    {kilobytes:7.1f} KB  in all")
    missed = [
        name
        for name, ok in (
            ("performance", median["performance"] >= BUDGET["performance"]),
            ("accessibility", min(run["accessibility"] for run in runs) >= BUDGET["accessibility"]),
            ("kilobytes", kilobytes <= BUDGET["kilobytes"]),
        )
        if not ok
    ]
    print(f"\nbudgets {BUDGET}: {'all met' if not missed else 'MISSED ' + ', '.join(missed)}")
    sys.exit(1 if missed else 0)


if __name__ == "__main__":
    main()
