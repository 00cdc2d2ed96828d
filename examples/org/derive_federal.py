"""Derives organisation-mode inputs in Switchback's layouts
(docs/ORGANISATION.md) from OPM FedScope's "Status" employment cube for
September 2024 (the US federal civilian workforce, 2,313,216 employees;
public domain; see NOTICE):

- `jobs`: the job architecture. A job is an occupational series at a pay
  plan and grade (`2210-GS-13`): its title is the series' title (with
  "Supervisor" added for the WS supervisory wage plan and "Manager" for the
  Senior Executive Service, where the data says so), its family the
  series, its band the lowest, headcount-weighted mean and highest average
  salary of its cells, its headcount the cells' sum.
- `grades`: the grade mapping, by a documented rule for the pay plans
  whose grades form a ladder (docs/ORGANISATION.md, "The federal
  workforce"); other plans' jobs are graded from pay.
- `cells`: one row per cell of agency sub-element x job, with its
  headcount, average salary and average length of service: the input
  `switchback_app::org::federal::expand` turns into one row per employee.
  The people OPM pools into cells of 10 or fewer (180,990) carry no
  series or grade, and 1,266 carry an invalid series (`*`); they are
  cells of the job `FED-POOLED`, marked `onet_code` = `none`: left out of
  the advice, and counted as left out. Cells whose average salary is 0
  (people serving without pay) give no salary.

    python3 examples/org/derive_federal.py jobs   STATUS.txt > examples/org/federal/jobs.csv
    python3 examples/org/derive_federal.py grades STATUS.txt > examples/org/federal/grades.csv
    python3 examples/org/derive_federal.py cells  STATUS.txt > examples/org/federal/cells.csv

STATUS.txt is `Status Employment by Agency_PayPlan_Grade_Series_202503_and_202409.txt`.
"""
import collections
import csv
import sys

GS_LIKE = {"GS", "GG", "GL", "GM", "GP", "GR"}


def gs_level(grade):
    g = int(grade)
    if g <= 2:
        return "entry"
    if g <= 4:
        return "junior"
    if g <= 7:
        return "intermediate"
    if g <= 11:
        return "senior"
    if g <= 13:
        return "lead"
    return "principal"


def wage_level(plan, grade):
    g = int(grade)
    if plan == "WG":
        return "entry" if g <= 4 else "junior" if g <= 8 else "intermediate" if g <= 11 else "senior"
    if plan == "WL":
        return "lead"
    return "supervisor" if g <= 8 else "manager"  # WS


def level(plan, grade):
    """The level for a pay plan and grade, or None to grade from pay."""
    if plan in GS_LIKE and grade.isdigit() and 1 <= int(grade) <= 15:
        return gs_level(grade)
    if plan in {"WG", "WL", "WS"} and grade.isdigit() and 1 <= int(grade) <= 19:
        return wage_level(plan, grade)
    if plan in {"ES", "SL", "ST"}:
        return "director"
    return None


def title_case(text):
    small = {"and", "or", "of", "the", "for", "in"}
    words = text.strip().lower().split()
    return " ".join(w if (i and w in small) else w.capitalize() for i, w in enumerate(words))


kind, path = sys.argv[1], sys.argv[2]
rows = [
    r
    for r in csv.DictReader(open(path, newline="", encoding="latin-1"), delimiter="\t")
    if r["DATECODE"] == "202409"
]


def paid(r):
    return r["AVGSAL"].isdigit() and int(r["AVGSAL"]) >= 1000


def job_code(r):
    if not r["OCC"].isdigit():
        return "FED-POOLED"
    return f"{int(r['OCC']):04d}-{r['PAYPLAN']}-{r['GRD']}"


out = csv.writer(sys.stdout, lineterminator="\n")
if kind == "jobs":
    jobs = collections.defaultdict(list)
    for r in rows:
        jobs[job_code(r)].append(r)
    out.writerow(["job_code", "title", "family", "grade", "salary_min", "salary_mid", "salary_max", "onet_code", "headcount"])
    for code in sorted(jobs):
        cells = jobs[code]
        r = cells[0]
        people = sum(int(c["EMPCOUNT"]) for c in cells)
        if code == "FED-POOLED":
            out.writerow([code, "Cells of 10 or fewer, pooled by OPM, and cells with an invalid series", "", "", "", "", "", "none", people])
            continue
        series = title_case(r["OCCT"])
        title = series
        if r["PAYPLAN"] == "WS":
            title += " Supervisor"
        elif r["PAYPLAN"] in {"ES", "SL", "ST"}:
            title += " Manager"
        pays = [float(c["AVGSAL"]) for c in cells if paid(c)]
        weighted = [(float(c["AVGSAL"]), int(c["EMPCOUNT"])) for c in cells if paid(c)]
        band = ["", "", ""]
        if pays and sum(n for _, n in weighted) > 0:
            mid = sum(p * n for p, n in weighted) / sum(n for _, n in weighted)
            band = [round(min(pays)), round(mid), round(max(pays))]
        band = [b if b == "" or b >= 1000 else "" for b in band]
        out.writerow([code, title, f"{int(r['OCC']):04d} {series}", f"{r['PAYPLAN']}-{r['GRD']}", *band, "", people])
elif kind == "grades":
    out.writerow(["grade", "level"])
    seen = sorted({(r["PAYPLAN"], r["GRD"]) for r in rows if r["OCC"].isdigit()})
    for plan, grade in seen:
        lv = level(plan, grade)
        if lv:
            out.writerow([f"{plan}-{grade}", lv])
elif kind == "cells":
    out.writerow(["job_code", "department", "employees", "avg_salary", "avg_years_of_service"])
    for r in rows:
        dept = "" if r["AGYSUBT"] == "10_OR_LESS" else title_case(r["AGYSUBT"])
        sal = r["AVGSAL"] if paid(r) else ""
        los = r["AVGLOS"] if r["AVGLOS"].replace(".", "", 1).isdigit() else ""
        out.writerow([job_code(r), dept, r["EMPCOUNT"], sal, los])
else:
    sys.exit(f"unknown output {kind!r}: use jobs, grades or cells")
