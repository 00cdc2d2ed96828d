"""Derives examples/org/montgomery-county-jobs.csv, a job architecture in
Switchback's layout (docs/ORGANISATION.md), from Montgomery County,
Maryland's "Employee Salaries - 2016" (see NOTICE): one row per position
title, its most common department as the family, the min / median / max
current annual salary of the people holding it as the band, and their
number as the headcount. The county publishes no job codes or grades, so
codes are assigned in title order (MC-0001 …) and grades are left empty.

    python3 examples/org/derive_montgomery.py Employee_Salaries_-_2016.csv > examples/org/montgomery-county-jobs.csv
"""
import collections
import csv
import statistics
import sys

rows = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))
by_title = collections.defaultdict(list)
for r in rows:
    by_title[r["Employee Position Title"].strip()].append(r)

out = csv.writer(sys.stdout, lineterminator="\n")
out.writerow(["job_code", "title", "family", "grade", "salary_min", "salary_mid", "salary_max", "onet_code", "headcount"])
for i, title in enumerate(sorted(by_title), start=1):
    people = by_title[title]
    family = collections.Counter(p["Department Name"].strip() for p in people).most_common(1)[0][0]
    pay = sorted(float(p["Current Annual Salary"].strip().lstrip("$").replace(",", "")) for p in people)
    out.writerow([f"MC-{i:04d}", title, family, "", round(pay[0]), round(statistics.median(pay)), round(pay[-1]), "", len(people)])
