#!/usr/bin/env python3
"""Adds up the Surefire and Failsafe XML reports of every module and prints the totals in Surefire's format."""
import glob
import os
import sys
import xml.etree.ElementTree as ET


def main(root):
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    rows = []
    for kind in ("surefire-reports", "failsafe-reports"):
        for module_dir in sorted(glob.glob(os.path.join(root, "*", "target", kind))):
            module = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
            for report in glob.glob(os.path.join(module_dir, "TEST-*.xml")):
                suite = ET.parse(report).getroot()
                for key in module:
                    module[key] += int(suite.get(key, 0))
            if module["tests"]:
                name = os.path.relpath(module_dir, root).split(os.sep)[0]
                rows.append((f"{name} ({kind.split('-')[0]})", module))
                for key in totals:
                    totals[key] += module[key]
    print()
    print("Results per module:")
    for name, m in rows:
        print(f"  {name:28} Tests run: {m['tests']}, Failures: {m['failures']}, Errors: {m['errors']}, Skipped: {m['skipped']}")
    print()
    print("Results:")
    print()
    print(f"Tests run: {totals['tests']}, Failures: {totals['failures']}, Errors: {totals['errors']}, "
          f"Skipped: {totals['skipped']}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ".")
