"""Derives organisation-mode inputs in Switchback's layouts
(docs/ORGANISATION.md) from Montgomery County, Maryland's "Employee
Salaries - 2016" (see NOTICE):

- `jobs`: the job architecture, one row per position title: its most
  common department as the family, the min / median / max current annual
  salary of the people holding it as the band, and their number as the
  headcount. The county publishes no job codes or grades, so codes are
  assigned in title order (MC-0001 ...) and grades are left empty.
- `employees`: one row per employee, in the file's order, with a
  pseudonymous id (MC-E00001 ...; names were never in the copy), the job
  code of their position title, their department, their current annual
  salary, and their years since first hired by the county (to the end of
  2016) as their years of experience. The county publishes no grades,
  years in role, goals or people-management flags; those columns are left
  empty.

    python3 examples/org/derive_montgomery.py jobs Employee_Salaries_-_2016.csv > examples/org/montgomery-county-jobs.csv
    python3 examples/org/derive_montgomery.py employees Employee_Salaries_-_2016.csv > examples/org/montgomery-county-employees.csv
"""
import collections
import csv
import datetime
import statistics
import sys

kind, path = sys.argv[1], sys.argv[2]
rows = list(csv.DictReader(open(path, newline="", encoding="utf-8")))
by_title = collections.defaultdict(list)
for r in rows:
    by_title[r["Employee Position Title"].strip()].append(r)
codes = {title: f"MC-{i:04d}" for i, title in enumerate(sorted(by_title), start=1)}


def pay(r):
    return float(r["Current Annual Salary"].strip().lstrip("$").replace(",", ""))


out = csv.writer(sys.stdout, lineterminator="\n")
if kind == "jobs":
    out.writerow(["job_code", "title", "family", "grade", "salary_min", "salary_mid", "salary_max", "onet_code", "headcount"])
    for title in sorted(by_title):
        people = by_title[title]
        family = collections.Counter(p["Department Name"].strip() for p in people).most_common(1)[0][0]
        band = sorted(pay(p) for p in people)
        out.writerow([codes[title], title, family, "", round(band[0]), round(statistics.median(band)), round(band[-1]), "", len(people)])
elif kind == "employees":
    end_of_2016 = datetime.date(2016, 12, 31)
    out.writerow(["employee_id", "job_code", "department", "grade", "salary", "years_in_role", "years_experience", "manages_people", "goal", "max_step_down", "min_pay"])
    for i, r in enumerate(rows, start=1):
        hired = datetime.datetime.strptime(r["Date First Hired"].strip(), "%m/%d/%Y").date()
        years = round((end_of_2016 - hired).days / 365.25, 1)
        out.writerow([f"MC-E{i:05d}", codes[r["Employee Position Title"].strip()], r["Department Name"].strip(), "", round(pay(r)), "", years, "", "", "", ""])
else:
    sys.exit(f"unknown output {kind!r}: use jobs or employees")
